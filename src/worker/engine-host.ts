/**
 * The engine as the worker runs it: a Cluster, the timeline of frames, and playback. Pure logic
 * with an injected timer, so it runs (and is tested) in Node as well as in the worker.
 */
import type { ClusterOptions, ClusterState, RoundResult } from '../engine';
import { Cluster, SANDBOX_OPTIONS, explainClaimBinding, runKubectl, stateProblem } from '../engine';
import type { Change } from '../engine';
import { checkExpectation } from '../engine/scenario/expectations';
import type { Expectation } from '../engine/scenario/format';
import type {
  EngineApi,
  EngineInfo,
  Frame,
  FrameCause,
  GoalResult,
  Intent,
  IntentResult,
  PlaybackState,
} from './protocol';
import { PROTOCOL_VERSION } from './protocol';
import { manifestSchema } from './schema';

export interface Timer {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const MIN_SPEED = 0.25;
const MAX_SPEED = 20;

export class EngineHost implements EngineApi {
  private cluster: Cluster;
  private options: ClusterOptions;
  private readonly frames: Frame[] = [];
  /** The frame the cluster is at; below the last one after a seek. */
  private cursor = -1;
  private readonly listeners = new Set<(frame: Frame) => void>();
  /** The cluster reconciles live by default, as a real one does. */
  private playing = true;
  private speed = 2;
  private pending: unknown;

  constructor(
    private readonly timer: Timer,
    options: ClusterOptions = SANDBOX_OPTIONS,
  ) {
    this.options = options;
    this.cluster = new Cluster(options, { journal: true });
    this.record({ kind: 'start' }, [], true);
  }

  hello(): EngineInfo {
    return {
      protocolVersion: PROTOCOL_VERSION,
      drivers: this.options.drivers ?? [],
      schema: manifestSchema(),
    };
  }

  subscribe(listener: (frame: Frame) => void): void {
    this.listeners.add(listener);
    const current = this.frames[this.cursor];
    if (current) listener(current);
  }

  seek(seq: number): Frame | undefined {
    const frame = this.frames[seq];
    if (!frame) return undefined;
    this.pause();
    this.cursor = seq;
    this.cluster.restore(frame.state);
    for (const listener of this.listeners) listener(frame);
    return frame;
  }

  get current(): Frame {
    const frame = this.frames[this.cursor];
    if (!frame) throw new Error('the timeline is empty');
    return frame;
  }

  get timeline(): readonly Frame[] {
    return this.frames;
  }

  private record(cause: FrameCause, changes: readonly Change[], settled: boolean): Frame {
    // Moving on from a past frame continues from there: what came after it is dropped.
    this.frames.length = this.cursor + 1;
    const frame: Frame = { seq: this.frames.length, cause, state: this.cluster.state, changes, settled };
    this.frames.push(frame);
    this.cursor = frame.seq;
    for (const listener of this.listeners) listener(frame);
    return frame;
  }

  dispatch(intent: Intent): IntentResult {
    if (intent.type === 'reset') {
      this.options = intent.options ?? this.options;
      this.cluster = new Cluster(this.options, { journal: true });
      const frame = this.record({ kind: 'intent', intent: 'reset', summary: 'reset the cluster' }, [], true);
      return { ok: true, summary: 'reset the cluster', seq: frame.seq };
    }
    const result = this.runIntent(intent);
    this.cluster.takeJournal();
    if (!result.ok) return { ok: false, error: result.error };
    const summary = summarize(intent, result.value.value);
    const frame = this.record({ kind: 'intent', intent: intent.type, summary }, result.value.changes, false);
    this.schedule();
    return { ok: true, summary, seq: frame.seq };
  }

  private runIntent(intent: Exclude<Intent, { type: 'reset' }>) {
    switch (intent.type) {
      case 'apply':
        return this.cluster.apply(intent.text);
      case 'create':
        return this.cluster.create(intent.text);
      case 'delete':
        return this.cluster.delete(intent.ref);
      case 'patch':
        return this.cluster.patch(intent.ref, intent.patch);
      case 'write':
        return this.cluster.write(intent.pod, intent.path, intent.content);
      case 'crash':
        return this.cluster.crash(intent.pod);
      case 'fault':
        return this.cluster.fault(intent.target, intent.error);
      case 'clearFault':
        return this.cluster.clearFault(intent.target);
    }
  }

  step(): Frame {
    return this.recordRound(this.cluster.step());
  }

  private recordRound(result: RoundResult): Frame {
    return this.record({ kind: 'round' }, result.changes, !result.progressed);
  }

  settle(): Frame {
    let frame = this.current;
    for (let round = 0; round < 200; round += 1) {
      frame = this.step();
      if (frame.settled) break;
    }
    return frame;
  }

  play(): PlaybackState {
    this.playing = true;
    this.schedule();
    return this.playback();
  }

  pause(): PlaybackState {
    this.playing = false;
    if (this.pending !== undefined) this.timer.clear(this.pending);
    this.pending = undefined;
    return this.playback();
  }

  setSpeed(roundsPerSecond: number): PlaybackState {
    this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, roundsPerSecond));
    if (this.pending !== undefined) {
      this.timer.clear(this.pending);
      this.pending = undefined;
      this.schedule();
    }
    return this.playback();
  }

  playback(): PlaybackState {
    return { playing: this.playing, speed: this.speed, settled: this.current.settled };
  }

  /** While playing, a round runs every 1/speed seconds until the cluster settles. */
  private schedule(): void {
    if (!this.playing || this.pending !== undefined || this.current.settled) return;
    this.pending = this.timer.set(() => {
      this.pending = undefined;
      if (!this.playing) return;
      this.step();
      this.schedule();
    }, 1000 / this.speed);
  }

  kubectl(line: string, editorText: string) {
    const before = this.cluster.state;
    const output = runKubectl(this.cluster, line, { '-': editorText, 'editor.yaml': editorText });
    const changes = this.cluster.takeJournal();
    if (this.cluster.state !== before) {
      this.record({ kind: 'kubectl', line: line.trim() }, changes, false);
      this.schedule();
    }
    return output;
  }

  explainClaim(namespace: string, name: string) {
    return explainClaimBinding(this.cluster.state, namespace, name);
  }

  restoreState(state: unknown): { ok: true; seq: number } | { ok: false; reason: string } {
    const problem = stateProblem(state);
    if (problem !== undefined) return { ok: false, reason: `the saved cluster cannot be used: ${problem}` };
    this.cluster = new Cluster(state as ClusterState, { journal: true });
    const frame = this.record(
      { kind: 'intent', intent: 'reset', summary: 'restored your saved workspace' },
      [],
      false,
    );
    this.schedule();
    return { ok: true, seq: frame.seq };
  }

  checkGoals(checks: readonly Expectation[]): GoalResult[] {
    return checks.map((check) => {
      const problems = checkExpectation(this.cluster.state, check);
      return { met: problems.length === 0, problems };
    });
  }
}

function summarize(intent: Exclude<Intent, { type: 'reset' }>, value: unknown): string {
  switch (intent.type) {
    case 'apply':
    case 'create': {
      const items = Array.isArray(value)
        ? (value as { ref: { kind: string; name: string }; outcome: string }[])
        : [];
      if (items.length === 0) return 'nothing to apply';
      return items
        .map((item) => `${item.ref.kind.toLowerCase()}/${item.ref.name} ${item.outcome}`)
        .join(', ');
    }
    case 'delete':
      return `deleted ${intent.ref.kind} ${intent.ref.name}`;
    case 'patch':
      return `patched ${intent.ref.kind} ${intent.ref.name}`;
    case 'write':
      return `pod ${intent.pod.name} wrote ${intent.path}`;
    case 'crash':
      return `pod ${intent.pod.name} crashed and restarted`;
    case 'fault':
      return 'driver' in intent.target
        ? `${intent.target.driver} fails: ${intent.error}`
        : `node ${intent.target.node} stopped responding`;
    case 'clearFault':
      return 'driver' in intent.target
        ? `${intent.target.driver} recovered`
        : `node ${intent.target.node} recovered`;
  }
}
