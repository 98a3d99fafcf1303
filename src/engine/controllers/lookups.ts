/** Lookups several controllers share: a claim's class, binding mode, the pods using a claim. */
import type { PersistentVolumeClaim, Pod, StorageClass } from '../model/types';
import { claimClass } from '../model/object-helpers';
import { objectKey } from '../model/types';
import type { ClusterWriter } from '../sim/writer';

export function storageClassOfClaim(
  writer: ClusterWriter,
  claim: PersistentVolumeClaim,
): StorageClass | undefined {
  const name = claimClass(claim);
  return name ? writer.get('StorageClass', name) : undefined;
}

/** R50: delayed binding when the claim's class exists and is WaitForFirstConsumer. */
export function isDelayBinding(writer: ClusterWriter, claim: PersistentVolumeClaim): boolean {
  return storageClassOfClaim(writer, claim)?.volumeBindingMode === 'WaitForFirstConsumer';
}

export function claimNamesOfPod(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((volume) =>
    volume.persistentVolumeClaim?.claimName ? [volume.persistentVolumeClaim.claimName] : [],
  );
}

/** namespace/claimName -> pods that reference the claim, in table order. */
export function podsByClaim(writer: ClusterWriter): Map<string, Pod[]> {
  const index = new Map<string, Pod[]>();
  for (const pod of writer.list('Pod')) {
    for (const claimName of claimNamesOfPod(pod)) {
      const key = objectKey(pod.metadata?.namespace, claimName);
      const list = index.get(key) ?? [];
      list.push(pod);
      index.set(key, list);
    }
  }
  return index;
}

export function isPodTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
