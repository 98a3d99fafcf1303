/**
 * The whole simulated cluster as plain, serializable data: Kubernetes objects, the infrastructure
 * behind them (disks, shares, directories and their files; installed drivers; faults), the clock
 * and the counters that make ids deterministic. Never mutated: each round makes a new state that
 * shares every unchanged table and object with the previous one.
 */
import type { KindMap, KindName } from '../model/types';

export type ObjectTable<K extends KindName> = Readonly<Record<string, KindMap[K]>>;
export type ObjectTables = { readonly [K in KindName]: ObjectTable<K> };

export type AssetKind = 'block-disk' | 'file-share' | 'node-directory' | 'empty-dir';

/** A piece of storage that holds files: a cloud disk, an NFS export, a directory on a node. */
export interface Asset {
  readonly id: string;
  readonly kind: AssetKind;
  /** The driver that created it (dynamic) or serves it (static csi). */
  readonly driver?: string;
  readonly handle?: string;
  readonly zone?: string;
  readonly node?: string;
  readonly server?: string;
  readonly path?: string;
  readonly capacity?: string;
  /** The PV or pod this asset was made for, for the graph and narration. */
  readonly createdFor?: string;
  /** Relative path inside the asset -> file content. */
  readonly files: Readonly<Record<string, string>>;
}

/** What kubelet mounted for one pod volume. */
export interface PodMount {
  /** The asset holding the files (absent for configMap volumes). */
  readonly assetId?: string;
  /** configMap volumes: the projected files, relative path -> content. */
  readonly projected?: Readonly<Record<string, string>>;
  readonly readOnly: boolean;
  /** The PV behind a persistentVolumeClaim volume. */
  readonly volumeName?: string;
}

/** Kubelet's view of a pod on its node: what is mounted and what the containers wrote. */
export interface PodRuntime {
  readonly podUid: string;
  readonly node: string;
  readonly mounts: Readonly<Record<string, PodMount>>;
  /** Files written outside every mount: they live in the container layer and die with it. */
  readonly containerFiles: Readonly<Record<string, string>>;
  readonly started: boolean;
  readonly restarts: number;
}

export interface InstalledDriver {
  readonly name: string;
}

export interface Faults {
  /** driver name -> error message every backend call of that driver fails with. */
  readonly drivers: Readonly<Record<string, string>>;
  /** node name -> reason it is NotReady. */
  readonly nodes: Readonly<Record<string, string>>;
}

export interface InfraState {
  readonly drivers: Readonly<Record<string, InstalledDriver>>;
  readonly assets: Readonly<Record<string, Asset>>;
  readonly pods: Readonly<Record<string, PodRuntime>>;
  readonly faults: Faults;
}

export interface Counters {
  readonly uid: number;
  readonly resourceVersion: number;
  readonly handle: number;
}

export interface ClusterSettings {
  readonly defaultNamespace: string;
}

export const STATE_SCHEMA_VERSION = 1;

export interface ClusterState {
  readonly schemaVersion: typeof STATE_SCHEMA_VERSION;
  /** Simulated seconds since the epoch of the simulation. */
  readonly clock: number;
  /** Reconcile rounds run so far. */
  readonly round: number;
  readonly counters: Counters;
  readonly settings: ClusterSettings;
  readonly objects: ObjectTables;
  readonly infra: InfraState;
}

export function emptyTables(): ObjectTables {
  return {
    Namespace: {},
    Node: {},
    StorageClass: {},
    PersistentVolume: {},
    PersistentVolumeClaim: {},
    Pod: {},
    ConfigMap: {},
    VolumeAttachment: {},
    CSIDriver: {},
    Event: {},
  };
}
