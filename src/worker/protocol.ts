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

/** A lesson goal checked against the current cluster: met, or what still differs. */
export interface GoalResult {
  readonly met: boolean;
  readonly problems: readonly string[];
}

/** Bump when a message changes shape; the client refuses a worker of another version. */
export const PROTOCOL_VERSION = 3;

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
  | { readonly kind: 'intent'; readonly intent: IntentType; readonly summary: string }
  | { readonly kind: 'kubectl'; readonly line: string }
  | { readonly kind: 'round' };

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

export type IntentResult =
  | { readonly ok: true; readonly summary: string; readonly seq: number }
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
  /** Frames are pushed to the listener as they are made; the current frame is sent at once. */
  subscribe(listener: (frame: Frame) => void): void;
  dispatch(intent: Intent): IntentResult;
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
  kubectl(line: string, editorText: string): KubectlOutput;
  explainClaim(namespace: string, name: string): ClaimBindingExplanation | undefined;
  /**
   * Continues from a saved cluster state (a workspace saved in the browser). An untrusted value
   * is checked first; a refusal says why and changes nothing.
   */
  restoreState(
    state: unknown,
  ): { readonly ok: true; readonly seq: number } | { readonly ok: false; readonly reason: string };
  /** Checks lesson goals (conformance-style expectations) against the current cluster. */
  checkGoals(checks: readonly Expectation[]): GoalResult[];
}
