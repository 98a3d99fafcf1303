/**
 * The graph a cluster state draws: Pods, claims, volumes, the disks/shares/directories behind
 * them, StorageClasses and drivers, and the nodes (by zone) everything runs on. Edges come from
 * the relations the objects hold (claimName, volumeName/claimRef, provisioned-by, nodeName).
 * Pure: a state in, a model out.
 */
import type {
  Asset,
  ClusterState,
  KubeObject,
  ObjectRef,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
} from '../../engine';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  LABEL_ZONE,
  claimClass,
  describeQuantity,
  driverSpec,
  formatAccessModes,
  isDefaultClass,
  refOf,
  summarizePod,
} from '../../engine';
import { assetNodeId, driverNodeId, objectNodeId } from './ids';
import type { Tone } from './tones';
import { toneOfStatus } from './tones';

export type GraphNodeKind =
  'Pod' | 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass' | 'Node' | 'Asset' | 'Driver';

/** Columns, left to right; nodes (machines) sit in their own band above. */
export type Lane = 'pods' | 'claims' | 'volumes' | 'storage' | 'classes' | 'machines';

export interface GraphNodeModel {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly lane: Lane;
  /** A short label of the kind for the card ("PVC", "Disk"). */
  readonly kindLabel: string;
  readonly name: string;
  readonly status: string;
  readonly tone: Tone;
  readonly facts: readonly string[];
  /** Files held (assets only): the data badge travels with the storage. */
  readonly files?: number;
  readonly ref?: ObjectRef;
  readonly zone?: string;
  /** The node it belongs next to, known before any edge exists (a PV's claimRef, a disk's PV). */
  readonly anchor?: string;
  /** Accessible name: "PersistentVolume pv-10, Bound". */
  readonly ariaLabel: string;
}

export type GraphEdgeKind =
  'uses' | 'bound' | 'provisioned' | 'stored-on' | 'runs-on' | 'located' | 'created-by';

export interface GraphEdgeModel {
  readonly id: string;
  readonly kind: GraphEdgeKind;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
}

export interface GraphModel {
  readonly nodes: readonly GraphNodeModel[];
  readonly edges: readonly GraphEdgeModel[];
  readonly zones: readonly string[];
}

function statusOf(object: KubeObject, phase: string | undefined): string {
  return object.metadata?.deletionTimestamp ? 'Terminating' : (phase ?? 'Pending');
}

function node(partial: Omit<GraphNodeModel, 'tone' | 'ariaLabel'> & { ariaKind: string }): GraphNodeModel {
  const { ariaKind, ...rest } = partial;
  return { ...rest, tone: toneOfStatus(rest.status), ariaLabel: `${ariaKind} ${rest.name}, ${rest.status}` };
}

export function buildGraphModel(state: ClusterState): GraphModel {
  const nodes: GraphNodeModel[] = [];
  const edges: GraphEdgeModel[] = [];
  const edge = (kind: GraphEdgeKind, source: string, target: string, label?: string) =>
    edges.push({ id: `${kind}:${source}->${target}`, kind, source, target, ...(label ? { label } : {}) });
  const objects = state.objects;
  const zones = new Set<string>();

  for (const machine of Object.values(objects.Node)) {
    const zone = machine.metadata?.labels?.[LABEL_ZONE];
    if (zone) zones.add(zone);
    const ready =
      machine.status?.conditions?.find((condition) => condition.type === 'Ready')?.status === 'True';
    nodes.push(
      node({
        id: objectNodeId(refOf(machine)),
        kind: 'Node',
        lane: 'machines',
        kindLabel: 'Node',
        ariaKind: 'Node',
        name: machine.metadata?.name ?? '',
        status: ready ? 'Ready' : 'NotReady',
        facts: [zone ? `zone ${zone}` : 'no zone'],
        ref: refOf(machine),
        ...(zone ? { zone } : {}),
      }),
    );
  }

  for (const storageClass of Object.values(objects.StorageClass)) {
    const id = objectNodeId(refOf(storageClass));
    const name = storageClass.metadata?.name ?? '';
    nodes.push(
      node({
        id,
        kind: 'StorageClass',
        lane: 'classes',
        kindLabel: 'StorageClass',
        ariaKind: 'StorageClass',
        name,
        status: storageClass.metadata?.deletionTimestamp
          ? 'Terminating'
          : isDefaultClass(storageClass)
            ? 'default'
            : 'class',
        facts: [
          storageClass.provisioner,
          `${storageClass.volumeBindingMode ?? 'Immediate'} · ${storageClass.reclaimPolicy ?? 'Delete'}`,
          storageClass.allowVolumeExpansion ? 'expansion allowed' : 'no expansion',
        ],
        ref: refOf(storageClass),
      }),
    );
  }

  for (const driver of Object.keys(state.infra.drivers).sort()) {
    const spec = driverSpec(driver);
    nodes.push(
      node({
        id: driverNodeId(driver),
        kind: 'Driver',
        lane: 'classes',
        kindLabel: spec?.csi ? 'CSI driver' : 'Provisioner',
        ariaKind: 'Driver',
        name: driver,
        status: state.infra.faults.drivers[driver] ? 'Failed' : 'installed',
        facts: [
          spec?.title ?? driver,
          spec?.csi
            ? spec.attachRequired
              ? 'controller · attacher · node plugin'
              : 'controller · node plugin'
            : 'provisioner',
          ...(state.infra.faults.drivers[driver] ? [`fault: ${state.infra.faults.drivers[driver]}`] : []),
        ],
      }),
    );
  }

  const volumeByAssetId = new Map<string, string>();
  for (const volume of Object.values(objects.PersistentVolume)) addVolume(volume);

  function addVolume(volume: PersistentVolume): void {
    const ref = refOf(volume);
    const id = objectNodeId(ref);
    const spec = volume.spec ?? {};
    nodes.push(
      node({
        id,
        kind: 'PersistentVolume',
        lane: 'volumes',
        kindLabel: 'PV',
        ariaKind: 'PersistentVolume',
        name: ref.name,
        status: statusOf(volume, volume.status?.phase),
        facts: [
          `${describeQuantity(spec.capacity?.['storage'] ?? '?')} · ${formatAccessModes(spec.accessModes)} · ${spec.persistentVolumeReclaimPolicy ?? 'Retain'}`,
          `class ${spec.storageClassName ? spec.storageClassName : '""'}${spec.volumeMode === 'Block' ? ' · Block' : ''}`,
          ...(volume.status?.message ? [volume.status.message] : []),
        ],
        ref,
        ...(spec.claimRef?.name
          ? {
              anchor: objectNodeId({
                kind: 'PersistentVolumeClaim',
                namespace: spec.claimRef.namespace ?? 'default',
                name: spec.claimRef.name,
              }),
            }
          : {}),
      }),
    );
    const provisionedBy = volume.metadata?.annotations?.[ANN_PROVISIONED_BY];
    if (provisionedBy && spec.storageClassName && objects.StorageClass[spec.storageClassName]) {
      edge(
        'provisioned',
        objectNodeId({ kind: 'StorageClass', name: spec.storageClassName }),
        id,
        'provisioned',
      );
    }
  }

  for (const asset of Object.values(state.infra.assets)) addAsset(asset);

  function addAsset(asset: Asset): void {
    const id = assetNodeId(asset.id);
    const kindLabel = {
      'block-disk': 'Disk',
      'file-share': 'NFS share',
      'node-directory': 'Directory',
      'empty-dir': 'emptyDir',
    }[asset.kind];
    const files = Object.keys(asset.files).length;
    const place = asset.node
      ? `on ${asset.node}`
      : asset.zone
        ? `in ${asset.zone}`
        : asset.server
          ? `at ${asset.server}`
          : '';
    nodes.push(
      node({
        id,
        kind: 'Asset',
        lane: 'storage',
        kindLabel,
        ariaKind: kindLabel,
        name: asset.handle ?? asset.path ?? asset.id,
        status: 'exists',
        facts: [
          [asset.capacity ? describeQuantity(asset.capacity) : '', place].filter(Boolean).join(' · '),
        ].filter(Boolean),
        files,
        ...(asset.zone ? { zone: asset.zone } : {}),
        ...(asset.createdFor && objects.PersistentVolume[asset.createdFor]
          ? { anchor: objectNodeId({ kind: 'PersistentVolume', name: asset.createdFor }) }
          : {}),
      }),
    );
    if (asset.driver) edge('created-by', driverNodeId(asset.driver), id);
    if (asset.node) edge('located', id, objectNodeId({ kind: 'Node', name: asset.node }));
  }

  // A PV's storage: the asset it uses (node directories: one per node that mounted it).
  for (const runtime of Object.values(state.infra.pods)) {
    for (const mount of Object.values(runtime.mounts)) {
      if (mount.volumeName && mount.assetId) volumeByAssetId.set(mount.assetId, mount.volumeName);
    }
  }
  for (const asset of Object.values(state.infra.assets)) {
    const volumeName =
      volumeByAssetId.get(asset.id) ??
      (objects.PersistentVolume[asset.createdFor ?? ''] ? asset.createdFor : undefined);
    if (volumeName && objects.PersistentVolume[volumeName]) {
      edge('stored-on', objectNodeId({ kind: 'PersistentVolume', name: volumeName }), assetNodeId(asset.id));
    }
  }

  for (const claim of Object.values(objects.PersistentVolumeClaim)) addClaim(claim);

  function addClaim(claim: PersistentVolumeClaim): void {
    const ref = refOf(claim);
    const id = objectNodeId(ref);
    const request = claim.spec?.resources?.requests?.['storage'];
    const capacity = claim.status?.capacity?.['storage'];
    const className = claimClass(claim);
    const selectedNode = claim.metadata?.annotations?.[ANN_SELECTED_NODE];
    nodes.push(
      node({
        id,
        kind: 'PersistentVolumeClaim',
        lane: 'claims',
        kindLabel: 'PVC',
        ariaKind: 'PersistentVolumeClaim',
        name: ref.namespace === 'default' ? ref.name : `${ref.namespace}/${ref.name}`,
        status: statusOf(claim, claim.status?.phase),
        facts: [
          `wants ${request ? describeQuantity(request) : '?'} · ${formatAccessModes(claim.spec?.accessModes)}${capacity ? ` · has ${describeQuantity(capacity)}` : ''}`,
          `class ${className ? className : '""'}${selectedNode ? ` · for ${selectedNode}` : ''}`,
        ],
        ref,
      }),
    );
    const volumeName = claim.spec?.volumeName;
    if (volumeName && objects.PersistentVolume[volumeName]) {
      const bound = claim.status?.phase === 'Bound';
      edge(
        bound ? 'bound' : 'uses',
        id,
        objectNodeId({ kind: 'PersistentVolume', name: volumeName }),
        bound ? 'bound' : 'names',
      );
    }
  }

  for (const pod of Object.values(objects.Pod)) addPod(pod);

  function addPod(pod: Pod): void {
    const ref = refOf(pod);
    const id = objectNodeId(ref);
    const summary = summarizePod(pod, state.clock);
    const status = pod.metadata?.deletionTimestamp ? 'Terminating' : summary.status || 'Pending';
    const nodeName = pod.spec?.nodeName;
    nodes.push(
      node({
        id,
        kind: 'Pod',
        lane: 'pods',
        kindLabel: 'Pod',
        ariaKind: 'Pod',
        name: ref.namespace === 'default' ? ref.name : `${ref.namespace}/${ref.name}`,
        status,
        facts: [
          nodeName ? `on ${nodeName}` : 'not scheduled',
          `${(pod.spec?.volumes ?? []).length} volume(s) · restarts ${summary.restarts.split(' ')[0] ?? '0'}`,
        ],
        ref,
      }),
    );
    if (nodeName && objects.Node[nodeName])
      edge('runs-on', id, objectNodeId({ kind: 'Node', name: nodeName }));
    for (const volume of pod.spec?.volumes ?? []) {
      const claimName = volume.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const mountPaths = (pod.spec?.containers ?? [])
        .flatMap((container) => container.volumeMounts ?? [])
        .filter((mount) => mount.name === volume.name)
        .map((mount) => mount.mountPath);
      const claimId = objectNodeId({
        kind: 'PersistentVolumeClaim',
        namespace: ref.namespace ?? 'default',
        name: claimName,
      });
      if (objects.PersistentVolumeClaim[`${ref.namespace ?? 'default'}/${claimName}`])
        edge('uses', id, claimId, mountPaths.join(', '));
    }
    const runtime = state.infra.pods[pod.metadata?.uid ?? ''];
    for (const mount of Object.values(runtime?.mounts ?? {})) {
      if (mount.assetId?.startsWith('emptydir:')) edge('uses', id, assetNodeId(mount.assetId));
    }
  }

  const nodeIds = new Set(nodes.map((item) => item.id));
  return {
    nodes,
    edges: edges.filter((item) => nodeIds.has(item.source) && nodeIds.has(item.target)),
    zones: [...zones].sort(),
  };
}
