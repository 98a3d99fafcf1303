import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { PersistentVolume } from '../model/types';
import { ANN_STORAGE_RESIZER } from '../model/well-known';
import type { ClaimOptions } from './test-support';
import {
  applyAndSettle,
  assetIds,
  changesWhere,
  claim,
  claimVolume,
  eventOf,
  eventReasons,
  newCluster,
  patch,
  pod,
  pv,
  pvc,
  settle,
  storageClass,
  volume,
} from './test-support';

const PVC = (name: string) => ({ kind: 'PersistentVolumeClaim' as const, namespace: 'default', name });

/** Class "grow" of the provisioner (expansion allowed) and a bound claim "data" of it. */
function expandable(provisioner: string, options: ClaimOptions = {}): Cluster {
  const cluster = newCluster();
  applyAndSettle(cluster, storageClass('grow', provisioner, { allowVolumeExpansion: true }));
  applyAndSettle(cluster, pvc('data', { storageClassName: 'grow', request: '10Gi', ...options }));
  expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
  return cluster;
}

function boundVolume(cluster: Cluster): PersistentVolume | undefined {
  return volume(cluster.state, claim(cluster.state, 'data')?.spec?.volumeName ?? '');
}

function grow(cluster: Cluster, size: string) {
  return patch(cluster, PVC('data'), { spec: { resources: { requests: { storage: size } } } });
}

describe('expander: expansion without a node step (R58)', () => {
  it('R58: nfs expansion completes in the controller: capacity at once and VolumeResizeSuccessful', () => {
    const cluster = expandable('nfs.csi.k8s.io', { accessModes: ['ReadWriteMany'] });
    grow(cluster, '20Gi');
    const changes = settle(cluster);
    const grown = claim(cluster.state, 'data');
    expect(grown?.status?.capacity?.['storage']).toBe('20Gi');
    expect(grown?.status?.allocatedResources?.['storage']).toBe('20Gi');
    expect(grown?.status?.allocatedResourceStatuses).toBeUndefined();
    expect(grown?.status?.conditions ?? []).toEqual([]);
    expect(boundVolume(cluster)?.spec?.capacity?.['storage']).toBe('20Gi');
    expect(eventReasons(cluster.state, grown)).toEqual(
      expect.arrayContaining(['ExternalExpanding', 'Resizing', 'VolumeResizeSuccessful']),
    );
    expect(eventReasons(cluster.state, grown)).not.toContain('FileSystemResizeRequired');
    expect(eventOf(cluster.state, grown, 'ExternalExpanding')?.type).toBe('Warning');
    // R58: a csi volume never gets the storage-resizer annotation.
    expect(grown?.metadata?.annotations?.[ANN_STORAGE_RESIZER]).toBeUndefined();
    expect(
      changesWhere(changes, { actor: 'external-resizer', rule: 'R58', kind: 'PersistentVolume' }),
    ).toHaveLength(1);
    expect(changesWhere(changes, { actor: 'kubelet', rule: 'R58' })).toEqual([]);
  });

  it('R58: an ebs Block volume needs no file-system step either', () => {
    const cluster = expandable('ebs.csi.aws.com', { volumeMode: 'Block' });
    grow(cluster, '15Gi');
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('15Gi');
    expect(eventReasons(cluster.state, claim(cluster.state, 'data'))).toContain('VolumeResizeSuccessful');
  });

  it('R59: expansion keeps the files and grows the backing share', () => {
    const cluster = expandable('nfs.csi.k8s.io');
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(cluster.write({ name: 'app' }, '/data/f', 'kept').ok).toBe(true);
    grow(cluster, '12Gi');
    settle(cluster);
    const [share] = assetIds(cluster.state, 'nfs:');
    expect(cluster.state.infra.assets[share ?? '']?.capacity).toBe('12Gi');
    expect(cluster.state.infra.assets[share ?? '']?.files).toEqual({ f: 'kept' });
  });
});

describe('expander: backend failures (R58)', () => {
  it('R58: a driver fault gives VolumeResizeFailed and leaves every capacity unchanged; clearing it completes the resize', () => {
    const cluster = expandable('nfs.csi.k8s.io');
    cluster.fault({ driver: 'nfs.csi.k8s.io' }, 'quota exceeded');
    grow(cluster, '20Gi');
    settle(cluster);
    const stuck = claim(cluster.state, 'data');
    const failure = eventOf(cluster.state, stuck, 'VolumeResizeFailed');
    expect(failure?.type).toBe('Warning');
    expect(failure?.message).toContain('quota exceeded');
    expect(stuck?.status?.capacity?.['storage']).toBe('10Gi');
    expect(stuck?.status?.allocatedResources).toBeUndefined();
    expect(boundVolume(cluster)?.spec?.capacity?.['storage']).toBe('10Gi');
    const [share] = assetIds(cluster.state, 'nfs:');
    expect(cluster.state.infra.assets[share ?? '']?.capacity).toBe('10Gi');

    cluster.clearFault({ driver: 'nfs.csi.k8s.io' });
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('20Gi');
  });

  it('R12/R58: after a failed expansion the request may be lowered back above status.capacity, and nothing is resized', () => {
    const cluster = expandable('nfs.csi.k8s.io');
    cluster.fault({ driver: 'nfs.csi.k8s.io' }, 'quota exceeded');
    grow(cluster, '100Gi');
    settle(cluster);
    grow(cluster, '11Gi');
    cluster.clearFault({ driver: 'nfs.csi.k8s.io' });
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('11Gi');
    expect(boundVolume(cluster)?.spec?.capacity?.['storage']).toBe('11Gi');
  });

  it('R58: a volume no resizer serves (in-tree nfs) is handed off with ExternalExpanding and waits', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('grow', 'nfs.csi.k8s.io', { allowVolumeExpansion: true }));
    applyAndSettle(cluster, pv('static', { storageClassName: 'grow' }));
    applyAndSettle(cluster, pvc('data', { storageClassName: 'grow' }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('static');
    grow(cluster, '20Gi');
    settle(cluster);
    // expand_controller.go: no expandable plugin -> "waiting for an external controller", nothing else.
    expect(eventReasons(cluster.state, claim(cluster.state, 'data'))).toEqual(['ExternalExpanding']);
    expect(volume(cluster.state, 'static')?.spec?.capacity?.['storage']).toBe('10Gi');
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('10Gi');
  });
});

describe('expander: file-system resize on the node (R58)', () => {
  it('R58: ebs rounds the new size up to whole GiB and waits for a node with FileSystemResizePending', () => {
    const cluster = expandable('ebs.csi.aws.com');
    grow(cluster, '10500Mi');
    settle(cluster);
    const pending = claim(cluster.state, 'data');
    expect(boundVolume(cluster)?.spec?.capacity?.['storage']).toBe('11Gi');
    expect(pending?.status?.capacity?.['storage']).toBe('10Gi');
    expect(pending?.status?.allocatedResourceStatuses?.['storage']).toBe('NodeResizePending');
    expect(pending?.status?.conditions?.map((condition) => condition.type)).toEqual([
      'FileSystemResizePending',
    ]);
    expect(eventReasons(cluster.state, pending)).toContain('FileSystemResizeRequired');

    const changes = applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    const done = claim(cluster.state, 'data');
    expect(done?.status?.capacity?.['storage']).toBe('11Gi');
    expect(done?.status?.conditions).toBeUndefined();
    expect(done?.status?.allocatedResourceStatuses).toBeUndefined();
    expect(
      changesWhere(changes, {
        actor: 'kubelet',
        rule: 'R58',
        kind: 'PersistentVolumeClaim',
        action: 'update',
      }),
    ).toHaveLength(1);
  });

  it('R58: an in-tree ebs volume (migrated to CSI) gets the storage-resizer annotation', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('gp2', 'kubernetes.io/aws-ebs', { allowVolumeExpansion: true }));
    applyAndSettle(
      cluster,
      pv('legacy', {
        storageClassName: 'gp2',
        source: { awsElasticBlockStore: { volumeID: 'vol-0legacy', fsType: 'ext4' } },
      }),
    );
    applyAndSettle(cluster, pvc('data', { storageClassName: 'gp2' }));
    grow(cluster, '20Gi');
    const changes = settle(cluster);
    expect(claim(cluster.state, 'data')?.metadata?.annotations?.[ANN_STORAGE_RESIZER]).toBe(
      'ebs.csi.aws.com',
    );
    expect(volume(cluster.state, 'legacy')?.spec?.capacity?.['storage']).toBe('20Gi');
    expect(
      changesWhere(changes, {
        actor: 'volume-expand-controller',
        rule: 'R58',
        kind: 'PersistentVolumeClaim',
        action: 'update',
      }),
    ).toHaveLength(1);
  });
});
