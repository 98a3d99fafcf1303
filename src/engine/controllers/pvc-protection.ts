/**
 * PVC protection (pkg/controller/volume/pvcprotection): a claim being deleted keeps its finalizer
 * while any pod scheduled to a node uses it, whatever that pod's phase (R43).
 */
import { hasFinalizer, isDeleting, nameOf, namespaceOf } from '../model/object-helpers';
import type { PersistentVolumeClaim, Pod } from '../model/types';
import { objectKey } from '../model/types';
import { FINALIZER_PVC_PROTECTION } from '../model/well-known';
import type { ClusterWriter } from '../sim/writer';
import { podsByClaim } from './lookups';

/** R43: the pods that keep a claim being deleted: those scheduled to a node, whatever their phase. */
export function scheduledUsersOfClaim(
  users: ReadonlyMap<string, Pod[]>,
  claim: PersistentVolumeClaim,
): Pod[] {
  return (users.get(objectKey(namespaceOf(claim), nameOf(claim))) ?? []).filter((pod) => pod.spec?.nodeName);
}

export function runClaimProtection(writer: ClusterWriter): void {
  let users: ReturnType<typeof podsByClaim> | undefined;
  for (const claim of writer.list('PersistentVolumeClaim')) {
    const name = `${namespaceOf(claim)}/${nameOf(claim)}`;
    const protectedNow = hasFinalizer(claim, FINALIZER_PVC_PROTECTION);
    if (!isDeleting(claim)) {
      if (!protectedNow) {
        writer.update(
          'PersistentVolumeClaim',
          {
            ...claim,
            metadata: {
              ...claim.metadata,
              finalizers: [...(claim.metadata?.finalizers ?? []), FINALIZER_PVC_PROTECTION],
            },
          },
          {
            actor: 'pvc-protection-controller',
            rule: 'R4',
            message: `added ${FINALIZER_PVC_PROTECTION} to claim ${name}`,
          },
        );
      }
      continue;
    }
    if (!protectedNow) continue;
    users ??= podsByClaim(writer);
    if (scheduledUsersOfClaim(users, claim).length > 0) continue;
    const finalizers = (claim.metadata?.finalizers ?? []).filter((item) => item !== FINALIZER_PVC_PROTECTION);
    writer.update(
      'PersistentVolumeClaim',
      { ...claim, metadata: { ...claim.metadata, finalizers } },
      {
        actor: 'pvc-protection-controller',
        rule: 'R43',
        message: `no scheduled pod uses claim ${name} any more, so its protection finalizer is removed and the deletion completes`,
        related: claim.spec?.volumeName ? [{ kind: 'PersistentVolume', name: claim.spec.volumeName }] : [],
      },
    );
  }
}
