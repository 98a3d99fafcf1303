/** Asks the worker for both sides of the reclaim what-if, from the frame shown now. */
import type { ClusterState } from '../../engine';
import type { Frame } from '../../worker/protocol';
import { engineClient } from '../engine/connection';
import { useAppStore } from '../store';
import type { ReclaimPlan, ReclaimPolicy } from './reclaim-plan';
import { planReclaim, reclaimIntents } from './reclaim-plan';

export interface ReclaimForecast {
  readonly plan: ReclaimPlan;
  readonly start: ClusterState;
  readonly sides: Readonly<Record<ReclaimPolicy, readonly Frame[]>>;
}

export type ForecastResult =
  { readonly ok: true; readonly forecast: ReclaimForecast } | { readonly ok: false; readonly reason: string };

export async function forecastReclaim(namespace: string, name: string): Promise<ForecastResult> {
  const frame = useAppStore.getState().frame;
  if (!frame) return { ok: false, reason: 'the cluster has not started yet' };
  const planned = planReclaim(frame.state, namespace, name);
  if (!planned.ok) return planned;
  const client = await engineClient();
  // Both sides start from the same frame, on scratch copies: the real timeline does not move.
  const [retain, remove] = await Promise.all([
    client.forecast(reclaimIntents(planned.plan, 'Retain'), frame.seq),
    client.forecast(reclaimIntents(planned.plan, 'Delete'), frame.seq),
  ]);
  if (!retain.ok) return { ok: false, reason: `Retain: ${retain.reason}` };
  if (!remove.ok) return { ok: false, reason: `Delete: ${remove.reason}` };
  return {
    ok: true,
    forecast: {
      plan: planned.plan,
      start: frame.state,
      sides: { Retain: retain.frames, Delete: remove.frames },
    },
  };
}
