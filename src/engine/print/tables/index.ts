/** Every kind's `kubectl get` table. */
import { CONFIG_MAP_TABLE, NAMESPACE_TABLE, NODE_TABLE } from './cluster';
import { EVENT_TABLE } from './events';
import { PERSISTENT_VOLUME_CLAIM_TABLE, PERSISTENT_VOLUME_TABLE } from './persistent-volumes';
import { POD_TABLE } from './pods';
import { CSI_DRIVER_TABLE, STORAGE_CLASS_TABLE, VOLUME_ATTACHMENT_TABLE } from './storage-api';
import type { TableDefinitions } from './table';

export const TABLES: TableDefinitions = {
  Namespace: NAMESPACE_TABLE,
  Node: NODE_TABLE,
  StorageClass: STORAGE_CLASS_TABLE,
  PersistentVolume: PERSISTENT_VOLUME_TABLE,
  PersistentVolumeClaim: PERSISTENT_VOLUME_CLAIM_TABLE,
  Pod: POD_TABLE,
  ConfigMap: CONFIG_MAP_TABLE,
  VolumeAttachment: VOLUME_ATTACHMENT_TABLE,
  CSIDriver: CSI_DRIVER_TABLE,
  Event: EVENT_TABLE,
};
