/**
 * A scripted demo is data, like a lesson but for an instructor in front of a room: a cluster to
 * start from and a list of pause points. At each pause point the presenter moves on; the step's
 * intents play, the cluster reconciles until it settles, and its narration is the caption.
 */
import type { ClusterOptions } from '../../engine';
import type { Expectation } from '../../engine/scenario/format';
import type { Intent } from '../../worker/protocol';

export interface DemoStep {
  /** The caption while this step plays and after: short Markdown, rendered as text. */
  readonly narration: string;
  /** Played in order; the cluster settles after each. Never a reset: the demo starts with one. */
  readonly intents: readonly Intent[];
  /** What the narration says happened, checked headless after the step so the script stays true. */
  readonly checks: readonly Expectation[];
}

export interface Demo {
  readonly id: string;
  readonly title: string;
  /** Shown at the first pause point, before any step has played. */
  readonly summary: string;
  /** Always given, so a demo plays the same whatever the cluster was before. */
  readonly cluster: ClusterOptions;
  /** Played (and settled) right after the reset, before the first pause point. */
  readonly setup: readonly Intent[];
  readonly steps: readonly DemoStep[];
}
