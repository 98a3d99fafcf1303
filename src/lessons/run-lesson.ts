/**
 * Plays a lesson headless against a simulated cluster, as CI does for every lesson: for each step,
 * its goals must not already hold, and must hold once its solution has played and settled.
 */
import type { ClusterOptions, Result, ApiError } from '../engine';
import { Cluster, SANDBOX_OPTIONS } from '../engine';
import { checkExpectation } from '../engine/scenario/expectations';
import type { Intent } from '../worker/protocol';
import { runIntent } from '../worker/run-intent';
import type { Lesson } from './types';

/** Lessons run in the app's sandbox unless they say otherwise. */
export const LESSON_SANDBOX: ClusterOptions = SANDBOX_OPTIONS;

export interface StepReport {
  readonly step: string;
  /** Every goal of the step already held before its solution (should be false). */
  readonly metBeforeSolution: boolean;
  /** Goals that did not hold after the solution (should be none), with what differed. */
  readonly unmetAfterSolution: readonly string[];
  /** Intents of the solution the cluster refused. */
  readonly refused: readonly string[];
}

export function playIntent(cluster: Cluster, intent: Intent): Result<unknown> {
  if (intent.type !== 'reset') return runIntent(cluster, intent);
  cluster.restore(new Cluster(intent.options ?? LESSON_SANDBOX).state);
  return { ok: true, value: undefined };
}

function describeRefusal(intent: Intent, error: ApiError): string {
  return `${intent.type}: ${error.kind}: ${error.message}`;
}

export function playLesson(lesson: Lesson): StepReport[] {
  const cluster = new Cluster(lesson.cluster ?? LESSON_SANDBOX);
  for (const intent of lesson.setup) {
    const result = playIntent(cluster, intent);
    if (!result.ok)
      throw new Error(`setup of ${lesson.id} refused: ${describeRefusal(intent, result.error)}`);
  }
  cluster.settle();
  return lesson.steps.map((step) => {
    // Some checklist lines may already hold (a pod from an earlier step); the goal as a whole must not.
    const metBeforeSolution = step.goals.every(
      (goal) => checkExpectation(cluster.state, goal.check).length === 0,
    );
    const refused: string[] = [];
    for (const intent of step.solution) {
      const result = playIntent(cluster, intent);
      if (!result.ok) refused.push(describeRefusal(intent, result.error));
      cluster.settle();
    }
    const unmetAfterSolution = step.goals.flatMap((goal) => {
      const problems = checkExpectation(cluster.state, goal.check);
      return problems.length === 0 ? [] : [`${goal.label}: ${problems.join('; ')}`];
    });
    return { step: step.id, metBeforeSolution, unmetAfterSolution, refused };
  });
}
