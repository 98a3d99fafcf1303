/**
 * Claims that wait in vain, for the graph: a Pending claim that nothing will bind or provision
 * (and the volume that came closest), and a Terminating claim that its pods hold (R43).
 * A claim that waits for something that will come (a provisioner at work, a WaitForFirstConsumer
 * claim without a pod yet, a fitting volume the binder takes next sync) is not a failure.
 */
import { podsByClaim } from '../controllers/lookups';
import { externalProvisionerOf } from '../controllers/pv-binder';
import { scheduledUsersOfClaim } from '../controllers/pvc-protection';
import {
  claimClass,
  claimRequest,
  hasFinalizer,
  isDeleting,
  nameOf,
  uidOf,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
} from '../model/object-helpers';
import { quantityNanos } from '../model/quantity';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../model/types';
import { objectKey, refOf } from '../model/types';
import { FINALIZER_PVC_PROTECTION } from '../model/well-known';
import type { ClusterState } from '../sim/state';
import type { ClusterWriter } from '../sim/writer';
import { volumeRows, volumesByName } from './claim-binding';
import type { ClaimContext } from './claim-context';
import { claimContext } from './claim-context';
import { CRITERIA } from './criteria';
import type { GraphFailure } from './graph-failures';
import type { BindingCriterion, VolumeRow } from './types';

export function claimFailures(state: ClusterState, view: ClusterWriter): GraphFailure[] {
  const users = podsByClaim(view);
  let volumes: readonly PersistentVolume[] | undefined;
  return view.list('PersistentVolumeClaim').flatMap((claim): GraphFailure[] => {
    if (isDeleting(claim)) return heldClaim(claim, users);
    if ((claim.status?.phase ?? 'Pending') !== 'Pending') return [];
    volumes ??= volumesByName(state);
    const failure = pendingClaimFailure(state, claimContext(state, claim), volumes);
    return failure ? [failure] : [];
  });
}

function heldClaim(claim: PersistentVolumeClaim, users: ReadonlyMap<string, Pod[]>): GraphFailure[] {
  if (!hasFinalizer(claim, FINALIZER_PVC_PROTECTION)) return [];
  const holders = scheduledUsersOfClaim(users, claim);
  const [first] = holders;
  if (!first) return [];
  return [
    {
      kind: 'claim-held',
      claim: refOf(claim),
      pod: refOf(first),
      pods: holders.map(refOf),
      label: `in use by ${holders.map(nameOf).join(', ')}`,
    },
  ];
}

function pendingClaimFailure(
  state: ClusterState,
  context: ClaimContext,
  volumes: readonly PersistentVolume[],
): GraphFailure | undefined {
  const claim = context.claim;
  const named = claim.spec?.volumeName;
  if (named) {
    // R25: the claim waits for that one volume; it binds once the volume exists and fits.
    const [row] = volumeRows(context, volumes);
    if (!row) return { kind: 'claim-alone', claim: refOf(claim), label: `volume ${named} not found` };
    return row.eligible ? undefined : closestFailure(state, context, row);
  }
  const stuck = whyNothingProvisions(state, context);
  if (!stuck) return undefined;
  const rows = volumeRows(context, volumes);
  // A volume that fits is bound on the binder's (or the scheduler's) next pass; so is one that
  // only has no phase yet (just created: the PV controller makes it Available on its next pass).
  if (rows.some((row) => row.eligible || awaitsItsPhase(state, row))) return undefined;
  const closest = closestRow(state, context, rows);
  return closest
    ? closestFailure(state, context, closest)
    : { kind: 'claim-alone', claim: refOf(claim), label: stuck };
}

/**
 * Why no volume will be provisioned for the claim (R28, R29, R32), as a short label, or
 * undefined when one will be (or the claim rightly waits for its first pod, R50).
 */
function whyNothingProvisions(state: ClusterState, context: ClaimContext): string | undefined {
  if (!context.className) return 'no volume fits, no class';
  const storageClass = context.storageClass;
  if (!storageClass) return `class ${context.className} not found`;
  if (context.delayed && context.pods.length === 0) return undefined;
  const external = externalProvisionerOf(storageClass.provisioner);
  if (!external) return 'no volume fits, no provisioner';
  if (!state.infra.drivers[external]) return `${external} not running`;
  if (context.claim.spec?.selector) return 'selector: never provisioned';
  return undefined;
}

/**
 * The volume the binder would pick if the fewest criteria failed. Ties go the way the binder
 * orders volumes: the smallest that is big enough first; after those, the nearest miss in size
 * (largest first); then by name.
 */
function closestRow(
  state: ClusterState,
  context: ClaimContext,
  rows: readonly VolumeRow[],
): VolumeRow | undefined {
  const request = quantityNanos(claimRequest(context.claim));
  const ranked = rows.map((row): RankedRow => {
    const volume = state.objects.PersistentVolume[row.volume];
    const size = volume ? quantityNanos(volumeCapacity(volume)) : 0n;
    return { row, failures: failingCriteria(row).length, fits: size >= request, size };
  });
  return ranked.sort(compareRanked)[0]?.row;
}

interface RankedRow {
  readonly row: VolumeRow;
  readonly failures: number;
  /** Its capacity is at least the request. */
  readonly fits: boolean;
  readonly size: bigint;
}

function compareRanked(a: RankedRow, b: RankedRow): number {
  if (a.failures !== b.failures) return a.failures - b.failures;
  if (a.fits !== b.fits) return a.fits ? -1 : 1;
  // Big enough: the smaller the better. Too small: the bigger, the nearer the miss.
  if (a.size !== b.size) {
    const smallerFirst = a.size < b.size ? -1 : 1;
    return a.fits ? smallerFirst : -smallerFirst;
  }
  return a.row.volume.localeCompare(b.row.volume);
}

function failingCriteria(row: VolumeRow): BindingCriterion[] {
  return CRITERIA.filter((criterion) =>
    row.cells.some((cell) => cell.criterion === criterion && cell.result === 'fail'),
  );
}

function awaitsItsPhase(state: ClusterState, row: VolumeRow): boolean {
  const volume = state.objects.PersistentVolume[row.volume];
  const failing = failingCriteria(row);
  return (
    volume !== undefined &&
    !isDeleting(volume) &&
    (volume.status?.phase ?? 'Pending') === 'Pending' &&
    failing.length === 1 &&
    failing[0] === 'phase'
  );
}

function closestFailure(
  state: ClusterState,
  context: ClaimContext,
  row: VolumeRow,
): GraphFailure | undefined {
  const volume = state.objects.PersistentVolume[row.volume];
  const [criterion] = failingCriteria(row);
  if (!volume || !criterion) return undefined;
  return {
    kind: 'claim-closest',
    claim: refOf(context.claim),
    volume: refOf(volume),
    criterion,
    label: criterionLabel(state, context.claim, volume, criterion),
  };
}

/** The failing criterion in a few words: the volume's side first, then the claim's. */
function criterionLabel(
  state: ClusterState,
  claim: PersistentVolumeClaim,
  volume: PersistentVolume,
  criterion: BindingCriterion,
): string {
  switch (criterion) {
    case 'class':
      return `class ${shownClass(volumeClass(volume))} ≠ ${shownClass(claimClass(claim))}`;
    case 'capacity':
      return `${volumeCapacity(volume)} < ${claimRequest(claim)}`;
    case 'accessModes': {
      const offered = volume.spec?.accessModes ?? [];
      const missing = (claim.spec?.accessModes ?? []).filter((mode) => !offered.includes(mode));
      return `${missing.join(', ')} missing`;
    }
    case 'volumeMode':
      return `${volumeModeOf(volume)} ≠ ${volumeModeOf(claim)}`;
    case 'selector':
      return 'selector';
    case 'nodeAffinity':
      return 'node affinity';
    case 'claimRef':
      return claimedByExistingClaim(state, volume) ? 'claimed by other' : 'held for a deleted claim';
    case 'phase':
      return isDeleting(volume) ? 'being deleted' : `phase ${volume.status?.phase ?? 'Pending'}`;
  }
}

function shownClass(name: string): string {
  return name || '""';
}

/** The volume's claimRef names a claim that exists (and, with a uid, is that very claim). */
function claimedByExistingClaim(state: ClusterState, volume: PersistentVolume): boolean {
  const ref = volume.spec?.claimRef;
  const holder = ref
    ? state.objects.PersistentVolumeClaim[objectKey(ref.namespace, ref.name ?? '')]
    : undefined;
  return holder !== undefined && (!ref?.uid || ref.uid === uidOf(holder));
}
