/**
 * The attach/detach controller and each driver's csi-attacher: attachable volumes (cloud disks)
 * get a VolumeAttachment for the node whose pods use them, and an RWO disk attached to one node
 * cannot be attached to another (Multi-Attach error, R55).
 */
import type { PersistentVolume, Pod, VolumeAttachment } from '../model/types';
import { allowsMultiNodeAttach } from '../model/access-modes';
import { nameOf, namespaceOf } from '../model/object-helpers';
import { objectKey, refOf } from '../model/types';
import { volumeBacking } from '../infra/assets';
import { hexDigest } from '../sim/ids';
import type { Reason } from '../sim/changes';
import type { ClusterWriter } from '../sim/writer';
import { claimNamesOfPod } from './lookups';

const SOURCE = { component: 'attachdetach-controller' };

function because(message: string, related?: Reason['related']): Reason {
  return { actor: 'attachdetach-controller', rule: 'R55', message, ...(related ? { related } : {}) };
}

export function attachmentName(driver: string, volumeName: string, node: string): string {
  return `csi-${hexDigest(`${volumeName}|${driver}|${node}`, 64)}`;
}

interface Desired {
  readonly volume: PersistentVolume;
  readonly driver: string;
  readonly node: string;
  readonly pods: Pod[];
}

/** The attachable PV behind each PVC volume of a scheduled pod. */
export function attachableVolumesOfPod(
  writer: ClusterWriter,
  pod: Pod,
): { volume: PersistentVolume; driver: string }[] {
  const result: { volume: PersistentVolume; driver: string }[] = [];
  for (const claimName of claimNamesOfPod(pod)) {
    const claim = writer.get('PersistentVolumeClaim', objectKey(namespaceOf(pod), claimName));
    const volume = claim?.spec?.volumeName
      ? writer.get('PersistentVolume', claim.spec.volumeName)
      : undefined;
    if (!volume || claim?.status?.phase !== 'Bound') continue;
    const backing = volumeBacking(volume);
    if (backing.kind === 'disk' && backing.attachable) result.push({ volume, driver: backing.driver });
  }
  return result;
}

export function runAttachDetach(writer: ClusterWriter): void {
  const desired = new Map<string, Desired>();
  for (const pod of writer.list('Pod')) {
    const node = pod.spec?.nodeName;
    if (!node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    for (const { volume, driver } of attachableVolumesOfPod(writer, pod)) {
      const name = attachmentName(driver, nameOf(volume), node);
      const entry = desired.get(name);
      if (entry) entry.pods.push(pod);
      else desired.set(name, { volume, driver, node, pods: [pod] });
    }
  }
  // Detach what no pod needs any more (kubelet has already unmounted: the pods are gone).
  for (const attachment of writer.list('VolumeAttachment')) {
    if (desired.has(nameOf(attachment))) continue;
    const volumeName = attachment.spec.source.persistentVolumeName ?? '';
    writer.remove(
      'VolumeAttachment',
      nameOf(attachment),
      because(
        `detached volume ${volumeName} from ${attachment.spec.nodeName}: no pod there uses it any more`,
        [{ kind: 'PersistentVolume', name: volumeName }],
      ),
    );
  }
  for (const [name, entry] of desired) {
    if (writer.get('VolumeAttachment', name)) continue;
    const volumeName = nameOf(entry.volume);
    const elsewhere = writer
      .list('VolumeAttachment')
      .filter(
        (attachment) =>
          attachment.spec.source.persistentVolumeName === volumeName &&
          attachment.spec.nodeName !== entry.node,
      );
    if (elsewhere.length > 0 && !allowsMultiNodeAttach(entry.volume.spec?.accessModes)) {
      const otherNodes = elsewhere.map((attachment) => attachment.spec.nodeName);
      const users = writer
        .list('Pod')
        .filter(
          (pod) =>
            pod.spec?.nodeName &&
            otherNodes.includes(pod.spec.nodeName) &&
            attachableVolumesOfPod(writer, pod).some((item) => nameOf(item.volume) === volumeName),
        )
        .map((pod) => nameOf(pod));
      for (const pod of entry.pods) {
        writer.event(
          pod,
          'Warning',
          'FailedAttachVolume',
          users.length > 0
            ? `Multi-Attach error for volume "${volumeName}" Volume is already used by pod(s) ${users.join(', ')}`
            : `Multi-Attach error for volume "${volumeName}" Volume is already exclusively attached to one node and can't be attached to another`,
          SOURCE,
          because(''),
        );
      }
      continue;
    }
    const attachment: VolumeAttachment = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'VolumeAttachment',
      metadata: { name },
      spec: { attacher: entry.driver, nodeName: entry.node, source: { persistentVolumeName: volumeName } },
      status: { attached: false },
    };
    writer.create(
      'VolumeAttachment',
      attachment,
      because(
        `volume ${volumeName} must be attached to ${entry.node}, where pod ${nameOf(entry.pods[0] ?? entry.volume)} runs`,
        [refOf(entry.volume), { kind: 'Node', name: entry.node }],
      ),
    );
  }
  runCsiAttachers(writer);
}

/** Each driver's external-attacher answers VolumeAttachments by attaching the disk. */
function runCsiAttachers(writer: ClusterWriter): void {
  for (const attachment of writer.list('VolumeAttachment')) {
    if (attachment.status?.attached) continue;
    const driver = attachment.spec.attacher;
    const volumeName = attachment.spec.source.persistentVolumeName ?? '';
    const reason: Reason = {
      actor: 'csi-attacher',
      on: driver,
      rule: 'R55',
      message: '',
      related: [{ kind: 'PersistentVolume', name: volumeName }],
    };
    const fault = writer.driverFault(driver);
    if (fault) {
      const message = `rpc error: code = Internal desc = ${fault}`;
      if (attachment.status?.attachError?.message === message) continue;
      writer.update(
        'VolumeAttachment',
        { ...attachment, status: { attached: false, attachError: { message, time: writer.now } } },
        { ...reason, message: `attaching ${volumeName} to ${attachment.spec.nodeName} failed: ${fault}` },
      );
      continue;
    }
    writer.update(
      'VolumeAttachment',
      { ...attachment, status: { attached: true, attachmentMetadata: { devicePath: '/dev/xvdba' } } },
      { ...reason, message: `attached disk of volume ${volumeName} to node ${attachment.spec.nodeName}` },
    );
  }
}
