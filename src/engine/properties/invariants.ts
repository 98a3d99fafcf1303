/**
 * The invariants the property suite checks, as pure functions of a cluster state (and, where an
 * invariant depends on the past, of the History the harness kept; see model.ts). Each returns
 * the violations it finds as sentences; an empty list means the invariant holds.
 *
 * They state what real Kubernetes guarantees, not what the engine happens to do: where
 * Kubernetes skips a check (a user's pre-binding, a rebind after Lost) the invariant skips it too,
 * with the code path named in the comment.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../model/types';
import { compareQuantities } from '../model/quantity';
import { assetsOfVolume } from '../infra/assets';
import type { ClusterState } from '../sim/state';
import type { History } from './model';

function claimKeyOf(claim: PersistentVolumeClaim): string {
  return `${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`;
}

function volumeNameOf(volume: PersistentVolume): string {
  return volume.metadata?.name ?? '';
}

/**
 * Invariant 1, binding agreement. After a settle:
 * - a Bound claim names a volume (spec.volumeName) that exists, is Bound, and whose claimRef
 *   names the claim's namespace, name and uid;
 * - a Bound volume's claimRef names an existing claim with that uid, which is Bound and names
 *   the volume back;
 * - no two Bound claims name the same volume.
 */
export function checkBindingAgreement(state: ClusterState): string[] {
  const violations: string[] = [];
  const claims = state.objects.PersistentVolumeClaim;
  const volumes = state.objects.PersistentVolume;
  const claimsByVolume = new Map<string, string[]>();
  for (const claim of Object.values(claims)) {
    if (claim.status?.phase !== 'Bound') continue;
    const key = claimKeyOf(claim);
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      violations.push(`claim ${key} is Bound but names no volume`);
      continue;
    }
    claimsByVolume.set(volumeName, [...(claimsByVolume.get(volumeName) ?? []), key]);
    const volume = volumes[volumeName];
    if (!volume) {
      violations.push(`claim ${key} is Bound to volume ${volumeName}, which does not exist`);
      continue;
    }
    if (volume.status?.phase !== 'Bound') {
      violations.push(
        `claim ${key} is Bound to volume ${volumeName}, whose phase is ${volume.status?.phase ?? 'unset'}`,
      );
    }
    const ref = volume.spec?.claimRef;
    if (
      ref?.namespace !== claim.metadata?.namespace ||
      ref?.name !== claim.metadata?.name ||
      ref?.uid !== claim.metadata?.uid
    ) {
      violations.push(
        `claim ${key} (uid ${claim.metadata?.uid ?? ''}) is Bound to volume ${volumeName}, whose claimRef is ${JSON.stringify(ref ?? null)}`,
      );
    }
  }
  for (const [volumeName, keys] of claimsByVolume) {
    if (keys.length > 1) violations.push(`claims ${keys.join(', ')} are all Bound to volume ${volumeName}`);
  }
  for (const volume of Object.values(volumes)) {
    if (volume.status?.phase !== 'Bound') continue;
    const name = volumeNameOf(volume);
    const ref = volume.spec?.claimRef;
    const claim = ref ? claims[`${ref.namespace ?? ''}/${ref.name ?? ''}`] : undefined;
    if (!ref?.uid || !claim || claim.metadata?.uid !== ref.uid) {
      violations.push(
        `volume ${name} is Bound but its claimRef ${JSON.stringify(ref ?? null)} names no existing claim`,
      );
      continue;
    }
    if (claim.spec?.volumeName !== name || claim.status?.phase !== 'Bound') {
      violations.push(
        `volume ${name} is Bound to claim ${claimKeyOf(claim)}, which is ${claim.status?.phase ?? 'unset'} and names volume ${JSON.stringify(claim.spec?.volumeName ?? null)}`,
      );
    }
  }
  return violations;
}

function containsAll(have: readonly string[] | undefined, want: readonly string[] | undefined): boolean {
  return (want ?? []).every((mode) => (have ?? []).includes(mode));
}

/**
 * Invariant 2, a bound volume fits its claim. For every Bound pair (agreeing as in invariant 1):
 * - the claim's status.capacity is set and never exceeds the volume's capacity (expansion grows
 *   the PV first and status.capacity after it, R58; nothing shrinks a PV in these runs);
 * and, for pairs Kubernetes checked when binding them (History kind 'checked' or 'prebound'):
 * - the volume's capacity, and the claim's status.capacity, are at least the claim's request at
 *   bind time. Not the current request: a Bound claim may be grown (R57) and stays Bound while
 *   the resize is pending or even failing;
 * - the volume has every access mode the claim requests and the same volumeMode;
 * - the volume's class equals the claim's class (unset and "" are the same class, R22), except
 *   when the user pre-bound the volume to the claim: FindMatchingVolume returns a volume whose
 *   claimRef already names the claim before it compares classes (R21, binder_test 1-5, 1-6),
 *   so a pre-bound volume of another class is bound on purpose.
 * Pairs of kind 'unchecked' (claim names the volume and the volume names the claim, both by the
 * user) and 'rebind' (a bind-completed claim bound again, R16) are bound by Kubernetes without
 * any compatibility check (pv_controller syncUnboundClaim / syncBoundClaim call bind() directly),
 * so only the first rule applies to them.
 */
export function checkBindCompatibility(state: ClusterState, history: History): string[] {
  const violations: string[] = [];
  for (const claim of Object.values(state.objects.PersistentVolumeClaim)) {
    if (claim.status?.phase !== 'Bound') continue;
    const volume = state.objects.PersistentVolume[claim.spec?.volumeName ?? ''];
    if (!volume || volume.spec?.claimRef?.uid !== claim.metadata?.uid) continue;
    const key = claimKeyOf(claim);
    const name = volumeNameOf(volume);
    const capacity = volume.spec?.capacity?.['storage'] ?? '0';
    const statusCapacity = claim.status.capacity?.['storage'];
    if (statusCapacity === undefined) {
      violations.push(`claim ${key} is Bound to ${name} but has no status.capacity`);
      continue;
    }
    if (compareQuantities(statusCapacity, capacity) > 0) {
      violations.push(
        `claim ${key} reports status.capacity ${statusCapacity}, more than its volume ${name} has (${capacity})`,
      );
    }
    const pair = history.pairs.get(`${claim.metadata?.uid ?? ''}|${volume.metadata?.uid ?? ''}`);
    if (!pair) {
      violations.push(`claim ${key} is Bound to ${name} but the harness never saw them bind`);
      continue;
    }
    if (pair.kind === 'unchecked' || pair.kind === 'rebind') continue;
    if (compareQuantities(capacity, pair.requestAtBind) < 0) {
      violations.push(
        `volume ${name} (${capacity}) is smaller than ${key}'s request at bind time (${pair.requestAtBind})`,
      );
    }
    if (compareQuantities(statusCapacity, pair.requestAtBind) < 0) {
      violations.push(
        `claim ${key} reports status.capacity ${statusCapacity}, less than its request at bind time (${pair.requestAtBind})`,
      );
    }
    if (!containsAll(volume.spec?.accessModes, claim.spec?.accessModes)) {
      violations.push(
        `volume ${name} (${(volume.spec?.accessModes ?? []).join(',')}) lacks a mode claim ${key} requests (${(claim.spec?.accessModes ?? []).join(',')})`,
      );
    }
    const volumeMode = volume.spec?.volumeMode ?? 'Filesystem';
    const claimMode = claim.spec?.volumeMode ?? 'Filesystem';
    if (volumeMode !== claimMode) {
      violations.push(`volume ${name} is ${volumeMode} but claim ${key} asks for ${claimMode}`);
    }
    const volumeClass = volume.spec?.storageClassName ?? '';
    const claimClass = claim.spec?.storageClassName ?? '';
    if (pair.kind === 'checked' && volumeClass !== claimClass) {
      violations.push(
        `volume ${name} of class "${volumeClass}" is bound to claim ${key} of class "${claimClass}" without a user pre-binding`,
      );
    }
  }
  return violations;
}

/**
 * Invariant 3, Retain never loses a file. Stated exactly: a file a pod wrote through a claim
 * stays, with the content last written, in the asset it was written to, unless some reconcile
 * since the write started while a volume on the same backend (the same directory path, NFS
 * export or disk) had a reclaim policy other than Retain and was not stably bound (see
 * isStablyBound): only then can Kubernetes recycle (R39) or delete (R38) that backend. So a
 * volume that was Retain whenever its claim could go away keeps every file, whatever else
 * happens to the claim, the pods or the PV object itself (deleting a Retain PV leaves its
 * backend, R37), and a policy changed to Retain before the claim is deleted counts (R42).
 * An emptyDir is not tracked: it goes with its pod (R62).
 */
export function checkRetainedFiles(state: ClusterState, history: History): string[] {
  const violations: string[] = [];
  for (const file of history.files.values()) {
    const asset = state.infra.assets[file.assetId];
    if (!asset) {
      violations.push(
        `asset ${file.assetId} holding ${file.path} (written through ${file.writtenThrough}) is gone though no reclaim could touch it`,
      );
      continue;
    }
    const content = asset.files[file.path];
    if (content !== file.content) {
      violations.push(
        `${file.path} in ${file.assetId} (written through ${file.writtenThrough}) holds ${JSON.stringify(content ?? null)}, expected ${JSON.stringify(file.content)}`,
      );
    }
  }
  return violations;
}

/**
 * Invariant 4, a Bound volume has its storage. After a settle, every Bound PV that was
 * dynamically provisioned has an asset (the provisioner creates the disk or share before the PV,
 * R33, and deletes it only after the claim is gone, R38), and every asset a pod mounted for a
 * Bound PV still exists, unless a reclaim with policy Delete could have destroyed that backend
 * since (another PV on the same /tmp directory, say; see reclaimRisk).
 */
export function checkBoundVolumeAssets(state: ClusterState, history: History): string[] {
  const violations: string[] = [];
  for (const volume of Object.values(state.objects.PersistentVolume)) {
    if (volume.status?.phase !== 'Bound') continue;
    const name = volumeNameOf(volume);
    if (
      volume.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] !== undefined &&
      assetsOfVolume(volume, state.infra.assets).length === 0
    ) {
      violations.push(`dynamically provisioned volume ${name} is Bound but its backend asset is missing`);
    }
    for (const assetId of history.mountedAssets.get(volume.metadata?.uid ?? '')?.keys() ?? []) {
      if (!state.infra.assets[assetId]) {
        violations.push(`volume ${name} is Bound but asset ${assetId}, which a pod mounted for it, is gone`);
      }
    }
  }
  return violations;
}

/**
 * Invariant 8 (beyond the brief, the other half of invariant 3): a volume is never handed to a
 * different claim behind the administrator's back. Once a PV has been Bound to a claim, it is
 * Released when that claim goes and then matches no other claim, not even a new one of the same
 * name (R36), until a user edits its claimRef (R17) or the recycler scrubs and frees it (R39).
 * A Retained volume full of someone's files silently bound to a new claim would leak them.
 */
export function checkNoSilentHandover(state: ClusterState, history: History): string[] {
  const violations: string[] = [];
  for (const claim of Object.values(state.objects.PersistentVolumeClaim)) {
    if (claim.status?.phase !== 'Bound') continue;
    const volume = state.objects.PersistentVolume[claim.spec?.volumeName ?? ''];
    if (!volume) continue;
    const pair = history.pairs.get(`${claim.metadata?.uid ?? ''}|${volume.metadata?.uid ?? ''}`);
    if (pair?.handedOverFrom !== undefined) {
      violations.push(
        `volume ${volumeNameOf(volume)} was bound to claim uid ${pair.handedOverFrom} and is now bound to ${claimKeyOf(claim)} though nobody freed it`,
      );
    }
  }
  return violations;
}
