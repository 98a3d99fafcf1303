/**
 * The PV controller's volume index (pkg/controller/volume/persistentvolume/index.go): volumes
 * grouped by their exact set of access modes, and inside a group by class and volumeMode, sorted
 * by capacity. A claim is matched group by group, fewest modes first (R19); in a group a volume
 * pre-bound to the claim wins (R21), otherwise the smallest Available volume that fits (R20-R23).
 * Binary search plus a skip structure keep a round of thousands of binds near n log n.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../model/types';
import { ACCESS_MODES, accessModeSetKey } from '../model/access-modes';
import { matchesLabelSelector } from '../model/labels';
import {
  claimClass,
  claimRequest,
  isDeleting,
  nameOf,
  namespaceOf,
  uidOf,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
} from '../model/object-helpers';
import { quantityNanos } from '../model/quantity';

interface Bucket {
  readonly volumes: PersistentVolume[];
  readonly sizes: bigint[];
  /** next[i]: the first index >= i not yet taken this round (with path compression). */
  readonly next: Int32Array;
  readonly positionByName: Map<string, number>;
}

interface Group {
  readonly modes: readonly string[];
  /** class|volumeMode -> Available, unclaimed volumes of this access-mode set. */
  readonly buckets: Map<string, Bucket>;
  /** claim namespace/name -> volumes of this group whose claimRef names that claim. */
  readonly prebound: Map<string, PersistentVolume[]>;
}

export interface MatchResult {
  readonly volume: PersistentVolume;
  /** The volume's claimRef already named the claim (user or provisioner pre-binding, R21). */
  readonly prebound: boolean;
}

export class VolumeIndex {
  private readonly groups = new Map<string, Group>();
  /** Groups ordered by number of modes (fewest first), then by key for determinism. */
  private orderedGroups: Group[] = [];

  constructor(volumes: Iterable<PersistentVolume>) {
    const staging = new Map<
      string,
      {
        modes: string[];
        bucketLists: Map<string, PersistentVolume[]>;
        prebound: Map<string, PersistentVolume[]>;
      }
    >();
    for (const volume of volumes) {
      const key = accessModeSetKey(volume.spec?.accessModes);
      let group = staging.get(key);
      if (!group) {
        group = { modes: key ? key.split(',') : [], bucketLists: new Map(), prebound: new Map() };
        staging.set(key, group);
      }
      const claimRef = volume.spec?.claimRef;
      if (claimRef) {
        const claimKey = `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}`;
        const list = group.prebound.get(claimKey) ?? [];
        list.push(volume);
        group.prebound.set(claimKey, list);
        continue;
      }
      if (volume.status?.phase !== 'Available' || isDeleting(volume)) continue;
      const bucketKey = `${volumeClass(volume)}|${volumeModeOf(volume)}`;
      const list = group.bucketLists.get(bucketKey) ?? [];
      list.push(volume);
      group.bucketLists.set(bucketKey, list);
    }
    for (const [key, group] of staging) {
      const buckets = new Map<string, Bucket>();
      for (const [bucketKey, list] of group.bucketLists) buckets.set(bucketKey, makeBucket(list));
      this.groups.set(key, { modes: group.modes, buckets, prebound: group.prebound });
    }
    this.orderedGroups = [...this.groups.entries()]
      .sort(([a, left], [b, right]) => left.modes.length - right.modes.length || modeOrder(a) - modeOrder(b))
      .map(([, group]) => group);
  }

  /** FindMatchingVolume over the index, as the PV controller calls it (no node). */
  findBestMatch(claim: PersistentVolumeClaim, delayBinding: boolean): MatchResult | undefined {
    const requested = claim.spec?.accessModes ?? [];
    const request = quantityNanos(claimRequest(claim));
    const claimKey = `${namespaceOf(claim)}/${nameOf(claim)}`;
    const mode = volumeModeOf(claim);
    for (const group of this.orderedGroups) {
      if (!requested.every((item) => group.modes.includes(item))) continue;
      for (const volume of group.prebound.get(claimKey) ?? []) {
        const ref = volume.spec?.claimRef;
        if (ref?.uid && ref.uid !== uidOf(claim)) continue;
        if (quantityNanos(volumeCapacity(volume)) < request) continue;
        if (volumeModeOf(volume) !== mode) continue;
        if (isDeleting(volume)) continue;
        return { volume, prebound: true };
      }
      if (delayBinding) continue;
      const bucket = group.buckets.get(`${claimClass(claim)}|${mode}`);
      if (!bucket) continue;
      const found = findInBucket(bucket, request, claim);
      if (found) return { volume: found, prebound: false };
    }
    return undefined;
  }

  /** Marks a volume as used this round, so no other claim gets it. */
  take(volume: PersistentVolume): void {
    const group = this.groups.get(accessModeSetKey(volume.spec?.accessModes));
    const bucket = group?.buckets.get(`${volumeClass(volume)}|${volumeModeOf(volume)}`);
    const position = bucket?.positionByName.get(nameOf(volume));
    if (bucket && position !== undefined) bucket.next[position] = position + 1;
  }
}

function makeBucket(list: PersistentVolume[]): Bucket {
  const entries = list.map((volume, order) => ({
    volume,
    size: quantityNanos(volumeCapacity(volume)),
    order,
  }));
  entries.sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : a.order - b.order));
  const next = new Int32Array(entries.length + 1);
  for (let index = 0; index <= entries.length; index += 1) next[index] = index;
  return {
    volumes: entries.map((entry) => entry.volume),
    sizes: entries.map((entry) => entry.size),
    next,
    positionByName: new Map(entries.map((entry, index) => [nameOf(entry.volume), index])),
  };
}

function findFree(next: Int32Array, start: number): number {
  let root = start;
  while (next[root] !== root) root = next[root] ?? root;
  let current = start;
  while (next[current] !== root) {
    const following = next[current] ?? root;
    next[current] = root;
    current = following;
  }
  return root;
}

function findInBucket(
  bucket: Bucket,
  request: bigint,
  claim: PersistentVolumeClaim,
): PersistentVolume | undefined {
  let low = 0;
  let high = bucket.sizes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((bucket.sizes[middle] ?? 0n) < request) low = middle + 1;
    else high = middle;
  }
  const selector = claim.spec?.selector;
  const attributesClass = claim.spec?.volumeAttributesClassName ?? '';
  for (
    let index = findFree(bucket.next, low);
    index < bucket.volumes.length;
    index = findFree(bucket.next, index + 1)
  ) {
    const volume = bucket.volumes[index];
    if (!volume) break;
    if (selector && !matchesLabelSelector(selector, volume.metadata?.labels)) continue;
    if ((volume.spec?.volumeAttributesClassName ?? '') !== attributesClass) continue;
    return volume;
  }
  return undefined;
}

function modeOrder(key: string): number {
  return key.split(',').reduce((sum, mode) => sum * 8 + ACCESS_MODES.indexOf(mode as never) + 1, 0);
}
