/**
 * How a demo step plays, shared by the app's demo player and the headless tests, so the tests
 * prove what the presenter sees: each intent in order, then reconcile until the cluster settles.
 */
import type { Intent, IntentResult } from '../../worker/protocol';
import type { Demo } from './types';

/** The engine as a demo needs it: the worker in the app, an EngineHost in tests. */
export interface DemoEngine {
  dispatch(intent: Intent): IntentResult | Promise<IntentResult>;
  /** Reconciles until the cluster has settled after frame `seq`; nothing if it already has. */
  settleAfter(seq: number): unknown;
}

export type PlayOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** The first pause point: a fresh cluster of the demo's own options, then its setup. */
export function openingIntents(demo: Demo): Intent[] {
  return [{ type: 'reset', options: demo.cluster }, ...demo.setup];
}

/** Plays intents one by one, settling after each; stops at the first refusal and says which. */
export async function playIntents(engine: DemoEngine, intents: readonly Intent[]): Promise<PlayOutcome> {
  for (const [index, intent] of intents.entries()) {
    const result = await engine.dispatch(intent);
    if (!result.ok)
      return {
        ok: false,
        problem: `intent ${index + 1} (${intent.type}) was refused: ${result.error.message}`,
      };
    await engine.settleAfter(result.seq);
  }
  return { ok: true };
}
