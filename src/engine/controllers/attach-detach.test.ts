import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { VolumeAttachment } from '../model/types';
import type { NodeConfig } from '../sim/initial';
import { LABEL_HOSTNAME } from '../model/well-known';
import type { AccessMode } from '../model/access-modes';
import {
  applyAndSettle,
  changesWhere,
  claim,
  claimVolume,
  eventOf,
  eventReasons,
  newCluster,
  pod,
  podIn,
  pv,
  pvc,
  remove,
  settle,
  storageClass,
} from './test-support';

const NODES: readonly NodeConfig[] = [
  { name: 'node-a', zone: 'zone-a', labels: { [LABEL_HOSTNAME]: 'node-a' } },
  { name: 'node-b', zone: 'zone-a', labels: { [LABEL_HOSTNAME]: 'node-b' } },
];

const POD = (name: string) => ({ kind: 'Pod' as const, namespace: 'default', name });

function attachments(cluster: Cluster): VolumeAttachment[] {
  return Object.values(cluster.state.objects.VolumeAttachment);
}

function onNode(name: string, claimName: string, node: string) {
  return pod(name, { volumes: [claimVolume(claimName)], nodeSelector: { [LABEL_HOSTNAME]: node } });
}

/** A static ebs volume with the given access modes, bound to claim "disk". */
function staticDisk(cluster: Cluster, accessModes: readonly AccessMode[]): void {
  applyAndSettle(
    cluster,
    pv('disk-pv', { accessModes, source: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc' } } }),
  );
  applyAndSettle(cluster, pvc('disk', { accessModes }));
  expect(claim(cluster.state, 'disk')?.status?.phase).toBe('Bound');
}

describe('attach-detach: VolumeAttachments (R55)', () => {
  it('R55: a pod using an ebs volume gets a VolumeAttachment that the csi-attacher marks attached', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(cluster, storageClass('fast', 'ebs.csi.aws.com'));
    applyAndSettle(cluster, pvc('disk', { storageClassName: 'fast' }));
    const changes = applyAndSettle(cluster, onNode('app', 'disk', 'node-a'));
    const volumeName = claim(cluster.state, 'disk')?.spec?.volumeName;
    const [attachment, ...others] = attachments(cluster);
    expect(others).toEqual([]);
    expect(attachment?.spec).toEqual({
      attacher: 'ebs.csi.aws.com',
      nodeName: 'node-a',
      source: { persistentVolumeName: volumeName },
    });
    expect(attachment?.status?.attached).toBe(true);
    expect(attachment?.metadata?.name).toMatch(/^csi-[0-9a-f]{64}$/);
    expect(
      changesWhere(changes, { actor: 'attachdetach-controller', action: 'create', rule: 'R55' }),
    ).toHaveLength(1);
    expect(changesWhere(changes, { actor: 'csi-attacher', action: 'update', rule: 'R55' })).toHaveLength(1);
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });

  it('R55: the VolumeAttachment is deleted when the last pod on that node stops using the volume', () => {
    const cluster = newCluster({ nodes: NODES });
    staticDisk(cluster, ['ReadWriteOnce']);
    applyAndSettle(cluster, onNode('one', 'disk', 'node-a'), onNode('two', 'disk', 'node-a'));
    expect(attachments(cluster)).toHaveLength(1);
    remove(cluster, POD('one'));
    settle(cluster);
    expect(attachments(cluster)).toHaveLength(1);
    remove(cluster, POD('two'));
    const changes = settle(cluster);
    expect(attachments(cluster)).toEqual([]);
    expect(changesWhere(changes, { actor: 'attachdetach-controller', action: 'delete' })).toHaveLength(1);
  });

  it('R55: nfs volumes are never attached', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(cluster, storageClass('shared', 'nfs.csi.k8s.io'));
    applyAndSettle(cluster, pvc('share', { storageClassName: 'shared', accessModes: ['ReadWriteMany'] }));
    applyAndSettle(cluster, onNode('app', 'share', 'node-a'));
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
    expect(attachments(cluster)).toEqual([]);
  });

  it('R55: a backend fault leaves the attachment unattached with an error and the pod ContainerCreating', () => {
    const cluster = newCluster({ nodes: NODES });
    staticDisk(cluster, ['ReadWriteOnce']);
    cluster.fault({ driver: 'ebs.csi.aws.com' }, 'attach limit reached');
    applyAndSettle(cluster, onNode('app', 'disk', 'node-a'));
    const [attachment] = attachments(cluster);
    expect(attachment?.status?.attached).toBe(false);
    expect(attachment?.status?.attachError?.message).toContain('attach limit reached');
    const waiting = podIn(cluster.state, 'app');
    expect(waiting?.spec?.nodeName).toBe('node-a');
    expect(waiting?.status?.phase).toBe('Pending');
    expect(waiting?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    cluster.clearFault({ driver: 'ebs.csi.aws.com' });
    settle(cluster);
    expect(attachments(cluster)[0]?.status?.attached).toBe(true);
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });
});

describe('attach-detach: multi-attach (R55, R56)', () => {
  it('R55: an RWO disk used on node-a blocks node-b with Multi-Attach until the node-a pod goes', () => {
    const cluster = newCluster({ nodes: NODES });
    staticDisk(cluster, ['ReadWriteOnce']);
    applyAndSettle(cluster, onNode('on-a', 'disk', 'node-a'));
    const changes = applyAndSettle(cluster, onNode('on-b', 'disk', 'node-b'));
    const blocked = podIn(cluster.state, 'on-b');
    expect(blocked?.spec?.nodeName).toBe('node-b');
    expect(blocked?.status?.phase).toBe('Pending');
    const event = eventOf(cluster.state, blocked, 'FailedAttachVolume');
    expect(event?.type).toBe('Warning');
    expect(event?.message).toBe(
      'Multi-Attach error for volume "disk-pv" Volume is already used by pod(s) on-a',
    );
    expect(
      changesWhere(changes, { actor: 'attachdetach-controller', action: 'event', rule: 'R55' }),
    ).not.toEqual([]);
    expect(attachments(cluster).map((item) => item.spec.nodeName)).toEqual(['node-a']);

    remove(cluster, POD('on-a'));
    settle(cluster);
    expect(attachments(cluster).map((item) => item.spec.nodeName)).toEqual(['node-b']);
    expect(podIn(cluster.state, 'on-b')?.status?.phase).toBe('Running');
  });

  it('R55: ReadWriteOncePod is not multi-attachable either (the scheduler already keeps a second pod away)', () => {
    const cluster = newCluster({ nodes: NODES });
    staticDisk(cluster, ['ReadWriteOncePod']);
    applyAndSettle(cluster, onNode('on-a', 'disk', 'node-a'));
    applyAndSettle(cluster, onNode('on-b', 'disk', 'node-b'));
    expect(podIn(cluster.state, 'on-b')?.spec?.nodeName).toBeUndefined();
    expect(attachments(cluster)).toHaveLength(1);
  });

  it('R56: an attachable ReadWriteMany volume is attached to both nodes at once', () => {
    const cluster = newCluster({ nodes: NODES });
    staticDisk(cluster, ['ReadWriteMany']);
    applyAndSettle(cluster, onNode('on-a', 'disk', 'node-a'));
    applyAndSettle(cluster, onNode('on-b', 'disk', 'node-b'));
    expect(podIn(cluster.state, 'on-a')?.status?.phase).toBe('Running');
    expect(podIn(cluster.state, 'on-b')?.status?.phase).toBe('Running');
    expect(
      attachments(cluster)
        .map((item) => item.spec.nodeName)
        .sort(),
    ).toEqual(['node-a', 'node-b']);
    expect(eventReasons(cluster.state, podIn(cluster.state, 'on-b'))).not.toContain('FailedAttachVolume');
  });

  it('R56: ReadOnlyMany disks are multi-attachable too', () => {
    const cluster = newCluster({ nodes: NODES });
    staticDisk(cluster, ['ReadOnlyMany']);
    applyAndSettle(cluster, onNode('on-a', 'disk', 'node-a'), onNode('on-b', 'disk', 'node-b'));
    expect(attachments(cluster)).toHaveLength(2);
    expect(podIn(cluster.state, 'on-b')?.status?.phase).toBe('Running');
  });
});
