/**
 * Relations are data: one row per relation kind says which fields of which kind point to what
 * (a pod's claimName to a claim, a claim's volumeName to a volume, ...). The graph's edges and the
 * inspector's "Uses" / "Used by" lists are all read from this one table.
 *
 * A relation's ends are objects (by reference), the infrastructure assets that hold data, or the
 * drivers that provision and serve them. A reference that nothing answers to is still a relation,
 * marked dangling (`targetExists: false`): a pod naming a missing ConfigMap is worth drawing.
 */
import type { Asset, ClusterState } from '../sim/state';
import type { KindMap, KindName, ObjectRef, Pod } from './types';
import { KINDS, formatRef, objectKey, refKey, refOf } from './types';
import { annotationOf, claimClass, namespaceOf, uidOf, volumeClass } from './object-helpers';
import { ANN_BETA_STORAGE_CLASS, ANN_PROVISIONED_BY } from './well-known';

/** An infrastructure asset (disk, share, directory, emptyDir), by its id in `infra.assets`. */
export interface AssetEnd {
  readonly kind: 'Asset';
  readonly id: string;
}

/** A storage driver (CSI driver or provisioner), by name, as installed in `infra.drivers`. */
export interface DriverEnd {
  readonly kind: 'Driver';
  readonly name: string;
}

export type RelationEnd = ObjectRef | AssetEnd | DriverEnd;
export type RelationEndKind = RelationEnd['kind'];

export type RelationName =
  | 'mounts-claim'
  | 'mounts-config'
  | 'mounts-empty-dir'
  | 'runs-on'
  | 'claims-volume'
  | 'of-class'
  | 'bound-to-claim'
  | 'provisioned-by'
  | 'stored-on'
  | 'located-on'
  | 'served-by';

/** One row of the table, as documentation: what points from where to what, read from which fields. */
export interface RelationKind {
  readonly name: RelationName;
  readonly from: RelationEndKind;
  readonly to: RelationEndKind;
  /** A verb phrase from the source to the target: "Pod app mounts PVC data", "Pod app runs on Node node-1". */
  readonly label: string;
  /** The fields it is read from (`[]` for every list item). */
  readonly reads: readonly string[];
}

export interface Relation {
  readonly name: RelationName;
  readonly from: RelationEnd;
  readonly to: RelationEnd;
  /** False when nothing answers to the reference (a missing claim or ConfigMap): a dangling relation. */
  readonly targetExists: boolean;
  /** The field it came from, list positions included: `spec.volumes[1].persistentVolumeClaim.claimName`. */
  readonly field: string;
}

interface Target {
  readonly to: RelationEnd;
  readonly field: string;
  readonly exists: boolean;
}

interface RelationRow extends RelationKind {
  /** Every relation of this row in the state, in the order of the table it reads. */
  readonly collect: (state: ClusterState) => Relation[];
}

/** A stable text key of an end: `PersistentVolumeClaim/default/data`, `Asset/disk:…`, `Driver/…`. */
export function relationEndKey(end: RelationEnd): string {
  if (end.kind === 'Asset') return `Asset/${end.id}`;
  if (end.kind === 'Driver') return `Driver/${end.name}`;
  return formatRef(end);
}

export function isObjectEnd(end: RelationEnd): end is ObjectRef {
  return end.kind !== 'Asset' && end.kind !== 'Driver';
}

/** Whether something answers to the end in the state. */
export function relationEndExists(state: ClusterState, end: RelationEnd): boolean {
  if (end.kind === 'Asset') return state.infra.assets[end.id] !== undefined;
  if (end.kind === 'Driver') return state.infra.drivers[end.name] !== undefined;
  return state.objects[end.kind][refKey(end)] !== undefined;
}

/** A reference to a `kind` object named in `namespace` (ignored for cluster-scoped kinds). */
function objectEnd(kind: KindName, namespace: string | undefined, name: string): ObjectRef {
  return KINDS[kind].namespaced && namespace ? { kind, namespace, name } : { kind, name };
}

function target(state: ClusterState, to: RelationEnd, field: string): Target {
  return { to, field, exists: relationEndExists(state, to) };
}

/** A row whose sources are the objects of one kind, each read on its own. */
function objectRow<K extends KindName>(
  kind: RelationKind & { readonly from: K },
  targets: (object: KindMap[K], state: ClusterState) => readonly Target[],
): RelationRow {
  return {
    ...kind,
    collect: (state) => {
      const table: Readonly<Record<string, KindMap[K]>> = state.objects[kind.from];
      return Object.values(table).flatMap((object) => {
        const from = refOf(object);
        return targets(object, state).map((found) => relation(kind.name, from, found));
      });
    },
  };
}

function relation(name: RelationName, from: RelationEnd, found: Target): Relation {
  return { name, from, to: found.to, targetExists: found.exists, field: found.field };
}

function podVolumes(pod: Pod) {
  return (pod.spec?.volumes ?? []).map((volume, index) => ({ volume, field: `spec.volumes[${index}]` }));
}

/**
 * The asset behind each PV, as the graph has always drawn it: the asset a running pod mounted for
 * the volume, else the asset made for it (node directories: one per node that mounted it).
 */
function storedOn(state: ClusterState): Relation[] {
  const mounted = new Map<string, { readonly volumeName: string; readonly field: string }>();
  for (const runtime of Object.values(state.infra.pods)) {
    for (const [volume, mount] of Object.entries(runtime.mounts)) {
      if (mount.volumeName && mount.assetId) {
        const field = `infra.pods[${runtime.podUid}].mounts[${volume}].assetId`;
        mounted.set(mount.assetId, { volumeName: mount.volumeName, field });
      }
    }
  }
  const volumes = state.objects.PersistentVolume;
  return Object.values(state.infra.assets).flatMap((asset) => {
    const mount = mounted.get(asset.id);
    const madeFor = volumes[asset.createdFor ?? ''] ? asset.createdFor : undefined;
    const volumeName = mount ? mount.volumeName : madeFor;
    if (!volumeName || !volumes[volumeName]) return [];
    const from = objectEnd('PersistentVolume', undefined, volumeName);
    const field = mount ? mount.field : `infra.assets[${asset.id}].createdFor`;
    return [relation('stored-on', from, { to: { kind: 'Asset', id: asset.id }, field, exists: true })];
  });
}

/** A row whose sources are the infrastructure assets. */
function assetRow(
  kind: RelationKind & { readonly from: 'Asset' },
  targets: (asset: Asset, state: ClusterState) => readonly Target[],
): RelationRow {
  return {
    ...kind,
    collect: (state) =>
      Object.values(state.infra.assets).flatMap((asset) =>
        targets(asset, state).map((found) => relation(kind.name, { kind: 'Asset', id: asset.id }, found)),
      ),
  };
}

/**
 * The table. Its order is the order of `allRelations`, row by row: volumes' storage before claims'
 * volumes before pods' claims, so each card meets its neighbours in the order the graph's layout
 * has always seen them (it places a new card next to its first placed neighbour).
 */
const ROWS: readonly RelationRow[] = [
  objectRow(
    {
      name: 'bound-to-claim',
      from: 'PersistentVolume',
      to: 'PersistentVolumeClaim',
      label: 'bound to',
      reads: ['spec.claimRef.namespace', 'spec.claimRef.name', 'spec.claimRef.uid'],
    },
    (volume, state) => {
      const claimRef = volume.spec?.claimRef;
      if (!claimRef?.name) return [];
      const to = objectEnd('PersistentVolumeClaim', claimRef.namespace, claimRef.name);
      const claim = state.objects.PersistentVolumeClaim[objectKey(claimRef.namespace, claimRef.name)];
      // As the binder sees it: a claim recreated under the same name is not the claim it was bound to.
      const exists = claim !== undefined && (!claimRef.uid || uidOf(claim) === claimRef.uid);
      return [{ to, field: 'spec.claimRef', exists }];
    },
  ),
  objectRow(
    {
      name: 'of-class',
      from: 'PersistentVolume',
      to: 'StorageClass',
      label: 'belongs to',
      reads: [`metadata.annotations[${ANN_BETA_STORAGE_CLASS}]`, 'spec.storageClassName'],
    },
    (volume, state) => {
      const className = volumeClass(volume);
      if (!className) return [];
      const beta = annotationOf(volume, ANN_BETA_STORAGE_CLASS) !== undefined;
      const field = beta ? `metadata.annotations[${ANN_BETA_STORAGE_CLASS}]` : 'spec.storageClassName';
      return [target(state, objectEnd('StorageClass', undefined, className), field)];
    },
  ),
  objectRow(
    {
      name: 'provisioned-by',
      from: 'PersistentVolume',
      to: 'Driver',
      label: 'provisioned by',
      reads: [`metadata.annotations[${ANN_PROVISIONED_BY}]`],
    },
    (volume, state) => {
      const driver = annotationOf(volume, ANN_PROVISIONED_BY);
      if (!driver) return [];
      return [target(state, { kind: 'Driver', name: driver }, `metadata.annotations[${ANN_PROVISIONED_BY}]`)];
    },
  ),
  {
    name: 'stored-on',
    from: 'PersistentVolume',
    to: 'Asset',
    label: 'stored on',
    reads: ['infra.pods[].mounts[].volumeName', 'infra.pods[].mounts[].assetId', 'infra.assets[].createdFor'],
    collect: storedOn,
  },
  assetRow(
    { name: 'located-on', from: 'Asset', to: 'Node', label: 'located on', reads: ['infra.assets[].node'] },
    (asset, state) =>
      asset.node
        ? [target(state, objectEnd('Node', undefined, asset.node), `infra.assets[${asset.id}].node`)]
        : [],
  ),
  assetRow(
    { name: 'served-by', from: 'Asset', to: 'Driver', label: 'served by', reads: ['infra.assets[].driver'] },
    (asset, state) =>
      asset.driver
        ? [target(state, { kind: 'Driver', name: asset.driver }, `infra.assets[${asset.id}].driver`)]
        : [],
  ),
  objectRow(
    {
      name: 'claims-volume',
      from: 'PersistentVolumeClaim',
      to: 'PersistentVolume',
      label: 'claims',
      reads: ['spec.volumeName'],
    },
    (claim, state) => {
      const volumeName = claim.spec?.volumeName;
      if (!volumeName) return [];
      return [target(state, objectEnd('PersistentVolume', undefined, volumeName), 'spec.volumeName')];
    },
  ),
  objectRow(
    {
      name: 'of-class',
      from: 'PersistentVolumeClaim',
      to: 'StorageClass',
      label: 'belongs to',
      reads: [`metadata.annotations[${ANN_BETA_STORAGE_CLASS}]`, 'spec.storageClassName'],
    },
    (claim, state) => {
      // The binder's reading: the beta annotation wins over the field, and "" is no class.
      const className = claimClass(claim);
      if (!className) return [];
      const beta = annotationOf(claim, ANN_BETA_STORAGE_CLASS) !== undefined;
      const field = beta ? `metadata.annotations[${ANN_BETA_STORAGE_CLASS}]` : 'spec.storageClassName';
      return [target(state, objectEnd('StorageClass', undefined, className), field)];
    },
  ),
  objectRow(
    { name: 'runs-on', from: 'Pod', to: 'Node', label: 'runs on', reads: ['spec.nodeName'] },
    (pod, state) => {
      const nodeName = pod.spec?.nodeName;
      return nodeName ? [target(state, objectEnd('Node', undefined, nodeName), 'spec.nodeName')] : [];
    },
  ),
  objectRow(
    {
      name: 'mounts-claim',
      from: 'Pod',
      to: 'PersistentVolumeClaim',
      label: 'mounts',
      reads: ['spec.volumes[].persistentVolumeClaim.claimName'],
    },
    (pod, state) =>
      // A claim is looked up in the pod's own namespace.
      podVolumes(pod).flatMap(({ volume, field }) => {
        const claimName = volume.persistentVolumeClaim?.claimName;
        if (!claimName) return [];
        const to = objectEnd('PersistentVolumeClaim', namespaceOf(pod), claimName);
        return [target(state, to, `${field}.persistentVolumeClaim.claimName`)];
      }),
  ),
  objectRow(
    {
      name: 'mounts-config',
      from: 'Pod',
      to: 'ConfigMap',
      label: 'mounts',
      reads: ['spec.volumes[].configMap.name', 'spec.volumes[].projected.sources[].configMap.name'],
    },
    (pod, state) =>
      podVolumes(pod).flatMap(({ volume, field }) => {
        const direct = volume.configMap?.name
          ? [{ name: volume.configMap.name, at: `${field}.configMap.name` }]
          : [];
        const projected = (volume.projected?.sources ?? []).flatMap((source, index) =>
          source.configMap?.name
            ? [{ name: source.configMap.name, at: `${field}.projected.sources[${index}].configMap.name` }]
            : [],
        );
        return [...direct, ...projected].map(({ name, at }) =>
          target(state, objectEnd('ConfigMap', namespaceOf(pod), name), at),
        );
      }),
  ),
  objectRow(
    {
      name: 'mounts-empty-dir',
      from: 'Pod',
      to: 'Asset',
      label: 'mounts',
      reads: ['spec.volumes[].emptyDir', 'infra.pods[].mounts[].assetId'],
    },
    (pod, state) => {
      // An emptyDir is made by kubelet when it mounts the pod: until then there is nothing to point at.
      const mounts = state.infra.pods[uidOf(pod)]?.mounts ?? {};
      return podVolumes(pod).flatMap(({ volume, field }) => {
        const assetId = volume.emptyDir ? mounts[volume.name]?.assetId : undefined;
        return assetId ? [target(state, { kind: 'Asset', id: assetId }, `${field}.emptyDir`)] : [];
      });
    },
  ),
];

/** The table as documentation: every relation kind, what it links and the fields it reads. */
export const RELATION_KINDS: readonly RelationKind[] = ROWS.map(
  ({ collect: _collect, ...kind }): RelationKind => kind,
);

/** The label of a relation ("mounts", "runs on"): source, label, target read as a sentence. */
export function relationLabel(name: RelationName): string {
  return RELATION_KINDS.find((kind) => kind.name === name)?.label ?? name;
}

interface RelationIndex {
  readonly all: readonly Relation[];
  readonly from: ReadonlyMap<string, readonly Relation[]>;
  readonly to: ReadonlyMap<string, readonly Relation[]>;
}

/** States never change, so each one's index is built once (the graph and the inspector share it). */
const indexes = new WeakMap<ClusterState, RelationIndex>();

function indexOf(state: ClusterState): RelationIndex {
  const known = indexes.get(state);
  if (known) return known;
  const all = ROWS.flatMap((row) => row.collect(state));
  const from = new Map<string, Relation[]>();
  const to = new Map<string, Relation[]>();
  for (const item of all) {
    push(from, relationEndKey(item.from), item);
    push(to, relationEndKey(item.to), item);
  }
  const index = { all, from, to };
  indexes.set(state, index);
  return index;
}

function push(map: Map<string, Relation[]>, key: string, item: Relation): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Every relation in the state, in table order; linear in the size of the state. */
export function allRelations(state: ClusterState): readonly Relation[] {
  return indexOf(state).all;
}

/** The relations from one object, asset or driver: what it uses. */
export function outgoing(state: ClusterState, end: RelationEnd): readonly Relation[] {
  return indexOf(state).from.get(relationEndKey(end)) ?? [];
}

/** The relations pointing at one object, asset or driver (dangling ones too, if it is missing). */
export function referrers(state: ClusterState, end: RelationEnd): readonly Relation[] {
  return indexOf(state).to.get(relationEndKey(end)) ?? [];
}
