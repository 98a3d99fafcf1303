/**
 * Property-based tests of the whole engine: random operation sequences over small random pools
 * of classes, volumes, claims and pods (arbitraries.ts), with the invariants of invariants.ts
 * checked after every operation or settle (run.ts). A failure prints the shrunk scenario, the
 * trace of what the cluster answered, and the broken invariant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './arbitraries';
import { runScenario } from './run';

/** Generous limit for a slow shared machine; the suite normally needs a fraction of it. */
const TEST_TIMEOUT_MS = 120_000;

describe('cluster properties', () => {
  it(
    'keeps the storage invariants through random operation sequences',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (scenario) => {
          const report = runScenario(scenario, { checkInvariants: true });
          if (report.violations.length > 0) {
            throw new Error(`${report.violations.join('\n')}\ntrace:\n${report.trace.join('\n')}`);
          }
        }),
        { numRuns: 4000 },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'is deterministic: the same operations from scratch give the same state',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (scenario) => {
          const first = runScenario(scenario, { checkInvariants: false });
          const second = runScenario(scenario, { checkInvariants: false });
          expect(second.trace).toEqual(first.trace);
          expect(JSON.stringify(second.state)).toBe(JSON.stringify(first.state));
        }),
        { numRuns: 600 },
      );
    },
    TEST_TIMEOUT_MS,
  );
});
