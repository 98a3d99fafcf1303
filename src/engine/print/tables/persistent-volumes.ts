/** `kubectl get pv` and `kubectl get pvc` (printPersistentVolume, printPersistentVolumeClaim). */
import { formatAccessModes } from '../../model/access-modes';
import { claimClass, isDeleting, nameOf, volumeClass } from '../../model/object-helpers';
import { ageSince } from '../age';
import type { TableDefinition } from './table';
import { quantityText } from '../quantity-text';
import { unsetCell } from './table';

export const PERSISTENT_VOLUME_TABLE: TableDefinition<'PersistentVolume'> = {
  columns: [
    { name: 'Name' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'Reclaim Policy' },
    { name: 'Status' },
    { name: 'Claim' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Reason' },
    { name: 'Age' },
    { name: 'VolumeMode', wide: true },
  ],
  row: (volume, { clock }) => {
    const spec = volume.spec ?? {};
    const claimRef = spec.claimRef;
    return [
      nameOf(volume),
      quantityText(spec.capacity?.['storage']),
      formatAccessModes(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      isDeleting(volume) ? 'Terminating' : (volume.status?.phase ?? ''),
      claimRef ? `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}` : '',
      volumeClass(volume),
      unsetCell(spec.volumeAttributesClassName),
      volume.status?.reason ?? '',
      ageSince(volume.metadata?.creationTimestamp, clock),
      unsetCell(spec.volumeMode),
    ];
  },
};

export const PERSISTENT_VOLUME_CLAIM_TABLE: TableDefinition<'PersistentVolumeClaim'> = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Volume' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Age' },
    { name: 'VolumeMode', wide: true },
  ],
  row: (claim, { clock }) => {
    const spec = claim.spec ?? {};
    // Capacity and modes come from status, and only once the claim names its volume.
    const bound = Boolean(spec.volumeName);
    return [
      nameOf(claim),
      isDeleting(claim) ? 'Terminating' : (claim.status?.phase ?? ''),
      spec.volumeName ?? '',
      bound ? quantityText(claim.status?.capacity?.['storage']) : '',
      bound ? formatAccessModes(claim.status?.accessModes) : '',
      claimClass(claim),
      unsetCell(spec.volumeAttributesClassName),
      ageSince(claim.metadata?.creationTimestamp, clock),
      unsetCell(spec.volumeMode),
    ];
  },
};
