/**
 * The storage drivers the simulator knows (spec C3 and the docs the course teaches). Each entry
 * says what the real driver does: what it provisions, whether volumes must be attached to a node,
 * whether expansion needs a file-system step on the node, and how it sizes and names volumes.
 */
import { formatQuantity, quantityNanos } from '../model/quantity';
import type { AssetKind } from '../sim/state';

export interface DriverSpec {
  readonly name: string;
  /** Short product name for narration. */
  readonly title: string;
  readonly assetKind: Exclude<AssetKind, 'empty-dir'>;
  /** Runs as a CSI driver (controller + node plugin); local-path is a plain external provisioner. */
  readonly csi: boolean;
  /** Volumes must be attached to the node (a VolumeAttachment) before kubelet can mount them. */
  readonly attachRequired: boolean;
  /** Zonal: provisioned volumes get node affinity on the zone they were created in. */
  readonly zonal: boolean;
  /** Provisioned volumes live on one node (local-path). */
  readonly nodeLocal: boolean;
  readonly canExpand: boolean;
  /** Expansion finishes with a file-system resize by kubelet on the node. */
  readonly nodeExpansion: boolean;
  readonly blockMode: boolean;
  readonly accessModes: readonly string[];
  /** Sizes are rounded up to a multiple of this many bytes (cloud disks: whole GiB). */
  readonly roundToBytes?: bigint;
  readonly defaultFsType?: string;
  /** In-tree provisioner names migrated to this driver (CSI migration). */
  readonly inTreeNames: readonly string[];
}

const GIB = 1n << 30n;

export const DRIVER_CATALOG: readonly DriverSpec[] = [
  {
    name: 'ebs.csi.aws.com',
    title: 'Amazon EBS',
    assetKind: 'block-disk',
    csi: true,
    attachRequired: true,
    zonal: true,
    nodeLocal: false,
    canExpand: true,
    nodeExpansion: true,
    blockMode: true,
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
    roundToBytes: GIB,
    defaultFsType: 'ext4',
    inTreeNames: ['kubernetes.io/aws-ebs'],
  },
  {
    name: 'pd.csi.storage.gke.io',
    title: 'Google Persistent Disk',
    assetKind: 'block-disk',
    csi: true,
    attachRequired: true,
    zonal: true,
    nodeLocal: false,
    canExpand: true,
    nodeExpansion: true,
    blockMode: true,
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteOncePod'],
    roundToBytes: GIB,
    defaultFsType: 'ext4',
    inTreeNames: ['kubernetes.io/gce-pd'],
  },
  {
    name: 'disk.csi.azure.com',
    title: 'Azure Disk',
    assetKind: 'block-disk',
    csi: true,
    attachRequired: true,
    zonal: true,
    nodeLocal: false,
    canExpand: true,
    nodeExpansion: true,
    blockMode: true,
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
    roundToBytes: GIB,
    defaultFsType: 'ext4',
    inTreeNames: ['kubernetes.io/azure-disk'],
  },
  {
    name: 'nfs.csi.k8s.io',
    title: 'NFS',
    assetKind: 'file-share',
    csi: true,
    attachRequired: false,
    zonal: false,
    nodeLocal: false,
    canExpand: true,
    nodeExpansion: false,
    blockMode: false,
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    inTreeNames: [],
  },
  {
    name: 'rancher.io/local-path',
    title: 'Local Path Provisioner',
    assetKind: 'node-directory',
    csi: false,
    attachRequired: false,
    zonal: false,
    nodeLocal: true,
    canExpand: false,
    nodeExpansion: false,
    blockMode: false,
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
    inTreeNames: [],
  },
];

const BY_NAME = new Map(DRIVER_CATALOG.map((driver) => [driver.name, driver]));
const BY_IN_TREE_NAME = new Map(
  DRIVER_CATALOG.flatMap((driver) => driver.inTreeNames.map((name) => [name, driver] as const)),
);

/** Spec C3: what a scenario gets when it does not say. */
export const DEFAULT_DRIVERS: readonly string[] = ['ebs.csi.aws.com', 'nfs.csi.k8s.io'];
export const ALL_DRIVERS: readonly string[] = DRIVER_CATALOG.map((driver) => driver.name);

export function driverSpec(name: string): DriverSpec | undefined {
  return BY_NAME.get(name);
}

/** The CSI driver an in-tree provisioner name migrates to, if any. */
export function migratedDriverFor(inTreeName: string): DriverSpec | undefined {
  return BY_IN_TREE_NAME.get(inTreeName);
}

/** In-tree PV source field of each migrated in-tree plugin. */
export const IN_TREE_SOURCE_FIELD: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'awsElasticBlockStore',
  'kubernetes.io/gce-pd': 'gcePersistentDisk',
  'kubernetes.io/azure-disk': 'azureDisk',
};

const NANOS_PER_BYTE = 1_000_000_000n;

/** The size a driver's backend creates for a request: whole bytes, rounded up to its unit. */
export function sizeOnBackend(driver: DriverSpec, request: string): string {
  const bytes = (quantityNanos(request) + NANOS_PER_BYTE - 1n) / NANOS_PER_BYTE;
  const unit = driver.roundToBytes ?? 1n;
  return formatQuantity(((bytes + unit - 1n) / unit) * unit * NANOS_PER_BYTE, 'BinarySI');
}
