/**
 * The Kubernetes object shapes the simulator stores: real `apiVersion/kind/metadata/spec/status`
 * objects, typed with `kubernetes-types`.
 */
import type {
  ConfigMap,
  Event,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
} from 'kubernetes-types/core/v1';
import type { CSIDriver, StorageClass, VolumeAttachment } from 'kubernetes-types/storage/v1';

export type {
  ConfigMap,
  Event,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  CSIDriver,
  StorageClass,
  VolumeAttachment,
};
export type { LabelSelector, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
export type {
  NodeSelector,
  NodeSelectorRequirement,
  ObjectReference,
  Volume,
  VolumeMount,
  PersistentVolumeSpec,
  PersistentVolumeClaimSpec,
} from 'kubernetes-types/core/v1';

/** Every kind the engine stores, with the object type of each. */
export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  StorageClass: StorageClass;
  PersistentVolume: PersistentVolume;
  PersistentVolumeClaim: PersistentVolumeClaim;
  Pod: Pod;
  ConfigMap: ConfigMap;
  VolumeAttachment: VolumeAttachment;
  CSIDriver: CSIDriver;
  Event: Event;
}
export type KindName = keyof KindMap;
export type KubeObject = KindMap[KindName];

export const KIND_NAMES: readonly KindName[] = [
  'Namespace',
  'Node',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Pod',
  'ConfigMap',
  'VolumeAttachment',
  'CSIDriver',
  'Event',
];

export interface KindInfo {
  readonly apiVersion: string;
  readonly namespaced: boolean;
  /** Lower-case plural resource name, as in API paths and `kubectl get`. */
  readonly resource: string;
  readonly shortNames: readonly string[];
}

export const KINDS: Readonly<Record<KindName, KindInfo>> = {
  Namespace: { apiVersion: 'v1', namespaced: false, resource: 'namespaces', shortNames: ['ns'] },
  Node: { apiVersion: 'v1', namespaced: false, resource: 'nodes', shortNames: ['no'] },
  StorageClass: {
    apiVersion: 'storage.k8s.io/v1',
    namespaced: false,
    resource: 'storageclasses',
    shortNames: ['sc'],
  },
  PersistentVolume: {
    apiVersion: 'v1',
    namespaced: false,
    resource: 'persistentvolumes',
    shortNames: ['pv'],
  },
  PersistentVolumeClaim: {
    apiVersion: 'v1',
    namespaced: true,
    resource: 'persistentvolumeclaims',
    shortNames: ['pvc'],
  },
  Pod: { apiVersion: 'v1', namespaced: true, resource: 'pods', shortNames: ['po'] },
  ConfigMap: { apiVersion: 'v1', namespaced: true, resource: 'configmaps', shortNames: ['cm'] },
  VolumeAttachment: {
    apiVersion: 'storage.k8s.io/v1',
    namespaced: false,
    resource: 'volumeattachments',
    shortNames: [],
  },
  CSIDriver: {
    apiVersion: 'storage.k8s.io/v1',
    namespaced: false,
    resource: 'csidrivers',
    shortNames: [],
  },
  Event: { apiVersion: 'v1', namespaced: true, resource: 'events', shortNames: ['ev'] },
};

export function isKindName(value: unknown): value is KindName {
  return typeof value === 'string' && Object.hasOwn(KINDS, value);
}

/** Identifies one object: kind, namespace (namespaced kinds only) and name. */
export interface ObjectRef {
  readonly kind: KindName;
  readonly namespace?: string;
  readonly name: string;
}

/** The key of an object inside its kind's table: `namespace/name` or `name`. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function refKey(ref: ObjectRef): string {
  return objectKey(ref.namespace, ref.name);
}

export function refOf(object: KubeObject): ObjectRef {
  const kind = object.kind as KindName;
  const namespace = object.metadata?.namespace;
  return namespace
    ? { kind, namespace, name: object.metadata?.name ?? '' }
    : { kind, name: object.metadata?.name ?? '' };
}

/** "PersistentVolumeClaim/default/data", as the scenario format writes references. */
export function formatRef(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
