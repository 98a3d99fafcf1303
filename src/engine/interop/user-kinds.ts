/** The kinds a user writes (and moves between clusters), in the order they are applied: what others refer to first. */
import type { KindName } from '../model/types';

export const USER_KINDS = [
  'Namespace',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Pod',
] as const satisfies readonly KindName[];

export type UserKind = (typeof USER_KINDS)[number];
