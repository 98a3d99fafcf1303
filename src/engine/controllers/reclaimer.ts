/**
 * The PV controller's reclaim step (pv_controller.go reclaimVolume): what happens to a volume
 * whose claim is gone, by its reclaim policy in force at release time (R36-R42). CSI and other
 * external provisioners delete their own volumes (external-provisioner.ts); this handles Retain,
 * Recycle, and the in-tree deleters.
 */
import type { PersistentVolume, Pod } from '../model/types';
import { annotationOf, nameOf, uidOf } from '../model/object-helpers';
import { objectKey, refOf } from '../model/types';
import { ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY } from '../model/well-known';
import { assetsOfVolume, describeAsset, volumeBacking } from '../infra/assets';
import type { Reason, RuleId } from '../sim/changes';
import type { ClusterWriter } from '../sim/writer';
import { isPodTerminated, podsByClaim } from './lookups';

const SOURCE = { component: 'persistentvolume-controller' };
const HOST_PATH_DELETABLE = /\/tmp\/.+/;

function because(rule: RuleId, message: string): Reason {
  return { actor: 'persistentvolume-controller', rule, message };
}

/** True when the volume's claim no longer exists as the claim it was bound to. */
function claimIsGone(writer: ClusterWriter, volume: PersistentVolume): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref?.uid) return false;
  const claim = writer.get('PersistentVolumeClaim', objectKey(ref.namespace, ref.name ?? ''));
  return !claim || uidOf(claim) !== ref.uid;
}

export function runReclaimer(writer: ClusterWriter): void {
  const pods = podsByClaim(writer);
  for (const volume of writer.list('PersistentVolume')) {
    const phase = volume.status?.phase;
    if ((phase !== 'Released' && phase !== 'Failed') || !claimIsGone(writer, volume)) continue;
    const policy = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    if (policy === 'Retain') continue;
    if (policy === 'Recycle') recycleVolume(writer, volume, pods);
    else if (policy === 'Delete') deleteVolumeInTree(writer, volume);
    else {
      failVolume(
        writer,
        volume,
        'VolumeUnknownReclaimPolicy',
        'Volume has unrecognized PersistentVolumeReclaimPolicy',
        'R15',
      );
    }
  }
}

function failVolume(
  writer: ClusterWriter,
  volume: PersistentVolume,
  reason: string,
  message: string,
  rule: RuleId,
): void {
  writer.event(volume, 'Warning', reason, message, SOURCE, because(rule, ''));
  if (volume.status?.phase === 'Failed' && volume.status.message === message) return;
  writer.update(
    'PersistentVolume',
    { ...volume, status: { ...volume.status, phase: 'Failed', message } },
    because(rule, `volume ${nameOf(volume)} is Failed: ${message}`),
  );
}

/** R39-R41: scrub the files and offer the volume again. */
function recycleVolume(writer: ClusterWriter, volume: PersistentVolume, pods: Map<string, Pod[]>): void {
  const backing = volumeBacking(volume);
  const recyclable =
    (backing.kind === 'share' && volume.spec?.nfs) ||
    (backing.kind === 'node-directory' && backing.source === 'hostPath');
  if (!recyclable) {
    failVolume(writer, volume, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!', 'R41');
    return;
  }
  const ref = volume.spec?.claimRef;
  const users = (pods.get(objectKey(ref?.namespace, ref?.name ?? '')) ?? []).filter(
    (pod) => !isPodTerminated(pod),
  );
  if (users.length > 0) {
    const names = users.map((pod) => `${pod.metadata?.namespace}/${nameOf(pod)}`).join(',');
    writer.event(
      volume,
      'Normal',
      'VolumeFailedRecycle',
      `Volume is used by pods: ${names}`,
      SOURCE,
      because('R40', ''),
    );
    return;
  }
  const name = nameOf(volume);
  writer.event(
    volume,
    'Normal',
    'RecyclerPod',
    `Recycler pod: Successfully assigned default/recycler-for-${name}`,
    SOURCE,
    because('R39', ''),
  );
  for (const asset of assetsOfVolume(volume, writer.allAssets())) {
    if (Object.keys(asset.files).length === 0) continue;
    writer.putAsset(
      { ...asset, files: {} },
      {
        ...because(
          'R39',
          `the recycler pod ran "rm -rf" on ${describeAsset(asset.id)}: every file of volume ${name} is gone`,
        ),
        related: [refOf(volume)],
      },
      'data',
    );
  }
  writer.event(volume, 'Normal', 'VolumeRecycled', 'Volume recycled', SOURCE, because('R39', ''));
  const annotations = { ...volume.metadata?.annotations };
  let spec = volume.spec ?? {};
  let outcome: string;
  if (annotations[ANN_BOUND_BY_CONTROLLER] !== undefined) {
    const { claimRef: _claimRef, ...rest } = spec;
    spec = rest;
    delete annotations[ANN_BOUND_BY_CONTROLLER];
    outcome = 'Available to any matching claim';
  } else {
    const { uid: _uid, ...claimRef } = spec.claimRef ?? {};
    spec = { ...spec, claimRef };
    outcome = `Available, still reserved for ${claimRef.namespace}/${claimRef.name} because a user pre-bound it`;
  }
  const { annotations: _previous, ...metadataRest } = volume.metadata ?? {};
  const metadata = Object.keys(annotations).length === 0 ? metadataRest : { ...metadataRest, annotations };
  const { message: _message, ...status } = volume.status ?? {};
  writer.update(
    'PersistentVolume',
    { ...volume, metadata, spec, status: { ...status, phase: 'Available' } },
    because('R39', `recycled volume ${name}: its files were scrubbed and it is ${outcome}`),
  );
}

/** R38, in-tree deleters: hostPath under /tmp can be deleted; other in-tree sources cannot. */
function deleteVolumeInTree(writer: ClusterWriter, volume: PersistentVolume): void {
  const provisionedBy = annotationOf(volume, ANN_PROVISIONED_BY);
  const backing = volumeBacking(volume);
  // External provisioners (every CSI driver, local-path, unknown ones) delete their own volumes.
  if (provisionedBy !== undefined && !provisionedBy.startsWith('kubernetes.io/')) return;
  if (backing.kind === 'disk' || (backing.kind === 'share' && backing.driver)) return;
  const name = nameOf(volume);
  if (backing.kind === 'node-directory' && backing.source === 'hostPath') {
    if (!HOST_PATH_DELETABLE.test(backing.path)) {
      failVolume(
        writer,
        volume,
        'VolumeFailedDelete',
        `host_path deleter only supports /tmp/.+ but received provided ${backing.path}`,
        'R38',
      );
      return;
    }
    for (const asset of assetsOfVolume(volume, writer.allAssets())) {
      writer.removeAsset(asset.id, {
        ...because('R38', `deleted directory ${backing.path} of volume ${name} and its files`),
        related: [refOf(volume)],
      });
    }
    writer.delete(
      'PersistentVolume',
      name,
      because('R38', `deleted volume ${name}: its reclaim policy is Delete and its claim is gone`),
    );
    return;
  }
  const plugin = backing.kind === 'unsupported' ? backing.source : backing.kind === 'share' ? 'nfs' : 'local';
  failVolume(
    writer,
    volume,
    'VolumeFailedDelete',
    `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched (${plugin} volumes have no deleter)`,
    'R38',
  );
}
