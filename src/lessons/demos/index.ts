/** The scripted demos, in the order the picker lists them. */
import { retainVsDeleteDemo } from './retain-vs-delete';
import { staticBindingDemo } from './static-binding';
import type { Demo } from './types';
import { waitForFirstConsumerDemo } from './wait-for-first-consumer';

export type { Demo, DemoStep } from './types';
export type { DemoEngine, PlayOutcome } from './run-demo';
export { openingIntents, playIntents } from './run-demo';
export { MAX_NARRATION_CHARS, validateDemo, validateDemos } from './validate';

export const DEMOS: readonly Demo[] = [staticBindingDemo, retainVsDeleteDemo, waitForFirstConsumerDemo];

export function demoById(id: string | null | undefined): Demo | undefined {
  return DEMOS.find((demo) => demo.id === id);
}
