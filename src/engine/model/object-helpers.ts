/** Small readers over stored objects, shared by controllers and printers. */
import { ANN_BETA_STORAGE_CLASS, ANN_BETA_DEFAULT_CLASS, ANN_DEFAULT_CLASS } from './well-known';
import type {
  KubeObject,
  ObjectReference,
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from './types';

export function nameOf(object: KubeObject): string {
  return object.metadata?.name ?? '';
}

export function namespaceOf(object: KubeObject): string {
  return object.metadata?.namespace ?? '';
}

export function uidOf(object: KubeObject): string {
  return object.metadata?.uid ?? '';
}

export function annotationOf(object: KubeObject, key: string): string | undefined {
  return object.metadata?.annotations?.[key];
}

export function isDeleting(object: KubeObject): boolean {
  return object.metadata?.deletionTimestamp !== undefined;
}

export function hasFinalizer(object: KubeObject, finalizer: string): boolean {
  return object.metadata?.finalizers?.includes(finalizer) ?? false;
}

/** The claim's class for matching: unset and "" are the same empty class (R22). */
export function claimClass(claim: PersistentVolumeClaim): string {
  const beta = annotationOf(claim, ANN_BETA_STORAGE_CLASS);
  if (beta !== undefined) return beta;
  return claim.spec?.storageClassName ?? '';
}

/** True when the claim names no class at all (unset, not ""): the default class may apply (R5, R27). */
export function claimHasNoClass(claim: PersistentVolumeClaim): boolean {
  return (
    annotationOf(claim, ANN_BETA_STORAGE_CLASS) === undefined && claim.spec?.storageClassName === undefined
  );
}

export function volumeClass(volume: PersistentVolume): string {
  const beta = annotationOf(volume, ANN_BETA_STORAGE_CLASS);
  if (beta !== undefined) return beta;
  return volume.spec?.storageClassName ?? '';
}

export function claimRequest(claim: PersistentVolumeClaim): string {
  return claim.spec?.resources?.requests?.['storage'] ?? '0';
}

export function volumeCapacity(volume: PersistentVolume): string {
  return volume.spec?.capacity?.['storage'] ?? '0';
}

export function volumeModeOf(object: PersistentVolume | PersistentVolumeClaim): string {
  return object.spec?.volumeMode ?? 'Filesystem';
}

export function isDefaultClass(storageClass: StorageClass): boolean {
  return (
    annotationOf(storageClass, ANN_DEFAULT_CLASS) === 'true' ||
    annotationOf(storageClass, ANN_BETA_DEFAULT_CLASS) === 'true'
  );
}

/** The volume source key of a PV (hostPath, nfs, csi, local, ...), or undefined. */
export const PV_SOURCE_FIELDS = [
  'hostPath',
  'local',
  'nfs',
  'csi',
  'awsElasticBlockStore',
  'gcePersistentDisk',
  'azureDisk',
  'azureFile',
  'iscsi',
  'fc',
  'rbd',
  'cephfs',
  'cinder',
  'glusterfs',
  'flexVolume',
  'flocker',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'scaleIO',
  'storageos',
  'vsphereVolume',
] as const;
export type PvSourceField = (typeof PV_SOURCE_FIELDS)[number];

const PV_SOURCE_SET: ReadonlySet<string> = new Set(PV_SOURCE_FIELDS);

/** The volume source fields set on a PV (validation wants exactly one), in the spec's order. */
export function volumeSourcesOf(volume: PersistentVolume): PvSourceField[] {
  const spec = (volume.spec ?? {}) as Record<string, unknown>;
  return Object.keys(spec).filter(
    (field): field is PvSourceField =>
      PV_SOURCE_SET.has(field) && spec[field] !== undefined && spec[field] !== null,
  );
}

export function volumeSourceOf(volume: PersistentVolume): PvSourceField | undefined {
  return volumeSourcesOf(volume)[0];
}

/** The reference a bound volume keeps to its claim (spec.claimRef), uid included (R26). */
export function claimReferenceTo(claim: PersistentVolumeClaim): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: namespaceOf(claim),
    name: nameOf(claim),
    uid: uidOf(claim),
    apiVersion: 'v1',
    resourceVersion: claim.metadata?.resourceVersion ?? '',
  };
}
