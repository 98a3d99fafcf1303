/**
 * Small builders and readers for the controller unit tests: manifests as typed objects turned into
 * YAML, a cluster driven through its public API, and lookups of objects, events and changes.
 * Test-only: nothing in the engine imports this file.
 */
import { stringify } from 'yaml';
import { Cluster } from '../cluster';
import type { AccessMode } from '../model/access-modes';
import type {
  ConfigMap,
  Event,
  KindMap,
  KindName,
  KubeObject,
  LabelSelector,
  NodeSelector,
  ObjectRef,
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeSpec,
  Pod,
  StorageClass,
  Volume,
} from '../model/types';
import { KINDS, objectKey } from '../model/types';
import type { Change } from '../sim/changes';
import type { ClusterOptions } from '../sim/initial';
import type { ClusterState } from '../sim/state';

// ---- manifests -------------------------------------------------------------------------------

export interface VolumeOptions {
  readonly capacity?: string;
  readonly accessModes?: readonly AccessMode[];
  readonly storageClassName?: string;
  readonly reclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
  readonly volumeMode?: 'Filesystem' | 'Block';
  readonly labels?: Readonly<Record<string, string>>;
  readonly claimRef?: { readonly namespace?: string; readonly name: string };
  /** The volume source and anything else of the spec; default: an NFS export named after the PV. */
  readonly source?: Partial<PersistentVolumeSpec>;
  readonly nodeAffinity?: NodeSelector;
}

/** A PersistentVolume manifest; defaults: 10Gi, RWO, class "", an NFS source. */
export function pv(name: string, options: VolumeOptions = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(options.labels ? { labels: { ...options.labels } } : {}) },
    spec: {
      capacity: { storage: options.capacity ?? '10Gi' },
      accessModes: [...(options.accessModes ?? ['ReadWriteOnce'])],
      storageClassName: options.storageClassName ?? '',
      ...(options.reclaimPolicy ? { persistentVolumeReclaimPolicy: options.reclaimPolicy } : {}),
      ...(options.volumeMode ? { volumeMode: options.volumeMode } : {}),
      ...(options.claimRef
        ? { claimRef: { namespace: options.claimRef.namespace ?? 'default', name: options.claimRef.name } }
        : {}),
      ...(options.nodeAffinity ? { nodeAffinity: { required: options.nodeAffinity } } : {}),
      ...(options.source ?? { nfs: { server: '10.0.0.5', path: `/exports/${name}` } }),
    },
  };
}

export interface ClaimOptions {
  readonly namespace?: string;
  readonly request?: string;
  readonly accessModes?: readonly AccessMode[];
  /** `null` leaves the field unset (so the default class may apply); default "". */
  readonly storageClassName?: string | null;
  readonly volumeName?: string;
  readonly volumeMode?: 'Filesystem' | 'Block';
  readonly selector?: LabelSelector;
}

/** A PersistentVolumeClaim manifest; defaults: 1Gi, RWO, class "". */
export function pvc(name: string, options: ClaimOptions = {}): PersistentVolumeClaim {
  const className = options.storageClassName === undefined ? '' : options.storageClassName;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, ...(options.namespace ? { namespace: options.namespace } : {}) },
    spec: {
      accessModes: [...(options.accessModes ?? ['ReadWriteOnce'])],
      resources: { requests: { storage: options.request ?? '1Gi' } },
      ...(className !== null ? { storageClassName: className } : {}),
      ...(options.volumeName ? { volumeName: options.volumeName } : {}),
      ...(options.volumeMode ? { volumeMode: options.volumeMode } : {}),
      ...(options.selector ? { selector: options.selector } : {}),
    },
  };
}

export interface ClassOptions {
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  readonly allowVolumeExpansion?: boolean;
  readonly mountOptions?: readonly string[];
  readonly parameters?: Readonly<Record<string, string>>;
  readonly isDefault?: boolean;
}

export function storageClass(name: string, provisioner: string, options: ClassOptions = {}): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      ...(options.isDefault
        ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }
        : {}),
    },
    provisioner,
    ...(options.reclaimPolicy ? { reclaimPolicy: options.reclaimPolicy } : {}),
    ...(options.volumeBindingMode ? { volumeBindingMode: options.volumeBindingMode } : {}),
    ...(options.allowVolumeExpansion !== undefined
      ? { allowVolumeExpansion: options.allowVolumeExpansion }
      : {}),
    ...(options.mountOptions ? { mountOptions: [...options.mountOptions] } : {}),
    ...(options.parameters ? { parameters: { ...options.parameters } } : {}),
  };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly volumes?: readonly Volume[];
  /** Volume name -> readOnly flag of its mount; every volume is mounted at `/<volume name>`. */
  readonly readOnly?: Readonly<Record<string, boolean>>;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly nodeName?: string;
}

/** A one-container pod that mounts each of its volumes at `/<volume name>`. */
export function pod(name: string, options: PodOptions = {}): Pod {
  const volumes = [...(options.volumes ?? [])];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(options.namespace ? { namespace: options.namespace } : {}) },
    spec: {
      ...(options.nodeSelector ? { nodeSelector: { ...options.nodeSelector } } : {}),
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      containers: [
        {
          name: 'app',
          image: 'busybox:1.36',
          command: ['sleep', '3600'],
          volumeMounts: volumes.map((volume) => ({
            name: volume.name,
            mountPath: `/${volume.name}`,
            ...(options.readOnly?.[volume.name] ? { readOnly: true } : {}),
          })),
        },
      ],
      volumes,
    },
  };
}

/** A pod volume for a claim, named like the claim unless told otherwise. */
export function claimVolume(claimName: string, volumeName = claimName): Volume {
  return { name: volumeName, persistentVolumeClaim: { claimName } };
}

export function configMap(
  name: string,
  data: Readonly<Record<string, string>>,
  namespace?: string,
): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    data: { ...data },
  };
}

export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** Node affinity requiring one label value. */
export function requireLabel(key: string, value: string): NodeSelector {
  return { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] };
}

/** Several manifests as one multi-document YAML text. */
export function yamlOf(...objects: readonly KubeObject[]): string {
  return objects.map((object) => stringify(object)).join('---\n');
}

// ---- driving the cluster ---------------------------------------------------------------------

export function newCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}

function unwrap<T>(what: string, result: { ok: true; value: T } | { ok: false; error: { message: string } }) {
  if (!result.ok) throw new Error(`${what} was refused: ${result.error.message}`);
  return result.value;
}

/** `kubectl apply` of the objects; throws when the API server refuses. */
export function apply(cluster: Cluster, ...objects: readonly KubeObject[]): readonly Change[] {
  return unwrap('apply', cluster.apply(yamlOf(...objects))).changes;
}

export function remove(cluster: Cluster, ref: ObjectRef): readonly Change[] {
  return unwrap(`delete ${ref.kind}/${ref.name}`, cluster.delete(ref)).changes;
}

export function patch(cluster: Cluster, ref: ObjectRef, mergePatch: unknown): readonly Change[] {
  return unwrap(`patch ${ref.kind}/${ref.name}`, cluster.patch(ref, mergePatch)).changes;
}

/** Runs rounds to a fixpoint; throws when the cluster does not converge. Returns the changes. */
export function settle(cluster: Cluster): readonly Change[] {
  const result = cluster.settle();
  if (!result.converged) throw new Error(`settle did not converge in ${result.rounds} rounds`);
  return result.changes;
}

/** apply, then settle: the changes of both. */
export function applyAndSettle(cluster: Cluster, ...objects: readonly KubeObject[]): readonly Change[] {
  return [...apply(cluster, ...objects), ...settle(cluster)];
}

/** Replaces the state by an edited copy (for states the API cannot produce, e.g. a Succeeded pod). */
export function editObject<K extends KindName>(
  cluster: Cluster,
  kind: K,
  ref: { namespace?: string; name: string },
  edit: (object: KindMap[K]) => KindMap[K],
): void {
  const state = cluster.state;
  const key = objectKey(KINDS[kind].namespaced ? (ref.namespace ?? 'default') : undefined, ref.name);
  const object = state.objects[kind][key];
  if (!object) throw new Error(`${kind} ${key} does not exist`);
  cluster.restore({
    ...state,
    objects: { ...state.objects, [kind]: { ...state.objects[kind], [key]: edit(object) } },
  });
}

// ---- reading the state -----------------------------------------------------------------------

export function getObject<K extends KindName>(
  state: ClusterState,
  kind: K,
  name: string,
  namespace = 'default',
): KindMap[K] | undefined {
  return state.objects[kind][objectKey(KINDS[kind].namespaced ? namespace : undefined, name)];
}

export function volume(state: ClusterState, name: string): PersistentVolume | undefined {
  return getObject(state, 'PersistentVolume', name);
}

export function claim(
  state: ClusterState,
  name: string,
  namespace = 'default',
): PersistentVolumeClaim | undefined {
  return getObject(state, 'PersistentVolumeClaim', name, namespace);
}

export function podIn(state: ClusterState, name: string, namespace = 'default'): Pod | undefined {
  return getObject(state, 'Pod', name, namespace);
}

/** Events whose involvedObject has this uid. */
export function eventsOf(state: ClusterState, object: KubeObject | undefined): Event[] {
  const uid = object?.metadata?.uid;
  if (!uid) throw new Error('eventsOf needs a stored object (with a uid)');
  return Object.values(state.objects.Event).filter((event) => event.involvedObject.uid === uid);
}

/** The reasons of the events recorded for an object, sorted and without duplicates. */
export function eventReasons(state: ClusterState, object: KubeObject | undefined): string[] {
  return [...new Set(eventsOf(state, object).map((event) => event.reason ?? ''))].sort();
}

/** The first event with this reason, for checking its message and type. */
export function eventOf(
  state: ClusterState,
  object: KubeObject | undefined,
  reason: string,
): Event | undefined {
  return eventsOf(state, object).find((event) => event.reason === reason);
}

export interface ChangeFilter {
  readonly actor?: Change['actor'];
  readonly rule?: Change['rule'];
  readonly action?: Change['action'];
  readonly kind?: KindName;
  readonly name?: string;
}

/** The changes that match every given field. */
export function changesWhere(changes: readonly Change[], filter: ChangeFilter): Change[] {
  return changes.filter(
    (change) =>
      (filter.actor === undefined || change.actor === filter.actor) &&
      (filter.rule === undefined || change.rule === filter.rule) &&
      (filter.action === undefined || change.action === filter.action) &&
      (filter.kind === undefined || change.object?.kind === filter.kind) &&
      (filter.name === undefined || change.object?.name === filter.name),
  );
}

/** Names of the assets in the state whose id starts with a prefix ("disk:", "nfs:", "dir:node-1:"). */
export function assetIds(state: ClusterState, prefix = ''): string[] {
  return Object.keys(state.infra.assets)
    .filter((id) => id.startsWith(prefix))
    .sort();
}
