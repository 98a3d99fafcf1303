/**
 * A lesson is data: prose, a starting cluster, and steps whose goals are checks over the
 * simulated cluster — the same checks the conformance scenarios use — with hints that grow more
 * detailed and a solution made of the intents the UI sends.
 */
import type { ClusterOptions } from '../engine';
import type { Expectation } from '../engine/scenario/format';
import type { Intent } from '../worker/protocol';

/** One checklist line: what the learner reads, and the check that ticks it. */
export interface Goal {
  readonly label: string;
  readonly check: Expectation;
}

/** "Predict the next state": asked before the step's solution plays, answered after. */
export interface Prediction {
  readonly question: string;
  readonly choices: readonly string[];
  /** Index into choices. */
  readonly answer: number;
  readonly explanation: string;
}

export interface LessonStep {
  readonly id: string;
  readonly title: string;
  /** Short Markdown, rendered as text (never as HTML). */
  readonly prose: string;
  /** YAML put in the editor when the step starts (optional). */
  readonly editor?: string;
  readonly goals: readonly Goal[];
  /** From a nudge to nearly the answer. */
  readonly hints: readonly string[];
  /** Intents that reach the goals from the state the previous steps leave. */
  readonly solution: readonly Intent[];
  readonly prediction?: Prediction;
}

export interface Lesson {
  readonly id: string;
  /** Position in the course, from 1. */
  readonly number: number;
  readonly title: string;
  /** One or two sentences for the lesson list. */
  readonly summary: string;
  /** The simulated infrastructure; the app's sandbox when omitted. */
  readonly cluster?: ClusterOptions;
  /** Applied (and settled) before the first step: what "the administrator" prepared. */
  readonly setup: readonly Intent[];
  readonly steps: readonly LessonStep[];
}
