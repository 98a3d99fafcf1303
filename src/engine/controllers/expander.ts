/**
 * Volume expansion (R57-R59): the expand controller hands CSI claims to the driver's
 * external-resizer, which grows the backend and the PV; drivers that need it finish with a
 * file-system resize by kubelet on a node where a pod mounts the volume.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../model/types';
import {
  claimRequest,
  nameOf,
  namespaceOf,
  uidOf,
  volumeCapacity,
  volumeModeOf,
} from '../model/object-helpers';
import { compareQuantities } from '../model/quantity';
import { refOf } from '../model/types';
import { ANN_STORAGE_RESIZER } from '../model/well-known';
import { driverSpec, sizeOnBackend } from '../infra/drivers';
import { assetsOfVolume, volumeBacking } from '../infra/assets';
import type { Reason, RuleId } from '../sim/changes';
import type { ClusterWriter } from '../sim/writer';
import { claimNamesOfPod } from './lookups';
import { isNodeReady } from './scheduler';

const RESIZE_PENDING_MESSAGE =
  'Waiting for user to (re-)start a pod to finish file system resize of volume on node.';

function expandReason(rule: RuleId, message: string): Reason {
  return { actor: 'volume-expand-controller', rule, message };
}

export function runExpansion(writer: ClusterWriter): void {
  for (const claim of writer.list('PersistentVolumeClaim')) {
    if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) continue;
    const volume = writer.get('PersistentVolume', claim.spec.volumeName);
    if (!volume) continue;
    if (needsControllerExpansion(claim, volume)) expandInController(writer, claim, volume);
  }
  finishOnNodes(writer);
}

function needsControllerExpansion(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  return compareQuantities(claimRequest(claim), volumeCapacity(volume)) > 0;
}

function expandInController(
  writer: ClusterWriter,
  claim: PersistentVolumeClaim,
  volume: PersistentVolume,
): void {
  const backing = volumeBacking(volume);
  const claimName = `${namespaceOf(claim)}/${nameOf(claim)}`;
  const driverName =
    backing.kind === 'disk' ? backing.driver : backing.kind === 'share' ? backing.driver : undefined;
  const driver = driverName ? driverSpec(driverName) : undefined;
  writer.event(
    claim,
    'Warning',
    'ExternalExpanding',
    'waiting for an external controller to expand this PVC',
    { component: 'volume_expand' },
    expandReason('R58', ''),
  );
  // Like the real expand controller: hand off and wait; without a resizer nothing else happens.
  if (!driverName || !driver || !writer.installedDrivers[driverName]) return;
  let current = claim;
  if (!volume.spec?.csi && current.metadata?.annotations?.[ANN_STORAGE_RESIZER] !== driverName) {
    current = writer.update(
      'PersistentVolumeClaim',
      {
        ...current,
        metadata: {
          ...current.metadata,
          annotations: { ...current.metadata?.annotations, [ANN_STORAGE_RESIZER]: driverName },
        },
      },
      expandReason(
        'R58',
        `claim ${claimName} uses an in-tree volume migrated to ${driverName}, so the expand controller names that resizer`,
      ),
    );
  }
  const resizer: Reason = { actor: 'external-resizer', on: driverName, rule: 'R58', message: '' };
  const source = { component: `external-resizer ${driverName}` };
  const volumeName = nameOf(volume);
  writer.event(
    current,
    'Normal',
    'Resizing',
    `External resizer is resizing volume ${volumeName}`,
    source,
    resizer,
  );
  const fault = writer.driverFault(driverName);
  if (!driver.canExpand || fault) {
    const why = fault
      ? `rpc error: code = Internal desc = ${fault}`
      : `rpc error: code = Unimplemented desc = ${driver.title} does not support volume expansion`;
    writer.event(
      current,
      'Warning',
      'VolumeResizeFailed',
      `resize volume "${volumeName}" by resizer "${driverName}" failed: ${why}`,
      source,
      resizer,
    );
    return;
  }
  const newSize = sizeOnBackend(driver, claimRequest(current));
  for (const asset of assetsOfVolume(volume, writer.allAssets())) {
    writer.putAsset(
      { ...asset, capacity: newSize },
      {
        ...resizer,
        message: `${driver.title} grew ${asset.handle ?? asset.path ?? asset.id} to ${newSize}; its files are untouched (R59)`,
        related: [refOf(volume)],
      },
      'update',
    );
  }
  writer.update(
    'PersistentVolume',
    { ...volume, spec: { ...volume.spec, capacity: { ...volume.spec?.capacity, storage: newSize } } },
    { ...resizer, message: `expanded volume ${volumeName} to ${newSize} for claim ${claimName}` },
  );
  const nodeStep = driver.nodeExpansion && volumeModeOf(volume) === 'Filesystem';
  const status = {
    ...current.status,
    allocatedResources: { ...current.status?.allocatedResources, storage: newSize },
  };
  if (nodeStep) {
    writer.update(
      'PersistentVolumeClaim',
      {
        ...current,
        status: {
          ...status,
          allocatedResourceStatuses: {
            ...current.status?.allocatedResourceStatuses,
            storage: 'NodeResizePending',
          },
          conditions: [
            ...(current.status?.conditions ?? []).filter(
              (condition) => condition.type !== 'FileSystemResizePending',
            ),
            {
              type: 'FileSystemResizePending',
              status: 'True',
              message: RESIZE_PENDING_MESSAGE,
              lastTransitionTime: writer.now,
            },
          ],
        },
      },
      {
        ...resizer,
        message: `the disk of claim ${claimName} is ${newSize}; the file system on it still needs resizing by kubelet, so status.capacity stays ${current.status?.capacity?.['storage'] ?? ''} for now`,
      },
    );
    writer.event(
      current,
      'Normal',
      'FileSystemResizeRequired',
      'Require file system resize of volume on node',
      source,
      resizer,
    );
    return;
  }
  const { allocatedResourceStatuses: _statuses, ...rest } = status;
  writer.update(
    'PersistentVolumeClaim',
    { ...current, status: { ...rest, capacity: { ...current.status?.capacity, storage: newSize } } },
    { ...resizer, message: `claim ${claimName} now has ${newSize}: no node step is needed for this volume` },
  );
  writer.event(current, 'Normal', 'VolumeResizeSuccessful', 'Resize volume succeeded', source, resizer);
}

/** Kubelet's NodeExpandVolume: where a running pod mounts a claim waiting for it, resize now. */
function finishOnNodes(writer: ClusterWriter): void {
  for (const claim of writer.list('PersistentVolumeClaim')) {
    if (claim.status?.allocatedResourceStatuses?.['storage'] !== 'NodeResizePending') continue;
    const volume = claim.spec?.volumeName ? writer.get('PersistentVolume', claim.spec.volumeName) : undefined;
    if (!volume) continue;
    const pod = writer.list('Pod').find((candidate) => {
      if (
        namespaceOf(candidate) !== namespaceOf(claim) ||
        !claimNamesOfPod(candidate).includes(nameOf(claim))
      )
        return false;
      const nodeName = candidate.spec?.nodeName;
      const node = nodeName ? writer.get('Node', nodeName) : undefined;
      return (
        node !== undefined &&
        isNodeReady(writer, node) &&
        writer.podRuntime(uidOf(candidate))?.started === true
      );
    });
    if (!pod) continue;
    const nodeName = pod.spec?.nodeName ?? '';
    const reason: Reason = { actor: 'kubelet', on: nodeName, rule: 'R58', message: '' };
    const newSize = volumeCapacity(volume);
    const { allocatedResourceStatuses: _statuses, conditions, ...status } = claim.status ?? {};
    const remaining = (conditions ?? []).filter((condition) => condition.type !== 'FileSystemResizePending');
    const updated = writer.update(
      'PersistentVolumeClaim',
      {
        ...claim,
        status: {
          ...status,
          capacity: { ...status.capacity, storage: newSize },
          ...(remaining.length ? { conditions: remaining } : {}),
        },
      },
      {
        ...reason,
        message: `kubelet on ${nodeName} resized the file system of volume ${nameOf(volume)}: claim ${namespaceOf(claim)}/${nameOf(claim)} now has ${newSize}`,
        related: [refOf(pod)],
      },
    );
    const message = `MountVolume.NodeExpandVolume succeeded for volume "${nameOf(volume)}" ${nodeName}`;
    writer.event(
      pod,
      'Normal',
      'FileSystemResizeSuccessful',
      message,
      { component: 'kubelet', host: nodeName },
      reason,
    );
    writer.event(
      updated,
      'Normal',
      'FileSystemResizeSuccessful',
      message,
      { component: 'kubelet', host: nodeName },
      reason,
    );
  }
}
