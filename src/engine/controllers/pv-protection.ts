/**
 * PV protection (pkg/controller/volume/pvprotection): a volume being deleted keeps its finalizer
 * while it is Bound, so a claim never loses its volume underneath it (R45).
 */
import { hasFinalizer, isDeleting, nameOf } from '../model/object-helpers';
import { FINALIZER_PV_PROTECTION } from '../model/well-known';
import type { ClusterWriter } from '../sim/writer';

export function runVolumeProtection(writer: ClusterWriter): void {
  for (const volume of writer.list('PersistentVolume')) {
    const name = nameOf(volume);
    const protectedNow = hasFinalizer(volume, FINALIZER_PV_PROTECTION);
    if (!isDeleting(volume)) {
      if (!protectedNow) {
        writer.update(
          'PersistentVolume',
          {
            ...volume,
            metadata: {
              ...volume.metadata,
              finalizers: [...(volume.metadata?.finalizers ?? []), FINALIZER_PV_PROTECTION],
            },
          },
          {
            actor: 'pv-protection-controller',
            rule: 'R4',
            message: `added ${FINALIZER_PV_PROTECTION} to volume ${name}`,
          },
        );
      }
      continue;
    }
    if (!protectedNow || volume.status?.phase === 'Bound') continue;
    const finalizers = (volume.metadata?.finalizers ?? []).filter((item) => item !== FINALIZER_PV_PROTECTION);
    writer.update(
      'PersistentVolume',
      { ...volume, metadata: { ...volume.metadata, finalizers } },
      {
        actor: 'pv-protection-controller',
        rule: 'R45',
        message: `volume ${name} is being deleted and is no longer Bound (${volume.status?.phase ?? 'Pending'}), so its protection finalizer is removed`,
      },
    );
  }
}
