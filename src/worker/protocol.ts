/**
 * The typed, versioned protocol between the UI and the engine's Web Worker. Intents go in; frames
 * come out: the complete cluster state after an intent or a reconcile round, with the changes
 * that produced it. The UI renders frames only; it never runs the engine.
 */
import type {
  ApiError,
  Change,
  ClaimBindingExplanation,
  ClusterOptions,
  ClusterState,
  FaultTarget,
  KubectlOutput,
  ObjectRef,
} from '../engine';
import type { Expectation } from '../engine/scenario/format';
import type { ReplayLog } from './replay-log';

/** What importing a real cluster's `kubectl get -o yaml` output did. */
export type ClusterImportOutcome =
  | {
      readonly ok: true;
      /** The frame showing the imported objects (after a fresh start with the cluster's nodes). */
      readonly seq: number;
      readonly objects: readonly ObjectRef[];
      readonly nodes: readonly string[];
      /** What could not be simulated, one sentence each. */
      readonly warnings: readonly string[];
      readonly branched?: Branch;
    }
  | { readonly ok: false; readonly reason: string };

/** A lesson goal checked against the current cluster: met, or what still differs. */
export interface GoalResult {
  readonly met: boolean;
  readonly problems: readonly string[];
}

/** Bump when a message changes shape; the client refuses a worker of another version. */
export const PROTOCOL_VERSION = 5;

export interface PodRef {
  readonly namespace?: string;
  readonly name: string;
}

export type Intent =
  | { readonly type: 'apply'; readonly text: string }
  | { readonly type: 'create'; readonly text: string }
  | { readonly type: 'delete'; readonly ref: ObjectRef }
  | { readonly type: 'patch'; readonly ref: ObjectRef; readonly patch: unknown }
  | { readonly type: 'write'; readonly pod: PodRef; readonly path: string; readonly content: string }
  | { readonly type: 'crash'; readonly pod: PodRef }
  | { readonly type: 'fault'; readonly target: FaultTarget; readonly error: string }
  | { readonly type: 'clearFault'; readonly target: FaultTarget }
  | { readonly type: 'reset'; readonly options?: ClusterOptions };

export type IntentType = Intent['type'];

/** Why a frame exists. */
export type FrameCause =
  | { readonly kind: 'start' }
  | {
      readonly kind: 'intent';
      readonly intent: IntentType;
      readonly summary: string;
      /** The whole intent, so the timeline can be replayed (share links, saved workspaces). */
      readonly request: Intent;
    }
  /** editorText: what `-f -` read, kept only for lines that read a file. */
  | { readonly kind: 'kubectl'; readonly line: string; readonly editorText?: string }
  | { readonly kind: 'round' }
  /** The cluster continued from a saved state. */
  | { readonly kind: 'restore'; readonly summary: string };

/** Where the shown frame sits in the timeline: `seq < head` while looking at the past. */
export interface TimelinePosition {
  readonly seq: number;
  readonly head: number;
}

/** One frame, in brief, for the timeline strip. */
export interface TimelineEntry {
  readonly seq: number;
  readonly round: number;
  readonly cause: FrameCause['kind'];
  /** What happened, in one line: the intent, the kubectl line, or the round's first change. */
  readonly label: string;
  /** How many changes (repeated events aside) the frame made. */
  readonly changeCount: number;
  /** Events first recorded in this frame: "Warning ProvisioningFailed pvc/data". */
  readonly events: readonly string[];
  /** Warning events first created in this frame: "ProvisioningFailed persistentvolumeclaim/data". */
  readonly warnings: readonly string[];
}

/**
 * The timeline entries a strip is missing. A strip holds entries of one `revision`; when frames
 * are replaced (a branch, a replay) the revision moves on and `from` goes back to the first
 * replaced frame, so the strip keeps its entries before `from` and takes these after them.
 */
export interface TimelineSlice {
  readonly revision: number;
  /** The seq of `entries[0]`. */
  readonly from: number;
  readonly head: number;
  readonly entries: readonly TimelineEntry[];
}

export interface Frame {
  /** Position in the timeline, from 0. */
  readonly seq: number;
  readonly cause: FrameCause;
  readonly state: ClusterState;
  /** The changes that led from the previous frame to this one, in order. */
  readonly changes: readonly Change[];
  /** The last reconcile round made no progress: nothing more will happen without a new intent. */
  readonly settled: boolean;
}

/** An intent sent while looking at the past continues from there: the later frames are dropped. */
export interface Branch {
  readonly fromSeq: number;
  readonly dropped: number;
}

export type IntentResult =
  | { readonly ok: true; readonly summary: string; readonly seq: number; readonly branched?: Branch }
  | { readonly ok: false; readonly error: ApiError };

export interface PlaybackState {
  readonly playing: boolean;
  /** Reconcile rounds per second while playing. */
  readonly speed: number;
  readonly settled: boolean;
}

export interface EngineInfo {
  readonly protocolVersion: number;
  readonly drivers: readonly string[];
  /** JSON Schema of the manifests the engine accepts, for the editor. */
  readonly schema: object;
}

/** Everything the worker answers. Every method is async across the worker boundary. */
export interface EngineApi {
  hello(): EngineInfo;
  /** Frames are pushed to the listener as they are made (or sought); the current one at once. */
  subscribe(listener: (frame: Frame, position: TimelinePosition) => void): void;
  dispatch(intent: Intent): IntentResult;
  /** One round; while looking at the past, the next recorded frame instead (nothing is dropped). */
  step(): Frame;
  /** Rounds until nothing changes; every round becomes a frame. */
  settle(): Frame;
  play(): PlaybackState;
  pause(): PlaybackState;
  setSpeed(roundsPerSecond: number): PlaybackState;
  playback(): PlaybackState;
  /**
   * Shows the cluster as it was at frame `seq` (and pauses). A new intent or round from there
   * continues from that frame: the frames after it are dropped.
   */
  seek(seq: number): Frame | undefined;
  /** Every frame of the timeline, in brief. */
  timeline(): TimelineEntry[];
  /**
   * Only what a strip holding entries 0..fromSeq-1 of `revision` is missing (or everything from
   * the first frame replaced since that revision). A big cluster makes thousands of frames.
   */
  timelineSince(fromSeq: number, revision: number): TimelineSlice;
  /**
   * The frames up to `seq`, the last `count` of them (at most 200), to retell the story that led
   * to a sought frame; none when there is no frame `seq`.
   */
  framesUpTo(seq: number, count: number): Frame[];
  /** The first frame in which an Event object exists (to jump to when it happened). */
  frameOfEvent(namespace: string, name: string): number | undefined;
  /** The moves that rebuild the timeline up to its head, for links and saved workspaces. */
  replayLog(): ReplayLog;
  /**
   * Starts over and replays a log (untrusted: checked first), then shows frame `seq` (default:
   * the last). A refusal says why and changes nothing.
   */
  replay(
    log: unknown,
    seq?: number,
  ):
    | { readonly ok: true; readonly position: TimelinePosition }
    | { readonly ok: false; readonly reason: string };
  /**
   * What would happen: runs the intents on a scratch copy of frame `fromSeq` (default: the shown
   * one) and reconciles until settled. The real timeline is not touched.
   */
  forecast(
    intents: readonly Intent[],
    fromSeq?: number,
  ): { readonly ok: true; readonly frames: Frame[] } | { readonly ok: false; readonly reason: string };
  /** `branched`: the line changed the cluster while looking at the past (as for intents). */
  kubectl(line: string, editorText: string): KubectlOutput & { readonly branched?: Branch };
  explainClaim(namespace: string, name: string): ClaimBindingExplanation | undefined;
  /**
   * Continues from a saved cluster state (a workspace saved in the browser). An untrusted value
   * is checked first; a refusal says why and changes nothing.
   */
  restoreState(
    state: unknown,
  ): { readonly ok: true; readonly seq: number } | { readonly ok: false; readonly reason: string };
  /**
   * Draws a real cluster: the text `kubectl get pv,pvc,sc,pods -A -o yaml` printed becomes two
   * ordinary moves, a reset with the cluster's nodes and an apply of the cleaned manifests, so
   * the timeline, links and saved workspaces replay it like anything else. A refusal changes nothing.
   */
  importCluster(text: string, options?: { readonly includeSystemPods?: boolean }): ClusterImportOutcome;
  /**
   * The story for a real cluster: `script` replays the timeline with kubectl (replay.sh),
   * `manifests` holds the user's objects in the shown frame (manifests.yaml).
   */
  realClusterFiles(): { readonly script: string; readonly manifests: string };
  /** Checks lesson goals (conformance-style expectations) against the current cluster. */
  checkGoals(checks: readonly Expectation[]): GoalResult[];
}
