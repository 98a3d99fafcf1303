/** Runs one scenario against a fresh simulated cluster and reports what differed. */
import type { ApiError } from '../api/errors';
import { Cluster } from '../cluster';
import { formatRef } from '../model/types';
import type { Scenario, Step } from './format';
import { checkExpectation } from './expectations';

export interface ScenarioOutcome {
  readonly passed: boolean;
  readonly problems: readonly string[];
}

type StepOutcome = { ok: true } | { ok: false; error: ApiError } | { fatal: string };

function describeError(error: ApiError): string {
  const at = error.position
    ? ` (document ${error.position.document}, line ${error.position.line}, column ${error.position.column})`
    : '';
  return `${error.kind}: ${error.message}${at}`;
}

export function runScenario(scenario: Scenario): ScenarioOutcome {
  let cluster: Cluster;
  try {
    cluster = new Cluster(scenario.cluster);
  } catch (error) {
    return {
      passed: false,
      problems: [`cluster: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  let pendingError: { step: number; error: ApiError } | undefined;
  for (const [index, step] of scenario.steps.entries()) {
    const where = `step ${index + 1}`;
    if ('expectError' in step) {
      if (!pendingError)
        return fail(
          `${where}: expected the previous step to fail with ${step.expectError}, but it succeeded`,
        );
      if (pendingError.error.kind !== step.expectError) {
        return fail(`${where}: expected ${step.expectError}, got ${describeError(pendingError.error)}`);
      }
      pendingError = undefined;
      continue;
    }
    if (pendingError)
      return fail(
        `step ${pendingError.step}: refused without an expectError: ${describeError(pendingError.error)}`,
      );
    if ('expect' in step) {
      const problems = step.expect.flatMap((expectation) => checkExpectation(cluster.state, expectation));
      if (problems.length > 0)
        return { passed: false, problems: problems.map((problem) => `${where}: ${problem}`) };
      continue;
    }
    const outcome = runStep(cluster, step);
    if ('fatal' in outcome) return fail(`${where}: ${outcome.fatal}`);
    if (!outcome.ok) pendingError = { step: index + 1, error: outcome.error };
  }
  if (pendingError)
    return fail(
      `step ${pendingError.step}: refused without an expectError: ${describeError(pendingError.error)}`,
    );
  return { passed: true, problems: [] };
}

function fail(problem: string): ScenarioOutcome {
  return { passed: false, problems: [problem] };
}

function runStep(
  cluster: Cluster,
  step: Exclude<Step, { expect: unknown } | { expectError: unknown }>,
): StepOutcome {
  const wrap = (result: { ok: boolean; error?: ApiError }): StepOutcome =>
    result.ok ? { ok: true } : { ok: false, error: result.error as ApiError };
  if ('apply' in step) return wrap(cluster.apply(step.apply));
  if ('delete' in step) return wrap(cluster.delete(step.delete));
  if ('patch' in step) return wrap(cluster.patch(step.patch.object, step.patch.merge));
  if ('write' in step) return wrap(cluster.write(step.write.pod, step.write.path, step.write.content));
  if ('crash' in step) {
    if (step.crash.kind !== 'Pod') return { fatal: `crash takes a Pod, got ${formatRef(step.crash)}` };
    return wrap(cluster.crash(step.crash));
  }
  if ('fault' in step) {
    const target =
      step.fault.provisioner !== undefined
        ? { driver: step.fault.provisioner }
        : { node: step.fault.node ?? '' };
    return wrap(
      step.fault.clear ? cluster.clearFault(target) : cluster.fault(target, step.fault.error ?? ''),
    );
  }
  if ('settle' in step) {
    const result = cluster.settle();
    return result.converged
      ? { ok: true }
      : { fatal: `settle did not converge within ${result.rounds} rounds` };
  }
  for (let round = 0; round < step.tick; round += 1) cluster.step();
  return { ok: true };
}
