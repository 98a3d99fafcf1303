/**
 * What "delete this claim" takes, under each reclaim policy: set the bound volume's policy, delete
 * the pods that mount the claim (while one uses it, protection keeps the claim Terminating), then
 * delete the claim. Pure: a cluster state in, intents out (for a forecast on a scratch copy).
 */
import type { ClusterState, ObjectRef, PersistentVolumeClaim } from '../../engine';
import { assetsOfVolume, isDeleting, objectKey, podsUsingClaim, refOf } from '../../engine';
import type { Intent } from '../../worker/protocol';
import { assetNodeId, objectNodeId } from '../graph/ids';

export type ReclaimPolicy = 'Retain' | 'Delete';

export const POLICIES: readonly ReclaimPolicy[] = ['Retain', 'Delete'];

export interface ReclaimPlan {
  readonly claim: ObjectRef;
  readonly volumeName: string;
  /** The volume's policy now ("Retain" when unset, as the API defaults a static volume). */
  readonly currentPolicy: string;
  /** Pods that mount the claim and are not already on their way out. */
  readonly pods: readonly ObjectRef[];
  /** Graph ids of what the what-if draws: the pods, claim, volume and the storage behind it. */
  readonly focus: readonly string[];
}

/** A claim the what-if can be asked about: Bound, and not already being deleted. */
export function boundClaim(
  state: ClusterState,
  namespace: string,
  name: string,
): PersistentVolumeClaim | undefined {
  const claim = state.objects.PersistentVolumeClaim[objectKey(namespace, name)];
  return claim && claim.status?.phase === 'Bound' && !isDeleting(claim) && claim.spec?.volumeName
    ? claim
    : undefined;
}

export function planReclaim(
  state: ClusterState,
  namespace: string,
  name: string,
): { readonly ok: true; readonly plan: ReclaimPlan } | { readonly ok: false; readonly reason: string } {
  const claim = boundClaim(state, namespace, name);
  if (!claim) return { ok: false, reason: `claim ${namespace}/${name} is not Bound (or is being deleted)` };
  const volumeName = claim.spec?.volumeName ?? '';
  const volume = state.objects.PersistentVolume[volumeName];
  if (!volume)
    return { ok: false, reason: `the volume ${volumeName} of claim ${namespace}/${name} does not exist` };
  const pods = [...new Set(podsUsingClaim(state, claim))].filter((pod) => !isDeleting(pod)).map(refOf);
  const claimRef = refOf(claim);
  return {
    ok: true,
    plan: {
      claim: claimRef,
      volumeName,
      currentPolicy: volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
      pods,
      focus: [
        ...pods.map(objectNodeId),
        objectNodeId(claimRef),
        objectNodeId(refOf(volume)),
        ...assetsOfVolume(volume, state.infra.assets).map((asset) => assetNodeId(asset.id)),
      ],
    },
  };
}

/** The intents one side of the what-if plays, in order. */
export function reclaimIntents(plan: ReclaimPlan, policy: ReclaimPolicy): Intent[] {
  return [
    {
      type: 'patch',
      ref: { kind: 'PersistentVolume', name: plan.volumeName },
      patch: { spec: { persistentVolumeReclaimPolicy: policy } },
    },
    ...plan.pods.map((pod): Intent => ({ type: 'delete', ref: pod })),
    { type: 'delete', ref: plan.claim },
  ];
}
