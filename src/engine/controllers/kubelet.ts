/**
 * Kubelet's volume manager on every Ready node: it mounts a scheduled pod's volumes (claims,
 * emptyDir, configMap, hostPath) and starts the pod once all are set up (R60-R65); it unmounts and
 * removes pods being deleted, and an emptyDir goes with its pod (R62).
 */
import type { Node, Pod, PodStatus, Volume } from 'kubernetes-types/core/v1';
import { isDeleting, nameOf, namespaceOf, uidOf } from '../model/object-helpers';
import type { ObjectRef } from '../model/types';
import { objectKey, refOf } from '../model/types';
import { LABEL_ZONE } from '../model/well-known';
import {
  assetForVolume,
  assetIdForVolume,
  emptyDirAssetId,
  nodeDirectoryAssetId,
  shareAssetId,
  volumeBacking,
} from '../infra/assets';
import { fnv1a32 } from '../sim/ids';
import type { Reason, RuleId } from '../sim/changes';
import type { Asset, PodMount, PodRuntime } from '../sim/state';
import type { ClusterWriter } from '../sim/writer';
import { attachmentName } from './attach-detach';
import { isNodeReady } from './scheduler';

function because(
  node: string,
  rule: RuleId | undefined,
  message: string,
  related?: Reason['related'],
): Reason {
  return { actor: 'kubelet', on: node, ...(rule ? { rule } : {}), message, ...(related ? { related } : {}) };
}

export function runKubelets(writer: ClusterWriter): void {
  for (const pod of writer.list('Pod')) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) continue;
    const node = writer.get('Node', nodeName);
    if (!node || !isNodeReady(writer, node)) continue;
    if (isDeleting(pod)) {
      stopPod(writer, pod, nodeName);
      continue;
    }
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const runtime = writer.podRuntime(uidOf(pod));
    if (runtime?.started) continue;
    startPod(writer, pod, node);
  }
}

function stopPod(writer: ClusterWriter, pod: Pod, nodeName: string): void {
  const podName = `${namespaceOf(pod)}/${nameOf(pod)}`;
  const runtime = writer.podRuntime(uidOf(pod));
  for (const [volumeName, mount] of Object.entries(runtime?.mounts ?? {})) {
    if (mount.assetId?.startsWith('emptydir:')) {
      writer.removeAsset(
        mount.assetId,
        because(
          nodeName,
          'R62',
          `emptyDir "${volumeName}" of pod ${podName} is deleted with the pod, files and all`,
          [refOf(pod)],
        ),
      );
    }
  }
  writer.removePodRuntime(uidOf(pod));
  writer.update(
    'Pod',
    { ...pod, metadata: { ...pod.metadata, deletionGracePeriodSeconds: 0 } },
    because(nodeName, undefined, `stopped pod ${podName} and unmounted its volumes; the pod object is gone`),
  );
}

/**
 * What setting up one pod volume on a node came to. A failure names the object it waits for
 * when that object does not exist (`missing`), or says the volume is not attached yet.
 */
export type MountOutcome =
  | { ok: true; mount: PodMount; asset?: Asset; note?: string }
  | { ok: false; message: string; rule: RuleId; unattached?: boolean; missing?: ObjectRef };

function startPod(writer: ClusterWriter, pod: Pod, node: Node): void {
  const nodeName = nameOf(node);
  const podName = `${namespaceOf(pod)}/${nameOf(pod)}`;
  const mounts: Record<string, PodMount> = {};
  const readOnlyByVolume = readOnlyMounts(pod);
  const assets: { asset: Asset; note: string }[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const outcome = mountVolume(writer, pod, node, volume, readOnlyByVolume.get(volume.name) ?? false);
    if (!outcome.ok) {
      const unattached = outcome.unattached ? `, unattached volumes=[${volume.name}]` : '';
      const message = outcome.message.startsWith('MountVolume')
        ? outcome.message
        : `Unable to attach or mount volumes: unmounted volumes=[${volume.name}]${unattached}: ${outcome.message}`;
      writer.event(
        pod,
        'Warning',
        outcome.unattached ? 'FailedMount' : 'FailedMount',
        message,
        { component: 'kubelet', host: nodeName },
        because(nodeName, outcome.rule, ''),
      );
      setContainerCreating(
        writer,
        pod,
        node,
        `waiting to mount volume "${volume.name}": ${outcome.message}`,
        outcome.rule,
      );
      return;
    }
    mounts[volume.name] = outcome.mount;
    if (outcome.asset) assets.push({ asset: outcome.asset, note: outcome.note ?? '' });
  }
  for (const { asset, note } of assets) {
    if (!writer.asset(asset.id)) writer.putAsset(asset, because(nodeName, undefined, note, [refOf(pod)]));
  }
  const previous = writer.podRuntime(uidOf(pod));
  const runtime: PodRuntime = {
    podUid: uidOf(pod),
    node: nodeName,
    mounts,
    containerFiles: previous?.containerFiles ?? {},
    started: true,
    restarts: previous?.restarts ?? 0,
  };
  writer.putPodRuntime(runtime);
  writer.update(
    'Pod',
    { ...pod, status: runningStatus(writer, pod, node, runtime.restarts) },
    because(nodeName, 'R60', `pod ${podName} is Running on ${nodeName}: ${describeMounts(pod)}`),
  );
  for (const container of pod.spec?.containers ?? []) {
    writer.event(
      pod,
      'Normal',
      'Started',
      `Started container ${container.name}`,
      { component: 'kubelet', host: nodeName },
      because(nodeName, 'R60', ''),
    );
  }
}

function describeMounts(pod: Pod): string {
  const volumes = pod.spec?.volumes ?? [];
  if (volumes.length === 0) return 'it has no volumes to mount';
  return `mounted ${volumes.map((volume) => `"${volume.name}"`).join(', ')}`;
}

function readOnlyMounts(pod: Pod): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (const container of pod.spec?.containers ?? []) {
    for (const mount of container.volumeMounts ?? []) {
      result.set(mount.name, (result.get(mount.name) ?? true) && mount.readOnly === true);
    }
  }
  return result;
}

/** Sets up one volume of a pod on its node, reading only: the caller stores what it returns. */
export function mountVolume(
  writer: ClusterWriter,
  pod: Pod,
  node: Node,
  volume: Volume,
  readOnlyMount: boolean,
): MountOutcome {
  const nodeName = nameOf(node);
  if (volume.persistentVolumeClaim) return mountClaim(writer, pod, node, volume, readOnlyMount);
  if (volume.emptyDir) {
    const id = emptyDirAssetId(uidOf(pod), volume.name);
    const sizeLimit = volume.emptyDir.sizeLimit;
    return {
      ok: true,
      mount: { assetId: id, readOnly: readOnlyMount },
      asset: {
        id,
        kind: 'empty-dir',
        node: nodeName,
        createdFor: nameOf(pod),
        files: {},
        ...(sizeLimit ? { capacity: sizeLimit } : {}),
      },
      note: `created an empty emptyDir "${volume.name}" for pod ${nameOf(pod)} on ${nodeName}`,
    };
  }
  if (volume.configMap) {
    const configMapName = volume.configMap.name ?? '';
    const configMap = writer.get('ConfigMap', objectKey(namespaceOf(pod), configMapName));
    if (!configMap) {
      if (volume.configMap.optional) return { ok: true, mount: { projected: {}, readOnly: true } };
      return {
        ok: false,
        rule: 'R63',
        missing: { kind: 'ConfigMap', namespace: namespaceOf(pod), name: configMapName },
        message: `MountVolume.SetUp failed for volume "${volume.name}" : configmap "${configMapName}" not found`,
      };
    }
    const data = { ...configMap.data };
    const projected: Record<string, string> = {};
    if (volume.configMap.items?.length) {
      for (const item of volume.configMap.items) {
        const value = data[item.key];
        if (value === undefined) {
          if (volume.configMap.optional) continue;
          return {
            ok: false,
            rule: 'R63',
            message: `MountVolume.SetUp failed for volume "${volume.name}" : configmap references non-existent config key: ${item.key}`,
          };
        }
        projected[item.path] = value;
      }
    } else {
      Object.assign(projected, data);
    }
    return { ok: true, mount: { projected, readOnly: true } };
  }
  if (volume.hostPath) {
    const path = volume.hostPath.path;
    const id = nodeDirectoryAssetId(nodeName, path);
    const exists = writer.asset(id) !== undefined;
    const type = volume.hostPath.type ?? '';
    if (
      !exists &&
      (type === 'Directory' ||
        type === 'File' ||
        type === 'Socket' ||
        type === 'CharDevice' ||
        type === 'BlockDevice' ||
        type === 'FileOrCreate')
    ) {
      if (type !== 'FileOrCreate') {
        return {
          ok: false,
          rule: 'R64',
          message: `MountVolume.SetUp failed for volume "${volume.name}" : hostPath type check failed: ${path} is not a directory`,
        };
      }
    }
    return {
      ok: true,
      mount: { assetId: id, readOnly: readOnlyMount },
      asset: { id, kind: 'node-directory', node: nodeName, path, files: {} },
      note: `created directory ${path} on ${nodeName} for hostPath volume "${volume.name}"`,
    };
  }
  if (volume.nfs) {
    const id = shareAssetId(volume.nfs.server, volume.nfs.path);
    return {
      ok: true,
      mount: { assetId: id, readOnly: readOnlyMount || volume.nfs.readOnly === true },
      asset: { id, kind: 'file-share', server: volume.nfs.server, path: volume.nfs.path, files: {} },
      note: `NFS export ${volume.nfs.server}:${volume.nfs.path} is mounted for the first time`,
    };
  }
  return {
    ok: false,
    rule: 'R60',
    message: `MountVolume.SetUp failed for volume "${volume.name}" : this volume type is not simulated`,
  };
}

function mountClaim(
  writer: ClusterWriter,
  pod: Pod,
  node: Node,
  volume: Volume,
  readOnlyMount: boolean,
): MountOutcome {
  const nodeName = nameOf(node);
  const claimName = volume.persistentVolumeClaim?.claimName ?? '';
  const claim = writer.get('PersistentVolumeClaim', objectKey(namespaceOf(pod), claimName));
  if (!claim) {
    return {
      ok: false,
      rule: 'R60',
      message: `persistentvolumeclaim "${claimName}" not found`,
      missing: { kind: 'PersistentVolumeClaim', namespace: namespaceOf(pod), name: claimName },
    };
  }
  if (isDeleting(claim))
    return { ok: false, rule: 'R44', message: `persistentvolumeclaim "${claimName}" is being deleted` };
  const volumeName = claim.spec?.volumeName;
  if (claim.status?.phase !== 'Bound' || !volumeName) {
    return {
      ok: false,
      rule: 'R60',
      message: `error processing PVC ${namespaceOf(pod)}/${claimName}: PVC is not bound`,
    };
  }
  const persistentVolume = writer.get('PersistentVolume', volumeName);
  if (!persistentVolume)
    return { ok: false, rule: 'R60', message: `persistentvolume "${volumeName}" not found` };
  const backing = volumeBacking(persistentVolume);
  if (backing.kind === 'unsupported') {
    return {
      ok: false,
      rule: 'R60',
      message: `MountVolume.SetUp failed for volume "${volumeName}" : ${backing.source} volumes are not simulated`,
    };
  }
  if (backing.kind === 'disk' && backing.attachable) {
    const attachment = writer.get('VolumeAttachment', attachmentName(backing.driver, volumeName, nodeName));
    if (!attachment?.status?.attached) {
      return { ok: false, rule: 'R55', unattached: true, message: 'timed out waiting for the condition' };
    }
  }
  const zone =
    persistentVolume.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find(
      (expression) => expression.key === LABEL_ZONE,
    )?.values?.[0] ?? node.metadata?.labels?.[LABEL_ZONE];
  const assetId = assetIdForVolume(persistentVolume, nodeName);
  const asset = assetForVolume(persistentVolume, nodeName, zone);
  // Access modes govern binding and attaching, not write protection once mounted: only the pod
  // (readOnly on the claim reference or on every mount of it) makes the mount read-only.
  const readOnly = readOnlyMount || volume.persistentVolumeClaim?.readOnly === true;
  return {
    ok: true,
    mount: { ...(assetId ? { assetId } : {}), readOnly, volumeName },
    ...(asset
      ? {
          asset,
          note: `${describeBacking(backing.kind, asset)} behind volume ${volumeName} is used for the first time`,
        }
      : {}),
  };
}

function describeBacking(kind: string, asset: Asset): string {
  if (kind === 'node-directory') return `directory ${asset.path ?? ''} on ${asset.node ?? ''}`;
  if (kind === 'share') return `NFS export ${asset.server ?? ''}:${asset.path ?? ''}`;
  return `disk ${asset.handle ?? ''}`;
}

function podIp(node: Node, pod: Pod, writer: ClusterWriter): string {
  const nodes = writer
    .list('Node')
    .map((item) => nameOf(item))
    .sort();
  return `10.244.${Math.max(0, nodes.indexOf(nameOf(node)))}.${(fnv1a32(uidOf(pod)) % 250) + 2}`;
}

function hostIp(node: Node, writer: ClusterWriter): string {
  const nodes = writer
    .list('Node')
    .map((item) => nameOf(item))
    .sort();
  return `192.168.49.${Math.max(0, nodes.indexOf(nameOf(node))) + 2}`;
}

function runningStatus(writer: ClusterWriter, pod: Pod, node: Node, restarts: number): PodStatus {
  const now = writer.now;
  return {
    ...pod.status,
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
      (type) => ({ type, status: 'True' }),
    ),
    hostIP: hostIp(node, writer),
    podIP: podIp(node, pod, writer),
    podIPs: [{ ip: podIp(node, pod, writer) }],
    startTime: pod.status?.startTime ?? now,
    containerStatuses: (pod.spec?.containers ?? []).map((container) => ({
      name: container.name,
      image: container.image ?? '',
      imageID: '',
      ready: true,
      started: true,
      restartCount: restarts,
      state: { running: { startedAt: now } },
    })),
  };
}

function setContainerCreating(writer: ClusterWriter, pod: Pod, node: Node, why: string, rule: RuleId): void {
  const status: PodStatus = {
    ...pod.status,
    phase: 'Pending',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'False' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady' },
      { type: 'PodScheduled', status: 'True' },
    ],
    hostIP: hostIp(node, writer),
    startTime: pod.status?.startTime ?? writer.now,
    containerStatuses: (pod.spec?.containers ?? []).map((container) => ({
      name: container.name,
      image: container.image ?? '',
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
    })),
  };
  writer.update(
    'Pod',
    { ...pod, status },
    because(
      nameOf(node),
      rule,
      `pod ${namespaceOf(pod)}/${nameOf(pod)} is ContainerCreating on ${nameOf(node)}, ${why}`,
    ),
  );
}
