/**
 * Plays live frames as beats: which picture the graph draws now, which beat it is telling, and
 * for how long. Frames that continue the story queue behind the one playing (two at most: older
 * ones are skipped, their effects shown at once) and make it hurry, so the graph never falls far
 * behind the timeline. A jump (seek, restore) or the skip key shows the end at once. No React
 * here: time comes from an injected timer, so tests drive it by hand.
 */
import type { Change, ClusterState } from '../../engine';
import { graphFailures } from '../../engine';
import type { Frame } from '../../worker/protocol';
import type { Beat } from './beats';
import { beatContext, graphAfterBeat, planBeats } from './beats';
import type { GraphModel } from './model';
import { buildGraphModel } from './model';
import { withFailures } from './failure-overlay';

/** Learning: after an Apply, in lessons and demos. Free: everything else. */
export type Pace = 'learning' | 'free';

/** A beat's length at each pace, and the most one round may take (more beats: shorter ones). */
export const BEAT_MS: Readonly<Record<Pace, number>> = { learning: 1200, free: 400 };
const ROUND_MAX_MS: Readonly<Record<Pace, number>> = { learning: 7200, free: 2400 };
/** A beat is never shorter than this, or its caption cannot be read at all. */
const MIN_BEAT_MS = 200;
/** While newer frames wait, each beat gets this long. */
export const HURRY_MS = 250;
/** The token travels for this share of its beat, then rests on the card it acted on. */
const TRAVEL_SHARE = 0.55;
/** Frames waiting behind the one playing; older ones are skipped. */
export const MAX_WAITING = 2;
/** A round with more beats than this (a big paste) is told as a list, not played. */
export const MAX_PLAYED_BEATS = 30;
/** How long a round told at once (reduced motion, too many beats) stays on screen. */
export const TOLD_MS = 8000;

export interface RoundInput {
  readonly seq: number;
  readonly state: ClusterState;
  readonly changes: readonly Change[];
  readonly pace: Pace;
  /** A frame the user's own action made (an Apply, a kubectl line): it is answered at once. */
  readonly byUser?: boolean;
}

export interface BeatShown {
  readonly seq: number;
  /** From 0. */
  readonly index: number;
  readonly count: number;
  readonly beat: Beat;
  readonly travelMs: number;
  readonly beatMs: number;
}

/** A round told at once: with reduced motion, or too big to play beat by beat. */
export interface RoundTold {
  readonly seq: number;
  readonly beats: readonly Beat[];
}

export interface DirectorView {
  /** What the graph draws now. */
  readonly model: GraphModel;
  readonly playing: BeatShown | null;
  readonly told: RoundTold | null;
}

export interface Timer {
  set(callback: () => void, ms: number): number;
  clear(handle: number): void;
}

const EMPTY_MODEL: GraphModel = { nodes: [], edges: [], zones: [] };
export const NOTHING_SHOWN: DirectorView = { model: EMPTY_MODEL, playing: null, told: null };

interface Playing {
  readonly input: RoundInput;
  readonly previous: GraphModel;
  readonly next: GraphModel;
  readonly beats: readonly Beat[];
  readonly plan: ReturnType<typeof planBeats>;
  index: number;
  hurry: boolean;
}

/** Whether a frame has anything to tell (a settled round repeats events and changes nothing). */
function tellsSomething(input: RoundInput): boolean {
  return input.changes.some((change) => !change.repeat);
}

export function beatLength(pace: Pace, count: number, hurry: boolean): number {
  if (hurry) return HURRY_MS;
  return Math.max(MIN_BEAT_MS, Math.min(BEAT_MS[pace], ROUND_MAX_MS[pace] / Math.max(1, count)));
}

export class BeatDirector {
  private view: DirectorView = NOTHING_SHOWN;
  /** The state whose picture the last finished round ended at: the next round is told from it. */
  private shownState: ClusterState | undefined;
  private playing: Playing | null = null;
  private waiting: RoundInput[] = [];
  private latest: ClusterState | undefined;
  private beatTimer: number | undefined;
  private toldTimer: number | undefined;
  private reduced = false;
  private readonly models = new WeakMap<ClusterState, GraphModel>();

  constructor(
    private readonly timer: Timer,
    private readonly onView: (view: DirectorView) => void,
  ) {}

  get current(): DirectorView {
    return this.view;
  }

  /** A frame reached by a jump (a seek, a restore, the first one): drawn at once, as it is. */
  jumpTo(state: ClusterState): void {
    this.stop();
    this.shownState = state;
    this.latest = state;
    this.show({ model: this.modelOf(state), playing: null, told: null });
  }

  /** A frame that continues the story: its beats play, after those of the frames before it. */
  continueWith(input: RoundInput): void {
    const before = this.latest;
    this.latest = input.state;
    if (this.reduced) {
      this.tellAtOnce(input);
      return;
    }
    if (input.byUser && before && (this.playing || this.waiting.length > 0)) {
      // The user acted: what was still being told ends now, and the answer to them starts at once.
      this.stop();
      this.shownState = before;
      this.start(input);
      return;
    }
    if (!this.playing && this.waiting.length === 0) {
      this.start(input);
      return;
    }
    this.waiting.push(input);
    // Skipped frames are told from an older picture: what they did appears as the next round starts.
    while (this.waiting.length > MAX_WAITING) this.waiting.shift();
    if (tellsSomething(input)) this.hurry();
  }

  /** The skip key: the end of everything received, now. */
  skip(): void {
    const latest = this.latest;
    if (!latest || (!this.playing && this.waiting.length === 0)) return;
    this.stop();
    this.shownState = latest;
    this.show({ model: this.modelOf(latest), playing: null, told: null });
  }

  setReduced(reduced: boolean): void {
    if (reduced === this.reduced) return;
    this.reduced = reduced;
    if (reduced) this.skip();
  }

  dispose(): void {
    this.stop();
    if (this.toldTimer !== undefined) this.timer.clear(this.toldTimer);
  }

  private modelOf(state: ClusterState | undefined): GraphModel {
    if (!state) return EMPTY_MODEL;
    let model = this.models.get(state);
    if (!model) {
      // Failures go in before the layout, so their lines and missing cards are placed like the rest.
      model = withFailures(buildGraphModel(state), graphFailures(state));
      this.models.set(state, model);
    }
    return model;
  }

  private show(view: DirectorView): void {
    this.view = view;
    this.onView(view);
  }

  private stop(): void {
    if (this.beatTimer !== undefined) this.timer.clear(this.beatTimer);
    this.beatTimer = undefined;
    this.playing = null;
    this.waiting = [];
  }

  private planOf(input: RoundInput) {
    const previous = this.modelOf(this.shownState);
    const next = this.modelOf(input.state);
    const plan = planBeats(previous, next, input.changes, beatContext(this.shownState, input.state));
    return { previous, next, plan };
  }

  private tellAtOnce(input: RoundInput): void {
    this.stop();
    const { next, plan } = this.planOf(input);
    this.shownState = input.state;
    if (plan.beats.length === 0) {
      this.show({ ...this.view, model: next, playing: null });
      return;
    }
    this.showTold(next, { seq: input.seq, beats: plan.beats });
  }

  private showTold(model: GraphModel, told: RoundTold): void {
    this.show({ model, playing: null, told });
    if (this.toldTimer !== undefined) this.timer.clear(this.toldTimer);
    this.toldTimer = this.timer.set(() => {
      this.toldTimer = undefined;
      if (this.view.told === told) this.show({ ...this.view, told: null });
    }, TOLD_MS);
  }

  private start(input: RoundInput): void {
    const { previous, next, plan } = this.planOf(input);
    if (plan.beats.length === 0 || plan.beats.length > MAX_PLAYED_BEATS) {
      this.shownState = input.state;
      if (plan.beats.length > 0) this.showTold(next, { seq: input.seq, beats: plan.beats });
      else this.show({ ...this.view, model: next, playing: null });
      this.startWaiting();
      return;
    }
    this.playing = {
      input,
      previous,
      next,
      beats: plan.beats,
      plan,
      index: 0,
      hurry: this.waiting.some(tellsSomething),
    };
    this.showBeat();
  }

  private showBeat(): void {
    const playing = this.playing;
    if (!playing) return;
    const { index, beats, input } = playing;
    const beat = beats[index] as Beat;
    const beatMs = beatLength(input.pace, beats.length, playing.hurry);
    const last = index === beats.length - 1;
    this.show({
      model: last ? playing.next : graphAfterBeat(playing.previous, playing.next, playing.plan, index),
      playing: {
        seq: input.seq,
        index,
        count: beats.length,
        beat,
        travelMs: Math.round(beatMs * TRAVEL_SHARE),
        beatMs,
      },
      told: null,
    });
    this.scheduleBeatEnd(beatMs);
  }

  private scheduleBeatEnd(ms: number): void {
    if (this.beatTimer !== undefined) this.timer.clear(this.beatTimer);
    this.beatTimer = this.timer.set(() => {
      this.beatTimer = undefined;
      this.endBeat();
    }, ms);
  }

  private endBeat(): void {
    const playing = this.playing;
    if (!playing) return;
    if (playing.index < playing.beats.length - 1) {
      playing.index += 1;
      this.showBeat();
      return;
    }
    this.shownState = playing.input.state;
    this.playing = null;
    if (this.waiting.length > 0) this.startWaiting();
    else this.show({ model: playing.next, playing: null, told: null });
  }

  private startWaiting(): void {
    const input = this.waiting.shift();
    if (input) this.start(input);
  }

  /** Newer frames wait: the beat shown ends soon and the rest are short. */
  private hurry(): void {
    const playing = this.playing;
    if (!playing || playing.hurry) return;
    playing.hurry = true;
    this.scheduleBeatEnd(HURRY_MS);
  }
}

/** Whether the story of an Apply goes on: from an apply until the cluster settles. */
export interface StoryPace {
  readonly applying: boolean;
}

/** The pace of a live frame, and whether an Apply's story continues after it. */
export function paceOfFrame(
  frame: Frame,
  story: StoryPace,
  guided: boolean,
): { readonly pace: Pace; readonly story: StoryPace } {
  const cause = frame.cause;
  const applying =
    cause.kind === 'intent'
      ? cause.intent === 'apply' || cause.intent === 'create'
      : cause.kind === 'kubectl'
        ? /^kubectl\s+(apply|create)\b/.test(cause.line)
        : cause.kind === 'round' && story.applying;
  return {
    pace: guided || applying ? 'learning' : 'free',
    story: { applying: applying && !frame.settled },
  };
}
