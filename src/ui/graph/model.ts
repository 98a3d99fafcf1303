/**
 * The graph a cluster state draws: Pods, claims, volumes, the disks/shares/directories behind
 * them, StorageClasses (each with its driver as a chip), and the nodes (by zone) everything runs
 * on. Edges are the engine's relations (claimName, volumeName, ...), read in `edges.ts`.
 * Pure: a state in, a model out.
 */
import type {
  Asset,
  ClusterState,
  ConfigMap,
  KubeObject,
  ObjectRef,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
} from '../../engine';
import {
  ANN_SELECTED_NODE,
  LABEL_ZONE,
  claimClass,
  describeQuantity,
  driverSpec,
  formatAccessModes,
  isDefaultClass,
  refOf,
  summarizePod,
  NO_PROVISIONER,
} from '../../engine';
import { relationEdges } from './edges';
import { assetNodeId, driverNodeId, objectNodeId } from './ids';
import { ASSET_KIND_LABELS, assetName, shownName } from './labels';
import type { Tone } from './tones';
import { toneOfStatus } from './tones';

export type GraphNodeKind =
  'Pod' | 'PersistentVolumeClaim' | 'ConfigMap' | 'PersistentVolume' | 'StorageClass' | 'Node' | 'Asset';

/** Columns, left to right (ConfigMaps sit beside the claims); nodes (machines) head their zone's lane. */
export type Lane = 'pods' | 'claims' | 'volumes' | 'storage' | 'classes' | 'machines';

/** The driver that provisions a class's volumes, drawn as a chip on the class's card. */
export interface DriverChip {
  readonly id: string;
  readonly name: string;
  /** "CSI driver", "Provisioner", or "not installed". */
  readonly label: string;
  readonly failed: boolean;
  readonly ariaLabel: string;
  /** False for `kubernetes.io/no-provisioner`: there is no driver to open. */
  readonly selectable: boolean;
}

export interface GraphNodeModel {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly lane: Lane;
  /** The status is the kind's ordinary state (a class that is not the default): no pill. */
  readonly quietStatus?: boolean;
  /** A short label of the kind for the card ("PVC", "Disk"). */
  readonly kindLabel: string;
  readonly name: string;
  /** What the status pill says; empty for a kind with no phase (a ConfigMap), which shows none. */
  readonly status: string;
  readonly tone: Tone;
  readonly facts: readonly string[];
  /** Files held (assets only): the data badge travels with the storage. */
  readonly files?: number;
  readonly ref?: ObjectRef;
  readonly zone?: string;
  /** The node it belongs next to, known before any edge exists (a PV's claimRef, a disk's PV). */
  readonly anchor?: string;
  /** StorageClasses: the driver behind them. */
  readonly driver?: DriverChip;
  /** Accessible name: "PersistentVolume pv-10, Bound". */
  readonly ariaLabel: string;
  // Added by graph/failure-overlay.ts:
  /** A dashed card for an object a pod waits for that does not exist. */
  readonly missing?: boolean;
  /** The card's Warning events, as a mark on it. */
  readonly warnings?: WarningMark;
  /** The fact line that says why the object is stuck (one of `facts`), drawn as a warning. */
  readonly alertFact?: string;
}

// ---- failures drawn on the graph (graph/failure-overlay.ts adds them to a built model) ----

/** What a pod can wait for that is drawn as a dashed card while it is missing. */
export type MissingKind = 'ConfigMap';

export interface WarningMark {
  readonly count: number;
  /** "2 warnings: ProvisioningFailed, FailedBinding". */
  readonly ariaLabel: string;
  /** The events, `namespace/name`, oldest first: the events panel shows them. */
  readonly eventKeys: readonly string[];
}

export type GraphEdgeKind =
  'uses' | 'bound' | 'provisioned' | 'stored-on' | 'runs-on' | 'located' | 'created-by' | 'failure';

/**
 * The relations drawn as lines: the storage chain. Where a pod runs and where its storage lives
 * is drawn as geometry instead (zone lanes), and a volume's class and driver are written on it,
 * so those lines would only cross the picture.
 */
const DRAWN_EDGES: ReadonlySet<GraphEdgeKind> = new Set(['uses', 'bound', 'stored-on', 'failure']);

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

/** Cards have a fixed height, so the layout can space rows without measuring them. */
export const MAX_FACT_LINES = 2;

function restartsFact(restarts: string): string {
  const count = Number(restarts.split(' ')[0] ?? '0');
  return count > 0 ? `${count} restart${count === 1 ? '' : 's'}` : '';
}

function node(partial: Omit<GraphNodeModel, 'tone' | 'ariaLabel'> & { ariaKind: string }): GraphNodeModel {
  const { ariaKind, ...rest } = partial;
  if (rest.facts.length > MAX_FACT_LINES)
    throw new Error(`${rest.id}: a card has room for ${MAX_FACT_LINES} fact lines, not ${rest.facts.length}`);
  return {
    ...rest,
    tone: toneOfStatus(rest.status),
    ariaLabel: rest.status ? `${ariaKind} ${rest.name}, ${rest.status}` : `${ariaKind} ${rest.name}`,
  };
}

/** The container paths at which a pod mounts its claims, each once. */
function claimMountPaths(pod: Pod): string[] {
  const claimVolumes = new Set(
    (pod.spec?.volumes ?? []).filter((volume) => volume.persistentVolumeClaim).map((volume) => volume.name),
  );
  const paths = (pod.spec?.containers ?? [])
    .flatMap((container) => container.volumeMounts ?? [])
    .filter((mount) => claimVolumes.has(mount.name))
    .map((mount) => mount.mountPath);
  return [...new Set(paths)];
}

function driverChip(state: ClusterState, driver: string): DriverChip {
  if (driver === NO_PROVISIONER)
    return {
      id: driverNodeId(driver),
      name: 'no provisioner',
      label: 'volumes are made by hand',
      failed: false,
      ariaLabel: 'No provisioner: volumes of this class are made by hand',
      selectable: false,
    };
  const installed = state.infra.drivers[driver] !== undefined;
  const fault = state.infra.faults.drivers[driver];
  const spec = driverSpec(driver);
  const label = !installed ? 'not installed' : fault ? 'failing' : spec?.csi ? 'CSI driver' : 'provisioner';
  return {
    id: driverNodeId(driver),
    name: driver,
    label,
    failed: !installed || fault !== undefined,
    ariaLabel: `Driver ${driver}, ${fault ? 'Failed' : installed ? 'installed' : 'not installed'}`,
    selectable: true,
  };
}

function configMapNode(configMap: ConfigMap): GraphNodeModel {
  const ref = refOf(configMap);
  const keys = [...Object.keys(configMap.data ?? {}), ...Object.keys(configMap.binaryData ?? {})];
  return node({
    id: objectNodeId(ref),
    kind: 'ConfigMap',
    lane: 'claims',
    kindLabel: 'ConfigMap',
    ariaKind: 'ConfigMap',
    name: shownName(ref),
    // ConfigMaps have no phase: the card shows none unless it is going away.
    status: configMap.metadata?.deletionTimestamp ? 'Terminating' : '',
    // Its keys are the files a pod sees where it mounts it.
    facts: [
      `${keys.length} key${keys.length === 1 ? '' : 's'}`,
      ...(keys.length > 0 ? [keys.join(', ')] : []),
    ],
    ref,
  });
}

export function buildGraphModel(state: ClusterState): GraphModel {
  const nodes: GraphNodeModel[] = [];
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
        facts: [],
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
        kindLabel: 'Class',
        ariaKind: 'StorageClass',
        name,
        status: storageClass.metadata?.deletionTimestamp
          ? 'Terminating'
          : isDefaultClass(storageClass)
            ? 'default'
            : 'class',
        quietStatus: !storageClass.metadata?.deletionTimestamp && !isDefaultClass(storageClass),
        facts: [
          storageClass.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'Immediate',
          `reclaim ${storageClass.reclaimPolicy ?? 'Delete'}${storageClass.allowVolumeExpansion ? ' · expands' : ''}`,
        ],
        ref: refOf(storageClass),
        driver: driverChip(state, storageClass.provisioner),
      }),
    );
  }

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
          // A failure's message says more than the class, which the inspector still shows.
          volume.status?.message ??
            `class ${spec.storageClassName ? spec.storageClassName : '""'}${spec.volumeMode === 'Block' ? ' · Block' : ''}`,
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
  }

  for (const asset of Object.values(state.infra.assets)) addAsset(asset);

  function addAsset(asset: Asset): void {
    const id = assetNodeId(asset.id);
    const kindLabel = ASSET_KIND_LABELS[asset.kind];
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
        name: assetName(asset),
        status: 'exists',
        facts: [
          [asset.capacity ? describeQuantity(asset.capacity) : '', place].filter(Boolean).join(' · '),
        ].filter(Boolean),
        files,
        ...(asset.zone ? { zone: asset.zone } : {}),
        ...(asset.createdFor && objects.PersistentVolume[asset.createdFor]
          ? {
              anchor: objectNodeId({
                kind: 'PersistentVolume',
                name: asset.createdFor,
              }),
            }
          : {}),
      }),
    );
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
        name: shownName(ref),
        status: statusOf(claim, claim.status?.phase),
        facts: [
          `wants ${request ? describeQuantity(request) : '?'} · ${formatAccessModes(claim.spec?.accessModes)}`,
          [
            `class ${className ? className : '""'}`,
            capacity && capacity !== request ? `has ${describeQuantity(capacity)}` : '',
            selectedNode ? `for ${selectedNode}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ],
        ref,
      }),
    );
  }

  for (const pod of Object.values(objects.Pod)) addPod(pod);

  function addPod(pod: Pod): void {
    const ref = refOf(pod);
    const id = objectNodeId(ref);
    const summary = summarizePod(pod, state.clock);
    const status = pod.metadata?.deletionTimestamp ? 'Terminating' : summary.status || 'Pending';
    const nodeName = pod.spec?.nodeName;
    const zone = nodeName ? objects.Node[nodeName]?.metadata?.labels?.[LABEL_ZONE] : undefined;
    const mountPaths = claimMountPaths(pod);
    nodes.push(
      node({
        id,
        kind: 'Pod',
        lane: 'pods',
        kindLabel: 'Pod',
        ariaKind: 'Pod',
        name: shownName(ref),
        status,
        facts: [
          [nodeName ? `on ${nodeName}` : 'not scheduled', restartsFact(summary.restarts)]
            .filter(Boolean)
            .join(' · '),
          // Where the claims' data appears in the container (the card, not the line, has room).
          ...(mountPaths.length > 0 ? [`mounts ${mountPaths.join(', ')}`] : []),
        ],
        ref,
        ...(zone ? { zone } : {}),
      }),
    );
  }

  // After the pods: a ConfigMap takes the row of the pod that mounts it, next to the pod's claims.
  for (const configMap of Object.values(objects.ConfigMap)) nodes.push(configMapNode(configMap));

  const nodeIds = new Set(nodes.map((item) => item.id));
  return {
    nodes,
    edges: relationEdges(state).filter(
      (item) => DRAWN_EDGES.has(item.kind) && nodeIds.has(item.source) && nodeIds.has(item.target),
    ),
    zones: [...zones].sort(),
  };
}
