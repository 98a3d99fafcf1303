/**
 * "Why is my claim Pending?": every PersistentVolume checked against every criterion the PV
 * controller and the scheduler use to match a claim, and a summary of what the claim waits for.
 */
import { nameOf } from '../model/object-helpers';
import type { PersistentVolume } from '../model/types';
import { objectKey } from '../model/types';
import type { ClusterState } from '../sim/state';
import type { ClaimContext } from './claim-context';
import { claimContext } from './claim-context';
import type { MatchMode } from './criteria';
import { CRITERIA, volumeRow } from './criteria';
import { summarize } from './summary';
import type { ClaimBindingExplanation, VolumeRow } from './types';

/**
 * Explains the claim `namespace/name`, or undefined when it does not exist. An unbound claim that
 * names a volume in spec.volumeName is matched against that volume alone (R25), so its only row
 * is that volume; otherwise there is one row per volume, by name.
 */
export function explainClaimBinding(
  state: ClusterState,
  namespace: string,
  name: string,
): ClaimBindingExplanation | undefined {
  const claim = state.objects.PersistentVolumeClaim[objectKey(namespace, name)];
  if (!claim) return undefined;
  const context = claimContext(state, claim);
  const rows = volumeRows(context);
  return {
    claim: { namespace, name },
    phase: claim.status?.phase ?? 'Pending',
    criteria: CRITERIA,
    rows,
    summary: summarize(context, rows),
  };
}

/**
 * The volumes the claim is matched against, by name, each checked criterion by criterion.
 * `volumes` are all volumes by name; callers explaining many claims sort them once.
 */
export function volumeRows(
  context: ClaimContext,
  volumes: readonly PersistentVolume[] = volumesByName(context.state),
): VolumeRow[] {
  const claim = context.claim;
  const named = (claim.status?.phase ?? 'Pending') === 'Pending' ? claim.spec?.volumeName : undefined;
  const mode: MatchMode = named ? 'named' : 'match';
  return volumes
    .filter((volume) => !named || nameOf(volume) === named)
    .map((volume) => volumeRow(context, volume, mode));
}

export function volumesByName(state: ClusterState): PersistentVolume[] {
  return Object.values(state.objects.PersistentVolume).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}
