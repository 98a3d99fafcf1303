/**
 * What the property harness remembers about a run's history. Some invariants are not functions of
 * one state: whether a bound pair had to pass the compatibility checks depends on who wrote the
 * pointers before the bind, and whether a file must still exist depends on which reclaim policies
 * could have acted on its backend since it was written. The harness feeds every operation's
 * before/after states into these functions; the checks in invariants.ts read the result.
 *
 * Everything here is derived from the observable states and the operations the harness itself
 * performed, never from the engine's change log, so an engine bug cannot hide itself.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../model/types';
import type { Asset, ClusterState } from '../sim/state';

/** How a bound pair came about, which decides what Kubernetes checked when it bound it. */
export type BindKind =
  /**
   * The PV controller or the scheduler matched them (R19-R25, R51), or the provisioner created
   * the volume for the claim (R33): size, access modes, volumeMode and class were all checked.
   */
  | 'checked'
  /**
   * The user pre-bound the volume to the claim with `spec.claimRef` (R21): FindMatchingVolume
   * returns such a volume before it looks at the class, so only the class may differ. Size and
   * volumeMode are still checked, and access modes through the access-mode groups (R19).
   */
  | 'prebound'
  /**
   * The claim named the volume (`spec.volumeName`) and the user had also pointed the volume's
   * claimRef at the claim: syncUnboundClaim takes the "volume already bound to this claim" branch
   * and calls bind() without checkVolumeSatisfyClaim, so Kubernetes checks nothing at all.
   */
  | 'unchecked'
  /**
   * The claim had been bound before (bind-completed) and was bound again to the volume it names,
   * e.g. after it was Lost: syncBoundClaim calls bind() without any compatibility check (R16).
   */
  | 'rebind';

export interface BoundPair {
  readonly kind: BindKind;
  /** The claim's request when the pair was first seen Bound: requests cannot change while unbound (R11). */
  readonly requestAtBind: string;
  /**
   * Set when the volume had been bound to another claim (this uid) before and nothing freed it
   * since: no user edit of its claimRef, no recycling. See checkNoSilentHandover.
   */
  readonly handedOverFrom?: string;
}

export interface TrackedFile {
  readonly assetId: string;
  readonly path: string;
  readonly content: string;
  /** The backend (directory, export, disk) the asset belongs to; see backendOfAsset. */
  readonly backend: string;
  readonly writtenThrough: string;
}

export interface History {
  /** `${pvUid}|${namespace}/${claim}`: a user op pointed this volume's claimRef at that claim name. */
  readonly userReserved: Set<string>;
  /** `${claimUid}|${pvName}`: a user op set the claim's spec.volumeName. */
  readonly userNamed: Set<string>;
  /** Claim uids seen with the bind-completed annotation at some earlier observation. */
  readonly bindCompleted: Set<string>;
  /** `${claimUid}|${pvUid}` -> how and with what request the pair was first seen Bound. */
  readonly pairs: Map<string, BoundPair>;
  /** `${assetId}\n${path}` -> the last content a pod wrote there through a claim. */
  readonly files: Map<string, TrackedFile>;
  /** pv uid -> assetId -> backend: assets pods mounted for that volume object. */
  readonly mountedAssets: Map<string, Map<string, string>>;
  /** `${podUid}|${volume}`: pod mounts already seen, so that only new mounts are recorded. */
  readonly seenMounts: Set<string>;
  /** pv uid -> uid of the last claim it was seen bound to. */
  readonly lastClaimOf: Map<string, string>;
  /** pv uids whose binding was legitimately undone since: a user edited the claimRef, or it could be recycled. */
  readonly freedVolumes: Set<string>;
}

export function emptyHistory(): History {
  return {
    userReserved: new Set(),
    userNamed: new Set(),
    bindCompleted: new Set(),
    pairs: new Map(),
    files: new Map(),
    mountedAssets: new Map(),
    seenMounts: new Set(),
    lastClaimOf: new Map(),
    freedVolumes: new Set(),
  };
}

const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';

// ---- backends --------------------------------------------------------------------------------

/**
 * The storage a PV's files live in, as a key comparable with backendOfAsset. Node directories are
 * keyed by path alone: the in-tree hostPath recycler and deleter act on the path, whatever node
 * the data was written on, so every node's directory with that path is at risk together.
 */
export function backendOfVolume(volume: PersistentVolume): string | undefined {
  const spec = volume.spec;
  if (spec?.hostPath) return `dir:${spec.hostPath.path}`;
  if (spec?.local) return `dir:${spec.local.path}`;
  if (spec?.nfs) return `nfs:${spec.nfs.server}:${spec.nfs.path}`;
  if (spec?.csi) return `csi:${spec.csi.driver}:${spec.csi.volumeHandle}`;
  return undefined;
}

export function backendOfAsset(asset: Asset): string | undefined {
  switch (asset.kind) {
    case 'node-directory':
      return `dir:${asset.path ?? ''}`;
    case 'file-share':
      return asset.driver && asset.handle
        ? `csi:${asset.driver}:${asset.handle}`
        : `nfs:${asset.server ?? ''}:${asset.path ?? ''}`;
    case 'block-disk':
      return `csi:${asset.driver ?? ''}:${asset.handle ?? ''}`;
    case 'empty-dir':
      return undefined;
  }
}

// ---- reclaim risk ----------------------------------------------------------------------------

function claimKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

/**
 * A volume whose claimRef carries the uid of an existing claim that is not being deleted and
 * names this volume cannot be Released by the controllers: only a user operation (deleting the
 * claim, editing the claimRef) starts that, and no user operation runs inside a reconcile.
 */
export function isStablyBound(state: ClusterState, volume: PersistentVolume): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref?.uid) return false;
  const claim = state.objects.PersistentVolumeClaim[claimKey(ref.namespace, ref.name)];
  return (
    claim?.metadata?.uid === ref.uid &&
    claim.metadata.deletionTimestamp === undefined &&
    claim.spec?.volumeName === volume.metadata?.name
  );
}

export interface ReclaimRisk {
  /** Backends whose files a reclaim may remove (Recycle scrubs, Delete destroys). */
  readonly scrub: ReadonlySet<string>;
  /** Backends a reclaim may remove altogether (Delete, or a policy the controller fails on). */
  readonly destroy: ReadonlySet<string>;
}

/**
 * Which backends the reclaim step may touch in the reconcile that starts from `state`. The
 * policy in force is the one on the PV when the controller reclaims it (R42: pv_controller
 * reclaimVolume reads the PV on every sync of a Released volume), so only volumes that are not
 * stably bound and whose current policy is not Retain count. Every volume on the same backend
 * counts: two PVs over one directory share its files, and recycling either scrubs both.
 */
export function reclaimRisk(state: ClusterState): ReclaimRisk {
  const scrub = new Set<string>();
  const destroy = new Set<string>();
  for (const volume of Object.values(state.objects.PersistentVolume)) {
    const policy = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    if (policy === 'Retain' || isStablyBound(state, volume)) continue;
    const backend = backendOfVolume(volume);
    if (backend === undefined) continue;
    scrub.add(backend);
    if (policy !== 'Recycle') destroy.add(backend);
  }
  return { scrub, destroy };
}

/** Before a step or settle: forget the expectations a reclaim in it may legitimately break. */
export function noteReconcileStart(history: History, state: ClusterState): void {
  // Recycling (R39) is the one controller action that frees a volume for another claim; its
  // scrub empties the volume first, so handing it over exposes nothing.
  for (const volume of Object.values(state.objects.PersistentVolume)) {
    if (volume.spec?.persistentVolumeReclaimPolicy === 'Recycle' && !isStablyBound(state, volume))
      history.freedVolumes.add(volume.metadata?.uid ?? '');
  }
  const risk = reclaimRisk(state);
  for (const [key, file] of history.files) if (risk.scrub.has(file.backend)) history.files.delete(key);
  for (const assets of history.mountedAssets.values()) {
    for (const [assetId, backend] of assets) if (risk.destroy.has(backend)) assets.delete(assetId);
  }
}

// ---- user operations -------------------------------------------------------------------------

function sameClaimRef(a: PersistentVolume | undefined, b: PersistentVolume): boolean {
  const left = a?.spec?.claimRef;
  const right = b.spec?.claimRef;
  return left?.namespace === right?.namespace && left?.name === right?.name && left?.uid === right?.uid;
}

/**
 * After a successful user operation: a volume whose claimRef the operation created or changed was
 * pre-bound by the user; a claim whose volumeName it set names its volume. No controller runs
 * during a user operation, so any such difference was written by the user.
 */
export function noteUserOperation(history: History, before: ClusterState, after: ClusterState): void {
  for (const [name, volume] of Object.entries(after.objects.PersistentVolume)) {
    const previous = before.objects.PersistentVolume[name];
    const same = previous?.metadata?.uid === volume.metadata?.uid;
    const ref = volume.spec?.claimRef;
    if (same && !sameClaimRef(previous, volume)) history.freedVolumes.add(volume.metadata?.uid ?? '');
    if (ref?.name && (!same || !sameClaimRef(previous, volume))) {
      history.userReserved.add(`${volume.metadata?.uid ?? ''}|${claimKey(ref.namespace, ref.name)}`);
    }
  }
  for (const [key, claim] of Object.entries(after.objects.PersistentVolumeClaim)) {
    const previous = before.objects.PersistentVolumeClaim[key];
    const volumeName = claim.spec?.volumeName;
    const same = previous?.metadata?.uid === claim.metadata?.uid;
    if (volumeName && (!same || previous?.spec?.volumeName !== volumeName)) {
      history.userNamed.add(`${claim.metadata?.uid ?? ''}|${volumeName}`);
    }
  }
}

/**
 * After a successful write through a pod volume: remember the file if the volume is a claim (an
 * emptyDir dies with its pod, R62). Returns a violation if the acknowledged write is not stored.
 */
export function noteWrite(
  history: History,
  state: ClusterState,
  pod: { readonly uid: string; readonly volume: string },
  path: string,
  content: string,
): string[] {
  const mount = state.infra.pods[pod.uid]?.mounts[pod.volume];
  if (!mount?.assetId) return [];
  const asset = state.infra.assets[mount.assetId];
  if (asset?.files[path] !== content) {
    return [
      `write of ${path} through volume ${pod.volume} was acknowledged but ${mount.assetId} does not hold it`,
    ];
  }
  const backend = backendOfAsset(asset);
  if (mount.volumeName === undefined || backend === undefined) return [];
  history.files.set(`${mount.assetId}\n${path}`, {
    assetId: mount.assetId,
    path,
    content,
    backend,
    writtenThrough: mount.volumeName,
  });
  return [];
}

// ---- observations after reconciling ----------------------------------------------------------

function classifyBind(history: History, claim: PersistentVolumeClaim, volume: PersistentVolume): BindKind {
  const claimUid = claim.metadata?.uid ?? '';
  const volumeUid = volume.metadata?.uid ?? '';
  if (history.bindCompleted.has(claimUid)) return 'rebind';
  const reserved = history.userReserved.has(
    `${volumeUid}|${claimKey(claim.metadata?.namespace, claim.metadata?.name)}`,
  );
  const named = history.userNamed.has(`${claimUid}|${volume.metadata?.name ?? ''}`);
  if (reserved && named) return 'unchecked';
  return reserved ? 'prebound' : 'checked';
}

/** After a step or settle: record new mounts and newly bound pairs, then bind-completed claims. */
export function noteReconcileEnd(history: History, state: ClusterState): void {
  const volumes = state.objects.PersistentVolume;
  for (const runtime of Object.values(state.infra.pods)) {
    for (const [volumeName, mount] of Object.entries(runtime.mounts)) {
      const key = `${runtime.podUid}|${volumeName}`;
      if (history.seenMounts.has(key) || !mount.assetId || !mount.volumeName) continue;
      history.seenMounts.add(key);
      const volume = volumes[mount.volumeName];
      if (!volume) continue;
      const asset = state.infra.assets[mount.assetId];
      const backend = (asset ? backendOfAsset(asset) : undefined) ?? backendOfVolume(volume) ?? '';
      const uid = volume.metadata?.uid ?? '';
      const assets = history.mountedAssets.get(uid) ?? new Map<string, string>();
      assets.set(mount.assetId, backend);
      history.mountedAssets.set(uid, assets);
    }
  }
  for (const claim of Object.values(state.objects.PersistentVolumeClaim)) {
    if (claim.status?.phase !== 'Bound') continue;
    const volume = volumes[claim.spec?.volumeName ?? ''];
    if (!volume || volume.status?.phase !== 'Bound') continue;
    if (volume.spec?.claimRef?.uid !== claim.metadata?.uid) continue;
    const claimUid = claim.metadata?.uid ?? '';
    const volumeUid = volume.metadata?.uid ?? '';
    const key = `${claimUid}|${volumeUid}`;
    if (history.pairs.has(key)) continue;
    const previous = history.lastClaimOf.get(volumeUid);
    const handedOver =
      previous !== undefined && previous !== claimUid && !history.freedVolumes.has(volumeUid);
    history.pairs.set(key, {
      kind: classifyBind(history, claim, volume),
      requestAtBind: claim.spec?.resources?.requests?.['storage'] ?? '0',
      ...(handedOver ? { handedOverFrom: previous } : {}),
    });
    history.lastClaimOf.set(volumeUid, claimUid);
    history.freedVolumes.delete(volumeUid);
  }
  for (const claim of Object.values(state.objects.PersistentVolumeClaim)) {
    if (claim.metadata?.annotations?.[BIND_COMPLETED] !== undefined)
      history.bindCompleted.add(claim.metadata.uid ?? '');
  }
}
