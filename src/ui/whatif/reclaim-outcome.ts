/**
 * How one side of the what-if ends, in plain words: the volume's phase (or that it is gone), and
 * whether the disk, share or directory behind it and the files on it remain. Read from the
 * engine's states; nothing is assumed about which policy does what.
 */
import type { ClusterState } from '../../engine';
import { assetsOfVolume, describeAsset } from '../../engine';

export interface StorageOutcome {
  readonly id: string;
  /** "disk vol-0…", "directory /mnt/data on node-a". */
  readonly name: string;
  readonly kept: boolean;
  /** The files it held at the start (kept or not). */
  readonly filesBefore: readonly string[];
  /** The files it holds at the end (none when it is gone). */
  readonly filesAfter: readonly string[];
}

export interface ReclaimOutcome {
  readonly volumeName: string;
  /** The volume's phase at the end; undefined when the volume object is gone. */
  readonly volumePhase?: string;
  readonly volumeMessage?: string;
  readonly claimGone: boolean;
  readonly storage: readonly StorageOutcome[];
}

export function reclaimOutcome(
  start: ClusterState,
  end: ClusterState,
  volumeName: string,
  claimKey: string,
): ReclaimOutcome {
  const before = start.objects.PersistentVolume[volumeName];
  const after = end.objects.PersistentVolume[volumeName];
  const storage = before
    ? assetsOfVolume(before, start.infra.assets).map((asset): StorageOutcome => {
        const remaining = end.infra.assets[asset.id];
        return {
          id: asset.id,
          name: describeAsset(asset.id),
          kept: remaining !== undefined,
          filesBefore: Object.keys(asset.files).sort(),
          filesAfter: Object.keys(remaining?.files ?? {}).sort(),
        };
      })
    : [];
  return {
    volumeName,
    ...(after ? { volumePhase: after.status?.phase ?? 'Pending' } : {}),
    ...(after?.status?.message ? { volumeMessage: after.status.message } : {}),
    claimGone: end.objects.PersistentVolumeClaim[claimKey] === undefined,
    storage,
  };
}

function files(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

/** The outcome as short sentences, volume first. */
export function outcomeSentences(outcome: ReclaimOutcome): string[] {
  const sentences = [
    outcome.volumePhase === undefined
      ? `Volume ${outcome.volumeName} is deleted.`
      : `Volume ${outcome.volumeName} stays: ${outcome.volumePhase}${outcome.volumeMessage ? ` (${outcome.volumeMessage})` : ''}.`,
  ];
  if (!outcome.claimGone) sentences.push('The claim still exists.');
  if (outcome.storage.length === 0)
    sentences.push('No storage was behind it yet (a directory is made when a pod first mounts the volume).');
  for (const item of outcome.storage) {
    sentences.push(
      item.kept
        ? `The ${item.name} remains, with ${files(item.filesAfter.length)} on it${item.filesAfter.length > 0 ? ` (${item.filesAfter.join(', ')})` : ''}.`
        : `The ${item.name} is deleted${item.filesBefore.length > 0 ? `: its ${files(item.filesBefore.length)} ${item.filesBefore.length === 1 ? 'is' : 'are'} gone for good` : ''}.`,
    );
  }
  return sentences;
}
