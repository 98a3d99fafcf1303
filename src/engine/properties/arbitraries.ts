/**
 * Generators for the property suite: a small random pool of StorageClasses, PersistentVolumes,
 * claims and pods, and a random sequence of operations over that pool. Pools are deliberately
 * tiny (2-3 classes, 0-4 volumes, 0-4 claims, 0-3 pods) and names come from short fixed lists,
 * so that objects collide, share backends, get deleted and re-created: that is where the
 * interesting interactions are. Every generated name is a valid DNS-1123 name.
 *
 * Operations refer to pool entries by index and are resolved modulo the pool size when they run,
 * so fast-check can shrink the pool and the operations independently.
 */
import fc from 'fast-check';

export const NAMESPACE = 'default';
export const CLASS_NAMES = ['sc-a', 'sc-b', 'sc-c'] as const;
/** A class name no pool object defines: claims using it stay Pending (R28). */
export const MISSING_CLASS = 'sc-missing';
export const CLAIM_NAMES = ['claim-0', 'claim-1', 'claim-2', 'claim-3'] as const;
export const VOLUME_NAMES = ['pv-0', 'pv-1', 'pv-2', 'pv-3'] as const;
export const POD_NAMES = ['pod-0', 'pod-1', 'pod-2'] as const;
export const FILE_NAMES = ['a.txt', 'b.txt', 'c.txt'] as const;

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export type VolumeMode = 'Filesystem' | 'Block';
export type Provisioner = 'ebs.csi.aws.com' | 'nfs.csi.k8s.io' | 'kubernetes.io/no-provisioner';
export type VolumeReclaimPolicy = 'Retain' | 'Delete' | 'Recycle';

export interface ClassSpec {
  readonly name: string;
  readonly provisioner: Provisioner;
  readonly bindingMode: 'Immediate' | 'WaitForFirstConsumer';
  /** Undefined: left to the API default (Delete, R3). */
  readonly reclaimPolicy: 'Delete' | 'Retain' | undefined;
  readonly allowVolumeExpansion: boolean | undefined;
  readonly isDefault: boolean;
}

export type VolumeSource =
  | { readonly kind: 'hostPath'; readonly path: string }
  | { readonly kind: 'nfs'; readonly server: string; readonly path: string };

export interface VolumeSpec {
  readonly name: string;
  readonly capacity: string;
  readonly accessModes: readonly AccessMode[];
  /** Undefined: left to the API default (Retain, R1). */
  readonly reclaimPolicy: VolumeReclaimPolicy | undefined;
  /** Undefined: no class field at all; "" is the explicit empty class. */
  readonly storageClassName: string | undefined;
  readonly volumeMode: VolumeMode | undefined;
  readonly source: VolumeSource;
  /** Pre-bound by the user to this claim name (claimRef without uid, R21). */
  readonly claimRef: string | undefined;
}

export interface ClaimSpec {
  readonly name: string;
  readonly request: string;
  readonly accessModes: readonly AccessMode[];
  /** Undefined: unset (the default class may apply, R5/R27); "" is the explicit empty class. */
  readonly storageClassName: string | undefined;
  readonly volumeMode: VolumeMode | undefined;
  /** The claim names a volume (R25). */
  readonly volumeName: string | undefined;
}

export type PodVolumeSpec =
  | { readonly kind: 'claim'; readonly claimName: string; readonly readOnly: boolean }
  | { readonly kind: 'emptyDir' };

export interface PodSpec {
  readonly name: string;
  /** Volume i is named `vol-i` and mounted at `/mnt/vol-i`. */
  readonly volumes: readonly PodVolumeSpec[];
}

export interface Pool {
  /** One or two nodes, both in zone-a (zonal Immediate provisioning needs a single zone, R33). */
  readonly nodes: number;
  readonly classes: readonly ClassSpec[];
  readonly volumes: readonly VolumeSpec[];
  readonly claims: readonly ClaimSpec[];
  readonly pods: readonly PodSpec[];
}

export type PoolKind = 'StorageClass' | 'PersistentVolume' | 'PersistentVolumeClaim' | 'Pod';

/** Documents the API must refuse; applied after a valid document, so the whole apply must fail. */
export const INVALID_DOCUMENTS = [
  'class-with-recycle',
  'claim-without-modes',
  'claim-zero-request',
  'volume-two-sources',
  'volume-rwop-mixed',
  'unknown-kind',
] as const;
export type InvalidDocument = (typeof INVALID_DOCUMENTS)[number];

/**
 * Targets of delete and patch are indexes: for volumes into the volumes that exist when the
 * operation runs (pool and dynamically provisioned alike, sorted by name), for the other kinds
 * into the pool.
 */
export type Op =
  | { readonly kind: 'apply'; readonly target: PoolKind; readonly index: number }
  | {
      readonly kind: 'applyInvalid';
      readonly target: PoolKind;
      readonly index: number;
      readonly invalid: InvalidDocument;
    }
  | { readonly kind: 'delete'; readonly target: PoolKind; readonly index: number }
  | { readonly kind: 'patchReclaimPolicy'; readonly index: number; readonly policy: VolumeReclaimPolicy }
  | { readonly kind: 'patchClaimRef'; readonly index: number; readonly clear: 'claimRef' | 'uid' }
  | { readonly kind: 'patchRequest'; readonly index: number; readonly request: string }
  | { readonly kind: 'write'; readonly pod: number; readonly mount: number; readonly file: number }
  | { readonly kind: 'crash'; readonly pod: number }
  /**
   * The usual way a claim is let go: delete every pool pod that mounts it, then the claim. It is
   * expanded into those delete operations before the run (see run.ts expandOps), so each call is
   * checked on its own.
   */
  | { readonly kind: 'release'; readonly index: number }
  /**
   * A driver's backend starts or stops failing, or a node goes NotReady or comes back: retries,
   * failed deletes and failed resizes must still converge and must not lose data.
   */
  | {
      readonly kind: 'fault';
      readonly target: 'ebs.csi.aws.com' | 'nfs.csi.k8s.io' | 'node-1' | 'node-2';
      readonly failing: boolean;
    }
  | { readonly kind: 'step' }
  | { readonly kind: 'settle' };

export interface Scenario {
  readonly pool: Pool;
  /** Apply every pool object (classes, volumes, claims, pods) and settle before the operations. */
  readonly bootstrap: boolean;
  readonly ops: readonly Op[];
}

// ---- pool ------------------------------------------------------------------------------------

/** Weighted towards ReadWriteOnce, the mode most claims use, so that claims and volumes meet. */
const ACCESS_MODE_SETS: readonly (readonly AccessMode[])[] = [
  ['ReadWriteOnce'],
  ['ReadWriteOnce'],
  ['ReadWriteOnce'],
  ['ReadOnlyMany'],
  ['ReadWriteMany'],
  ['ReadWriteOnce', 'ReadOnlyMany'],
  ['ReadWriteOnce', 'ReadWriteMany'],
  ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
  ['ReadWriteOncePod'],
];

const accessModes = fc.constantFrom(...ACCESS_MODE_SETS);
const volumeMode = fc.constantFrom<VolumeMode | undefined>(
  undefined,
  undefined,
  undefined,
  'Filesystem',
  'Block',
);

export const VOLUME_SIZES = ['1Gi', '2Gi', '5Gi', '10Gi', '20Gi'] as const;
export const REQUEST_SIZES = ['1Gi', '1500Mi', '2Gi', '5Gi', '10Gi', '20Gi'] as const;
/** Sizes a claim is patched to: mostly growth, sometimes a shrink (R12) or no change. */
export const PATCH_SIZES = ['1Gi', '3Gi', '5Gi', '10Gi', '20Gi', '30Gi'] as const;

/** References to objects no pool defines (a pod's claim, a claimRef, a volumeName) stay dangling. */
export const MISSING_CLAIM = 'claim-missing';
export const MISSING_VOLUME = 'pv-missing';

/** Few distinct paths, so two volumes often share a directory or an export. */
const volumeSource: fc.Arbitrary<VolumeSource> = fc.oneof(
  fc
    .constantFrom('/mnt/data/a', '/mnt/data/b', '/tmp/a', '/tmp/b')
    .map((path): VolumeSource => ({ kind: 'hostPath', path })),
  fc
    .constantFrom('/exports/a', '/exports/b')
    .map((path): VolumeSource => ({ kind: 'nfs', server: 'nfs.example.com', path })),
);

const classBody = fc.record({
  provisioner: fc.constantFrom<Provisioner>(
    'ebs.csi.aws.com',
    'nfs.csi.k8s.io',
    'kubernetes.io/no-provisioner',
  ),
  bindingMode: fc.constantFrom<ClassSpec['bindingMode']>('Immediate', 'WaitForFirstConsumer'),
  reclaimPolicy: fc.constantFrom<ClassSpec['reclaimPolicy']>(undefined, 'Delete', 'Retain'),
  allowVolumeExpansion: fc.constantFrom<boolean | undefined>(undefined, true, false),
  // One class in four is marked default, so R5/R27 defaulting happens but not everywhere.
  isDefault: fc.nat({ max: 3 }).map((draw) => draw === 0),
});

/**
 * A class for a volume or claim: one of the pool's (named by index, resolved against the pool
 * size in normalizePool), the empty class "", unset (undefined), or a class that does not exist.
 */
function classChoice(weights: {
  pool: number;
  empty: number;
  unset: number;
}): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: weights.pool, arbitrary: fc.constantFrom(...CLASS_NAMES) },
    { weight: weights.empty, arbitrary: fc.constant('') },
    { weight: weights.unset, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(MISSING_CLASS) },
  );
}

/** Mostly nothing, sometimes a value: fc.option's freq is the odds of the nil value, not of a value. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    { weight: percent, arbitrary },
  );
}

const volumeBody = fc.record({
  capacity: fc.constantFrom(...VOLUME_SIZES),
  accessModes,
  reclaimPolicy: fc.constantFrom<VolumeReclaimPolicy | undefined>(undefined, 'Retain', 'Delete', 'Recycle'),
  storageClassName: classChoice({ pool: 4, empty: 4, unset: 2 }),
  volumeMode,
  source: volumeSource,
  claimRef: sometimes(fc.constantFrom<string>(...CLAIM_NAMES, MISSING_CLAIM), 20),
});

const claimBody = fc.record({
  request: fc.constantFrom(...REQUEST_SIZES),
  accessModes,
  storageClassName: classChoice({ pool: 5, empty: 2, unset: 3 }),
  volumeMode,
  volumeName: sometimes(fc.constantFrom<string>(...VOLUME_NAMES, MISSING_VOLUME), 12),
});

const podVolume: fc.Arbitrary<PodVolumeSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      claimName: fc.constantFrom<string>(...CLAIM_NAMES, ...CLAIM_NAMES, MISSING_CLAIM),
      readOnly: fc.nat({ max: 4 }).map((draw) => draw === 0),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'emptyDir' as const }) },
);

const podBody = fc.record({ volumes: fc.array(podVolume, { minLength: 1, maxLength: 2 }) });

function named<T extends object>(bodies: readonly T[], names: readonly string[]): (T & { name: string })[] {
  return bodies.map((body, index) => ({ ...body, name: names[index] ?? `extra-${index}` }));
}

/** Maps a generated reference onto the pool: `names[i]` becomes `names[i mod count]`. */
function within(name: string | undefined, names: readonly string[], count: number): string | undefined {
  const position = name === undefined ? -1 : names.indexOf(name);
  if (position < 0 || count === 0) return name;
  return names[position % count];
}

/**
 * References are generated over the full name lists and folded onto the objects the pool really
 * has, so most of them resolve (and still do after fast-check shrinks the pool); the explicit
 * missing names keep some dangling on purpose.
 */
function normalizePool(pool: Pool): Pool {
  const classCount = pool.classes.length;
  const claimCount = pool.claims.length;
  const volumeCount = pool.volumes.length;
  return {
    ...pool,
    volumes: pool.volumes.map((volume) => ({
      ...volume,
      storageClassName: within(volume.storageClassName, CLASS_NAMES, classCount),
      claimRef: within(volume.claimRef, CLAIM_NAMES, claimCount),
    })),
    claims: pool.claims.map((claim) => ({
      ...claim,
      storageClassName: within(claim.storageClassName, CLASS_NAMES, classCount),
      volumeName: within(claim.volumeName, VOLUME_NAMES, volumeCount),
    })),
    pods: pool.pods.map((pod) => ({
      ...pod,
      volumes: pod.volumes.map((volume) =>
        volume.kind === 'claim'
          ? { ...volume, claimName: within(volume.claimName, CLAIM_NAMES, claimCount) ?? volume.claimName }
          : volume,
      ),
    })),
  };
}

export const poolArbitrary: fc.Arbitrary<Pool> = fc
  .record({
    nodes: fc.integer({ min: 1, max: 2 }),
    classes: fc.array(classBody, { minLength: 2, maxLength: 3 }),
    volumes: fc.array(volumeBody, { maxLength: 4 }),
    claims: fc.array(claimBody, { maxLength: 4 }),
    // Runs without pods are few: pods are what mounts, writes and WaitForFirstConsumer need.
    pods: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 5, arbitrary: fc.array(podBody, { minLength: 1, maxLength: 3 }) },
    ),
  })
  .map((raw) =>
    normalizePool({
      nodes: raw.nodes,
      classes: named(raw.classes, CLASS_NAMES),
      volumes: named(raw.volumes, VOLUME_NAMES),
      claims: named(raw.claims, CLAIM_NAMES),
      pods: named(raw.pods, POD_NAMES),
    }),
  );

// ---- operations ------------------------------------------------------------------------------

const poolKind = fc.constantFrom<PoolKind>(
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Pod',
);
/** Applies favour the kinds that make things happen. */
const applyKind = fc.constantFrom<PoolKind>(
  'StorageClass',
  'PersistentVolume',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'PersistentVolumeClaim',
  'Pod',
  'Pod',
);
/** Deletes favour claims and pods: releasing volumes is what exercises the reclaim rules. */
const deleteKind = fc.constantFrom<PoolKind>(
  'StorageClass',
  'PersistentVolume',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'PersistentVolumeClaim',
  'PersistentVolumeClaim',
  'Pod',
  'Pod',
  'Pod',
);
const index = fc.nat({ max: 3 });

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('apply' as const), target: applyKind, index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('applyInvalid' as const),
      target: poolKind,
      index,
      invalid: fc.constantFrom(...INVALID_DOCUMENTS),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: deleteKind, index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('patchReclaimPolicy' as const),
      index,
      policy: fc.constantFrom<VolumeReclaimPolicy>('Retain', 'Delete', 'Recycle'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('patchClaimRef' as const),
      index,
      clear: fc.constantFrom<'claimRef' | 'uid'>('claimRef', 'uid'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('patchRequest' as const),
      index,
      request: fc.constantFrom(...PATCH_SIZES),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      pod: fc.nat({ max: 2 }),
      mount: fc.nat({ max: 2 }),
      file: fc.nat({ max: FILE_NAMES.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), pod: fc.nat({ max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      target: fc.constantFrom('ebs.csi.aws.com', 'nfs.csi.k8s.io', 'node-1', 'node-2'),
      failing: fc.boolean(),
    }),
  },
  // Single rounds let user operations land in the middle of a reconcile, where races live.
  { weight: 3, arbitrary: fc.constant({ kind: 'step' as const }) },
  { weight: 5, arbitrary: fc.constant({ kind: 'settle' as const }) },
);

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  pool: poolArbitrary,
  // Most runs start from the whole pool applied and settled; the others build it up by chance.
  bootstrap: fc.nat({ max: 3 }).map((draw) => draw !== 0),
  // size 'max': lengths spread over the whole 5-25 range (the default size stops near 15).
  ops: fc.array(opArbitrary, { minLength: 5, maxLength: 25, size: 'max' }),
});

// ---- manifests -------------------------------------------------------------------------------

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function compact(entries: Record<string, Json | undefined>): { [key: string]: Json } {
  const result: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) result[key] = value;
  return result;
}

export function classManifest(spec: ClassSpec): { [key: string]: Json } {
  return compact({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: compact({
      name: spec.name,
      annotations: spec.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined,
    }),
    provisioner: spec.provisioner,
    volumeBindingMode: spec.bindingMode,
    reclaimPolicy: spec.reclaimPolicy,
    allowVolumeExpansion: spec.allowVolumeExpansion,
  });
}

export function volumeManifest(spec: VolumeSpec): { [key: string]: Json } {
  const source: Record<string, Json> =
    spec.source.kind === 'hostPath'
      ? { hostPath: { path: spec.source.path } }
      : { nfs: { server: spec.source.server, path: spec.source.path } };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: spec.name },
    spec: compact({
      capacity: { storage: spec.capacity },
      accessModes: [...spec.accessModes],
      persistentVolumeReclaimPolicy: spec.reclaimPolicy,
      storageClassName: spec.storageClassName,
      volumeMode: spec.volumeMode,
      claimRef: spec.claimRef === undefined ? undefined : { namespace: NAMESPACE, name: spec.claimRef },
      ...source,
    }),
  };
}

export function claimManifest(spec: ClaimSpec): { [key: string]: Json } {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: spec.name, namespace: NAMESPACE },
    spec: compact({
      accessModes: [...spec.accessModes],
      resources: { requests: { storage: spec.request } },
      storageClassName: spec.storageClassName,
      volumeMode: spec.volumeMode,
      volumeName: spec.volumeName,
    }),
  };
}

export function mountPathOf(volumeIndex: number): string {
  return `/mnt/vol-${volumeIndex}`;
}

export function podManifest(spec: PodSpec): { [key: string]: Json } {
  const volumes = spec.volumes.map((volume, position): Json =>
    volume.kind === 'claim'
      ? { name: `vol-${position}`, persistentVolumeClaim: { claimName: volume.claimName } }
      : { name: `vol-${position}`, emptyDir: {} },
  );
  const volumeMounts = spec.volumes.map((volume, position): Json =>
    compact({
      name: `vol-${position}`,
      mountPath: mountPathOf(position),
      readOnly: volume.kind === 'claim' && volume.readOnly ? true : undefined,
    }),
  );
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: spec.name, namespace: NAMESPACE },
    spec: { containers: [{ name: 'app', image: 'busybox', volumeMounts }], volumes },
  };
}

export function invalidManifest(kind: InvalidDocument): { [key: string]: Json } {
  switch (kind) {
    case 'class-with-recycle':
      return {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'sc-recycle' },
        provisioner: 'nfs.csi.k8s.io',
        reclaimPolicy: 'Recycle',
      };
    case 'claim-without-modes':
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'claim-bad', namespace: NAMESPACE },
        spec: { resources: { requests: { storage: '1Gi' } } },
      };
    case 'claim-zero-request':
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'claim-bad', namespace: NAMESPACE },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } },
      };
    case 'volume-two-sources':
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'pv-bad' },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce'],
          hostPath: { path: '/mnt/data/a' },
          nfs: { server: 'nfs.example.com', path: '/exports/a' },
        },
      };
    case 'volume-rwop-mixed':
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'pv-bad' },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'],
          hostPath: { path: '/mnt/data/a' },
        },
      };
    case 'unknown-kind':
      return { apiVersion: 'v1', kind: 'PersistentThing', metadata: { name: 'thing' } };
  }
}

/** The pool entry of a kind at an index (modulo the pool size), or undefined for an empty pool. */
export function poolManifest(
  pool: Pool,
  kind: PoolKind,
  position: number,
): { [key: string]: Json } | undefined {
  switch (kind) {
    case 'StorageClass': {
      const spec = pool.classes[position % Math.max(1, pool.classes.length)];
      return spec && classManifest(spec);
    }
    case 'PersistentVolume': {
      const spec = pool.volumes[position % Math.max(1, pool.volumes.length)];
      return spec && volumeManifest(spec);
    }
    case 'PersistentVolumeClaim': {
      const spec = pool.claims[position % Math.max(1, pool.claims.length)];
      return spec && claimManifest(spec);
    }
    case 'Pod': {
      const spec = pool.pods[position % Math.max(1, pool.pods.length)];
      return spec && podManifest(spec);
    }
  }
}

/** The pool's name for a kind at an index; an unused name when that pool is empty (NotFound). */
export function poolName(pool: Pool, kind: PoolKind, position: number): string {
  const names: readonly string[] =
    kind === 'StorageClass'
      ? CLASS_NAMES.slice(0, pool.classes.length)
      : kind === 'PersistentVolume'
        ? VOLUME_NAMES.slice(0, pool.volumes.length)
        : kind === 'PersistentVolumeClaim'
          ? CLAIM_NAMES.slice(0, pool.claims.length)
          : POD_NAMES.slice(0, pool.pods.length);
  return names[position % Math.max(1, names.length)] ?? `${kind.toLowerCase()}-absent`;
}

/** JSON is YAML: one document per object, separated as kubectl expects. */
export function toYaml(documents: readonly { [key: string]: Json }[]): string {
  return documents.map((document) => JSON.stringify(document)).join('\n---\n');
}
