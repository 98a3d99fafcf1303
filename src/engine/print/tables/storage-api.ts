/** `kubectl get sc`, `volumeattachments` and `csidrivers` (printStorageClass, printVolumeAttachment, printCSIDriver). */
import { isDefaultClass, nameOf } from '../../model/object-helpers';
import { ageSince } from '../age';
import type { TableDefinition } from './table';

export const STORAGE_CLASS_TABLE: TableDefinition<'StorageClass'> = {
  columns: [
    { name: 'Name' },
    { name: 'Provisioner' },
    { name: 'ReclaimPolicy' },
    { name: 'VolumeBindingMode' },
    { name: 'AllowVolumeExpansion' },
    { name: 'Age' },
  ],
  row: (storageClass, { clock }) => [
    isDefaultClass(storageClass) ? `${nameOf(storageClass)} (default)` : nameOf(storageClass),
    storageClass.provisioner,
    storageClass.reclaimPolicy ?? 'Delete',
    storageClass.volumeBindingMode ?? 'Immediate',
    String(storageClass.allowVolumeExpansion ?? false),
    ageSince(storageClass.metadata?.creationTimestamp, clock),
  ],
};

export const VOLUME_ATTACHMENT_TABLE: TableDefinition<'VolumeAttachment'> = {
  columns: [
    { name: 'Name' },
    { name: 'Attacher' },
    { name: 'PV' },
    { name: 'Node' },
    { name: 'Attached' },
    { name: 'Age' },
  ],
  row: (attachment, { clock }) => [
    nameOf(attachment),
    attachment.spec.attacher,
    attachment.spec.source.persistentVolumeName ?? '',
    attachment.spec.nodeName,
    String(attachment.status?.attached ?? false),
    ageSince(attachment.metadata?.creationTimestamp, clock),
  ],
};

export const CSI_DRIVER_TABLE: TableDefinition<'CSIDriver'> = {
  columns: [
    { name: 'Name' },
    { name: 'AttachRequired' },
    { name: 'PodInfoOnMount' },
    { name: 'StorageCapacity' },
    { name: 'TokenRequests' },
    { name: 'RequiresRepublish' },
    { name: 'Modes' },
    { name: 'Age' },
  ],
  row: (driver, { clock }) => {
    const spec = driver.spec;
    const modes = (spec.volumeLifecycleModes ?? []).join(',');
    return [
      nameOf(driver),
      String(spec.attachRequired ?? true),
      String(spec.podInfoOnMount ?? false),
      String(spec.storageCapacity ?? false),
      spec.tokenRequests ? spec.tokenRequests.map((request) => request.audience).join(',') : '<unset>',
      String(spec.requiresRepublish ?? false),
      modes || '<none>',
      ageSince(driver.metadata?.creationTimestamp, clock),
    ];
  },
};
