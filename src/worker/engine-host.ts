/**
 * The engine as the worker runs it: a Cluster, the timeline of frames, and playback. Pure logic
 * with an injected timer, so it runs (and is tested) in Node as well as in the worker.
 */
import type { ClusterOptions, ClusterState, RoundResult } from '../engine';
import {
  Cluster,
  SANDBOX_OPTIONS,
  explainClaimBinding,
  importClusterList,
  runKubectl,
  stateProblem,
} from '../engine';
import type { Change, KubectlOutput } from '../engine';
import { checkExpectation } from '../engine/scenario/expectations';
import type { Expectation } from '../engine/scenario/format';
import type {
  ClusterImportOutcome,
  EngineApi,
  EngineInfo,
  Frame,
  FrameCause,
  GoalResult,
  Branch,
  Intent,
  IntentResult,
  PlaybackState,
  TimelineEntry,
  TimelinePosition,
  TimelineSlice,
} from './protocol';
import type { Move, ReplayLog } from './replay-log';
import { intentProblem } from './intent-shape';
import { REPLAY_LOG_VERSION, movesOf, readsFiles, replayLogProblem } from './replay-log';
import { PROTOCOL_VERSION } from './protocol';
import { runIntent } from './run-intent';
import { manifestSchema } from './schema';
import { manifestsFile } from './export/manifests-file';
import { replayScript } from './export/replay-script';

export interface Timer {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const MIN_SPEED = 0.25;
const MAX_SPEED = 20;
/** framesUpTo answers at most this many frames. */
const MAX_FRAMES_UP_TO = 200;

export class EngineHost implements EngineApi {
  private cluster: Cluster;
  private options: ClusterOptions;
  /** The options the timeline started with (a reset may have changed them since). */
  private startOptions: ClusterOptions;
  private frames: Frame[] = [];
  /** The frame the cluster is at; below the last one after a seek. */
  private cursor = -1;
  private readonly listeners = new Set<(frame: Frame, position: TimelinePosition) => void>();
  /** Replaying a log makes many frames at once; listeners hear only the one shown at the end. */
  private muted = false;
  /** The cluster reconciles live by default, as a real one does. */
  private playing = true;
  private speed = 2;
  private pending: unknown;
  /** Bumped whenever recorded frames are replaced (a branch, a replay), for timelineSince. */
  private revision = 0;
  /** rewrittenFrom[r]: the first seq replaced on the way from revision r to r + 1. */
  private readonly rewrittenFrom: number[] = [];
  /** A frame's entry never changes (nor does the frame before it), so it is made once. */
  private readonly entries = new WeakMap<Frame, TimelineEntry>();

  constructor(
    private readonly timer: Timer,
    options: ClusterOptions = SANDBOX_OPTIONS,
  ) {
    this.options = options;
    this.startOptions = options;
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

  subscribe(listener: (frame: Frame, position: TimelinePosition) => void): void {
    this.listeners.add(listener);
    const current = this.frames[this.cursor];
    if (current) listener(current, this.position);
  }

  get position(): TimelinePosition {
    return { seq: this.cursor, head: this.frames.length - 1 };
  }

  private get atHead(): boolean {
    return this.cursor === this.frames.length - 1;
  }

  private show(frame: Frame): void {
    if (this.muted) return;
    const position = this.position;
    for (const listener of this.listeners) listener(frame, position);
  }

  seek(seq: number): Frame | undefined {
    if (!Number.isInteger(seq)) return undefined;
    // -0 finds frame 0 but would be reported back as -0.
    const frame = this.frames[seq === 0 ? 0 : seq];
    if (!frame) return undefined;
    this.pause();
    this.moveCursor(frame.seq);
    return frame;
  }

  private moveCursor(seq: number): Frame {
    const frame = this.frames[seq];
    if (!frame) throw new Error(`no frame ${seq}`);
    this.cursor = seq;
    this.cluster.restore(frame.state);
    this.show(frame);
    return frame;
  }

  get current(): Frame {
    const frame = this.frames[this.cursor];
    if (!frame) throw new Error('the timeline is empty');
    return frame;
  }

  get timelineFrames(): readonly Frame[] {
    return this.frames;
  }

  private record(cause: FrameCause, changes: readonly Change[], settled: boolean): Frame {
    // Moving on from a past frame continues from there: what came after it is dropped.
    if (this.frames.length > this.cursor + 1) this.noteRewrite(this.cursor + 1);
    this.frames.length = this.cursor + 1;
    const frame: Frame = { seq: this.frames.length, cause, state: this.cluster.state, changes, settled };
    this.frames.push(frame);
    this.cursor = frame.seq;
    this.show(frame);
    return frame;
  }

  private noteRewrite(fromSeq: number): void {
    this.rewrittenFrom.push(fromSeq);
    this.revision += 1;
  }

  /** What a new frame made from here would drop. */
  private branchFromHere(): Branch | undefined {
    return this.atHead ? undefined : { fromSeq: this.cursor, dropped: this.frames.length - 1 - this.cursor };
  }

  dispatch(intent: Intent): IntentResult {
    // Whatever arrives over the worker boundary is checked; nothing throws back out.
    const problem = intentProblem(intent, 'intent');
    if (problem) return { ok: false, error: { kind: 'BadRequest', message: problem } };
    try {
      return this.dispatchChecked(intent);
    } catch (error) {
      return {
        ok: false,
        error: { kind: 'BadRequest', message: `the engine could not do that: ${errorMessage(error)}` },
      };
    }
  }

  private dispatchChecked(intent: Intent): IntentResult {
    const branched = this.branchFromHere();
    if (intent.type === 'reset') {
      this.options = intent.options ?? this.options;
      this.cluster = new Cluster(this.options, { journal: true });
      const summary = 'reset the cluster';
      const frame = this.record({ kind: 'intent', intent: 'reset', summary, request: intent }, [], true);
      return { ok: true, summary, seq: frame.seq, ...(branched ? { branched } : {}) };
    }
    const result = runIntent(this.cluster, intent);
    this.cluster.takeJournal();
    if (!result.ok) return { ok: false, error: result.error };
    const summary = summarize(intent, result.value.value);
    const frame = this.record(
      { kind: 'intent', intent: intent.type, summary, request: intent },
      result.value.changes,
      false,
    );
    this.schedule();
    return { ok: true, summary, seq: frame.seq, ...(branched ? { branched } : {}) };
  }

  step(): Frame {
    if (!this.atHead) return this.moveCursor(this.cursor + 1);
    return this.recordRound(this.cluster.step());
  }

  private recordRound(result: RoundResult): Frame {
    return this.record({ kind: 'round' }, result.changes, !result.progressed);
  }

  settle(): Frame {
    let frame = this.current;
    for (let round = 0; round < 200; round += 1) {
      frame = this.step();
      if (frame.settled && this.atHead) break;
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
    return { playing: this.playing, speed: this.speed, settled: this.atHead && this.current.settled };
  }

  /**
   * While playing, a frame every 1/speed seconds: the recorded ones first when looking at the
   * past, then new rounds until the cluster settles.
   */
  private schedule(): void {
    if (!this.playing || this.pending !== undefined || (this.atHead && this.current.settled)) return;
    this.pending = this.timer.set(() => {
      this.pending = undefined;
      if (!this.playing) return;
      this.step();
      this.schedule();
    }, 1000 / this.speed);
  }

  kubectl(line: string, editorText: string): KubectlOutput & { branched?: Branch } {
    if (typeof line !== 'string' || typeof editorText !== 'string')
      return { stdout: '', stderr: 'error: the command line is not text\n', exitCode: 1, mutated: false };
    try {
      return this.kubectlChecked(line, editorText);
    } catch (error) {
      return {
        stdout: '',
        stderr: `error: the engine could not run that: ${errorMessage(error)}\n`,
        exitCode: 1,
        mutated: false,
      };
    }
  }

  private kubectlChecked(line: string, editorText: string): KubectlOutput & { branched?: Branch } {
    const before = this.cluster.state;
    const branched = this.branchFromHere();
    const output = runKubectl(this.cluster, line, { '-': editorText, 'editor.yaml': editorText });
    const changes = this.cluster.takeJournal();
    if (this.cluster.state !== before) {
      const trimmed = line.trim();
      this.record(
        readsFiles(trimmed)
          ? { kind: 'kubectl', line: trimmed, editorText }
          : { kind: 'kubectl', line: trimmed },
        changes,
        false,
      );
      this.schedule();
      if (branched)
        return {
          ...output,
          branched,
          stderr: `${output.stderr}(the timeline continues from round ${this.frames[branched.fromSeq]?.state.round ?? 0}; ${branched.dropped} later frames were dropped)\n`,
        };
    }
    return output;
  }

  explainClaim(namespace: string, name: string) {
    if (typeof namespace !== 'string' || typeof name !== 'string') return undefined;
    return explainClaimBinding(this.cluster.state, namespace, name);
  }

  restoreState(state: unknown): { ok: true; seq: number } | { ok: false; reason: string } {
    const problem = stateProblem(state);
    if (problem !== undefined) return { ok: false, reason: `the saved cluster cannot be used: ${problem}` };
    this.cluster = new Cluster(state as ClusterState, { journal: true });
    const frame = this.record({ kind: 'restore', summary: 'restored your saved workspace' }, [], false);
    this.schedule();
    return { ok: true, seq: frame.seq };
  }

  importCluster(text: string, options: { readonly includeSystemPods?: boolean } = {}): ClusterImportOutcome {
    const converted = importClusterList(String(text), {
      cluster: this.options,
      includeSystemPods: options.includeSystemPods === true,
    });
    if (!converted.ok) return { ok: false, reason: converted.reason };
    const { value } = converted;
    const saved = this.timelineSnapshot();
    const reset = this.dispatch({ type: 'reset', options: value.options });
    const applied = this.dispatch({ type: 'apply', text: value.manifests });
    if (!applied.ok) {
      // The import tried every object on a scratch cluster, so this means a bug: undo the reset.
      this.restoreTimeline(saved);
      this.show(this.current);
      return { ok: false, reason: `the simulator refused the imported objects: ${applied.error.message}` };
    }
    return {
      ok: true,
      seq: applied.seq,
      objects: value.objects,
      nodes: (value.options.nodes ?? []).map((node) => node.name),
      warnings: value.warnings,
      ...(reset.ok && reset.branched ? { branched: reset.branched } : {}),
    };
  }

  realClusterFiles(): { script: string; manifests: string } {
    return { script: replayScript(this.replayLog()), manifests: manifestsFile(this.current.state) };
  }

  private timelineSnapshot() {
    return {
      cluster: this.cluster,
      options: this.options,
      startOptions: this.startOptions,
      frames: [...this.frames],
      cursor: this.cursor,
    };
  }

  private restoreTimeline(saved: ReturnType<EngineHost['timelineSnapshot']>): void {
    Object.assign(this, saved);
  }

  checkGoals(checks: readonly Expectation[]): GoalResult[] {
    return checks.map((check) => {
      const problems = checkExpectation(this.cluster.state, check);
      return { met: problems.length === 0, problems };
    });
  }

  timeline(): TimelineEntry[] {
    return this.entriesFrom(0);
  }

  timelineSince(fromSeq: number, revision: number): TimelineSlice {
    const known = Number.isInteger(revision) && revision >= 0 && revision <= this.revision;
    let from = known && Number.isFinite(fromSeq) ? Math.max(0, Math.floor(fromSeq)) : 0;
    if (known) for (const seq of this.rewrittenFrom.slice(revision)) from = Math.min(from, seq);
    from = Math.min(from, this.frames.length);
    return {
      revision: this.revision,
      from,
      head: this.frames.length - 1,
      entries: this.entriesFrom(from),
    };
  }

  private entriesFrom(from: number): TimelineEntry[] {
    return this.frames.slice(from).map((frame) => {
      let entry = this.entries.get(frame);
      if (!entry) {
        entry = timelineEntry(frame, this.frames[frame.seq - 1]);
        this.entries.set(frame, entry);
      }
      return entry;
    });
  }

  framesUpTo(seq: number, count: number): Frame[] {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.frames.length || !(count > 0)) return [];
    const size = Math.min(MAX_FRAMES_UP_TO, Math.floor(count));
    return this.frames.slice(Math.max(0, seq + 1 - size), seq + 1);
  }

  frameOfEvent(namespace: string, name: string): number | undefined {
    if (typeof namespace !== 'string' || typeof name !== 'string') return undefined;
    const key = namespace ? `${namespace}/${name}` : name;
    return this.frames.find((frame) => key in frame.state.objects.Event)?.seq;
  }

  replayLog(): ReplayLog {
    return {
      version: REPLAY_LOG_VERSION,
      options: this.startOptions,
      moves: movesOf(this.frames, this.frames.length - 1),
    };
  }

  replay(
    untrusted: unknown,
    seq?: number,
  ): { ok: true; position: TimelinePosition } | { ok: false; reason: string } {
    const log = replayLogProblem(untrusted);
    if (typeof log === 'string') return { ok: false, reason: log };
    const saved = {
      cluster: this.cluster,
      options: this.options,
      start: this.startOptions,
      frames: this.frames,
      cursor: this.cursor,
    };
    this.pause();
    this.muted = true;
    try {
      this.options = log.options;
      this.startOptions = log.options;
      this.cluster = new Cluster(log.options, { journal: true });
      this.frames = [];
      this.cursor = -1;
      this.record({ kind: 'start' }, [], true);
      for (const [index, move] of log.moves.entries()) {
        const problem = this.replayMove(move);
        if (problem) throw new Error(`moves[${index}] ${problem}`);
      }
    } catch (error) {
      Object.assign(this, {
        cluster: saved.cluster,
        options: saved.options,
        startOptions: saved.start,
        frames: saved.frames,
        cursor: saved.cursor,
      });
      this.muted = false;
      return {
        ok: false,
        reason: `the timeline does not replay: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    this.muted = false;
    this.noteRewrite(0);
    const target =
      seq !== undefined && Number.isInteger(seq) && seq >= 0 && seq < this.frames.length
        ? seq
        : this.frames.length - 1;
    this.moveCursor(target);
    return { ok: true, position: this.position };
  }

  /** Makes a move's frames again; a problem means the log does not fit this engine. */
  private replayMove(move: Move): string | undefined {
    switch (move.kind) {
      case 'rounds':
        for (let round = 0; round < move.count; round += 1) this.step();
        return undefined;
      case 'intent': {
        const result = this.dispatch(move.intent);
        return result.ok ? undefined : `(${move.intent.type}) was refused: ${result.error.message}`;
      }
      case 'kubectl': {
        const before = this.cluster.state;
        const output = this.kubectl(move.line, move.editorText ?? '');
        return this.cluster.state === before
          ? `(kubectl ${move.line}) changed nothing: ${output.stderr.trim()}`
          : undefined;
      }
      case 'restore': {
        const result = this.restoreState(move.state);
        return result.ok ? undefined : result.reason;
      }
    }
  }

  forecast(
    intents: readonly Intent[],
    fromSeq?: number,
  ): { ok: true; frames: Frame[] } | { ok: false; reason: string } {
    const from = this.frames[fromSeq ?? this.cursor];
    if (!from) return { ok: false, reason: `there is no frame ${String(fromSeq)}` };
    if (!Array.isArray(intents)) return { ok: false, reason: 'the intents are not a list' };
    for (const [index, intent] of intents.entries()) {
      const problem = intentProblem(intent, `intents[${index}]`);
      if (problem) return { ok: false, reason: problem };
    }
    try {
      return this.forecastChecked(intents, from);
    } catch (error) {
      return { ok: false, reason: `the engine could not forecast that: ${errorMessage(error)}` };
    }
  }

  private forecastChecked(
    intents: readonly Intent[],
    from: Frame,
  ): { ok: true; frames: Frame[] } | { ok: false; reason: string } {
    const scratch = new Cluster(from.state, { journal: true });
    const frames: Frame[] = [
      { seq: 0, cause: { kind: 'start' }, state: scratch.state, changes: [], settled: false },
    ];
    for (const intent of intents) {
      if (intent.type === 'reset') return { ok: false, reason: 'a forecast cannot reset the cluster' };
      const result = runIntent(scratch, intent);
      scratch.takeJournal();
      if (!result.ok) return { ok: false, reason: `${intent.type}: ${result.error.message}` };
      const summary = summarize(intent, result.value.value);
      frames.push({
        seq: frames.length,
        cause: { kind: 'intent', intent: intent.type, summary, request: intent },
        state: scratch.state,
        changes: result.value.changes,
        settled: false,
      });
    }
    for (let round = 0; round < 200; round += 1) {
      const result = scratch.step();
      frames.push({
        seq: frames.length,
        cause: { kind: 'round' },
        state: scratch.state,
        changes: result.changes,
        settled: !result.progressed,
      });
      if (!result.progressed) break;
    }
    return { ok: true, frames };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function timelineEntry(frame: Frame, previous: Frame | undefined): TimelineEntry {
  const changes = frame.changes.filter((change) => !change.repeat);
  const events = changes
    .filter((change) => change.action === 'event' && change.object)
    .map(
      (change) =>
        `${change.object?.kind.toLowerCase() ?? ''}/${change.object?.name ?? ''}: ${change.message}`,
    );
  return {
    seq: frame.seq,
    round: frame.state.round,
    cause: frame.cause.kind,
    label: frameLabel(frame, changes),
    changeCount: changes.length,
    events,
    warnings: newWarnings(frame, previous),
  };
}

/** Warning Events that exist in this frame and not in the one before. */
function newWarnings(frame: Frame, previous: Frame | undefined): string[] {
  const now = frame.state.objects.Event;
  const before = previous?.state.objects.Event;
  // Unchanged tables are shared between states: no new Event at all.
  if (now === before) return [];
  return Object.entries(now)
    .filter(([key, event]) => event.type === 'Warning' && !(before && key in before))
    .map(
      ([, event]) =>
        `${event.reason ?? ''} ${(event.involvedObject.kind ?? '').toLowerCase()}/${event.involvedObject.name ?? ''}`,
    );
}

function frameLabel(frame: Frame, changes: readonly Change[]): string {
  switch (frame.cause.kind) {
    case 'start':
      return 'the cluster started';
    case 'intent':
    case 'restore':
      return frame.cause.summary;
    case 'kubectl':
      return `$ ${frame.cause.line}`;
    case 'round':
      return changes[0]?.message ?? 'nothing changed';
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
