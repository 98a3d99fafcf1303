/** The reconcile loop: one round runs every controller once, in order; settle runs to a fixpoint. */
import { CONTROLLERS } from '../controllers/order';
import type { Change } from './changes';
import type { ClusterState } from './state';
import { ClusterWriter } from './writer';

export interface RoundResult {
  readonly state: ClusterState;
  readonly changes: readonly Change[];
  /** Something other than a repeated event happened. */
  readonly progressed: boolean;
}

/** A round lasts one simulated second. */
export function runRound(state: ClusterState): RoundResult {
  const round = state.round + 1;
  const writer = new ClusterWriter({ ...state, clock: state.clock + 1 }, round);
  for (const controller of CONTROLLERS) controller.run(writer);
  return { state: writer.commit({ round }), changes: writer.changes, progressed: writer.madeProgress };
}

export interface SettleResult {
  readonly state: ClusterState;
  readonly rounds: number;
  readonly converged: boolean;
  readonly changes: readonly Change[];
}

export const DEFAULT_SETTLE_LIMIT = 200;

/** Runs rounds until one makes no progress, or the limit is reached (then converged is false). */
export function settle(
  state: ClusterState,
  limit = DEFAULT_SETTLE_LIMIT,
  onRound?: (result: RoundResult) => void,
): SettleResult {
  let current = state;
  const changes: Change[] = [];
  for (let rounds = 1; rounds <= limit; rounds += 1) {
    const result = runRound(current);
    current = result.state;
    onRound?.(result);
    for (const change of result.changes) changes.push(change);
    if (!result.progressed) return { state: current, rounds, converged: true, changes };
  }
  return { state: current, rounds: limit, converged: false, changes };
}
