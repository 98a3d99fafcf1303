import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { PersistentVolumeSpec } from '../model/types';
import {
  applyAndSettle,
  assetIds,
  changesWhere,
  claim,
  claimVolume,
  eventOf,
  eventReasons,
  newCluster,
  pod,
  pv,
  pvc,
  remove,
  requireLabel,
  settle,
  volume,
} from './test-support';

const PVC = (name: string) => ({ kind: 'PersistentVolumeClaim' as const, namespace: 'default', name });
const POD = (name: string) => ({ kind: 'Pod' as const, namespace: 'default', name });

/**
 * A volume with the given source and policy, bound to claim "data", with a file written into it by
 * a pod that has since been deleted. Returns the cluster with the claim still present.
 */
function usedVolume(
  reclaimPolicy: 'Retain' | 'Delete' | 'Recycle',
  source: Partial<PersistentVolumeSpec>,
): Cluster {
  const cluster = newCluster();
  applyAndSettle(cluster, pv('pv-1', { reclaimPolicy, source }));
  applyAndSettle(cluster, pvc('data'));
  applyAndSettle(cluster, pod('writer', { volumes: [claimVolume('data')] }));
  expect(cluster.write({ name: 'writer' }, '/data/file.txt', 'precious').ok).toBe(true);
  remove(cluster, POD('writer'));
  settle(cluster);
  return cluster;
}

describe('reclaimer: in-tree Delete (R38)', () => {
  it('R38: a hostPath volume outside /tmp cannot be deleted: Failed, VolumeFailedDelete, files kept', () => {
    const cluster = usedVolume('Delete', { hostPath: { path: '/mnt/data' } });
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    const failed = volume(cluster.state, 'pv-1');
    const message = 'host_path deleter only supports /tmp/.+ but received provided /mnt/data';
    expect(failed?.status?.phase).toBe('Failed');
    expect(failed?.status?.message).toBe(message);
    const event = eventOf(cluster.state, failed, 'VolumeFailedDelete');
    expect(event?.type).toBe('Warning');
    expect(event?.message).toBe(message);
    expect(cluster.state.infra.assets['dir:node-1:/mnt/data']?.files).toEqual({ 'file.txt': 'precious' });
    expect(
      changesWhere(changes, { actor: 'persistentvolume-controller', rule: 'R38', kind: 'PersistentVolume' }),
    ).not.toEqual([]);
  });

  it('R38: a hostPath volume under /tmp is deleted with its directory', () => {
    const cluster = usedVolume('Delete', { hostPath: { path: '/tmp/scratch' } });
    expect(assetIds(cluster.state, 'dir:')).toEqual(['dir:node-1:/tmp/scratch']);
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(volume(cluster.state, 'pv-1')).toBeUndefined();
    expect(assetIds(cluster.state, 'dir:')).toEqual([]);
    expect(
      changesWhere(changes, { actor: 'persistentvolume-controller', rule: 'R38', action: 'asset-delete' }),
    ).toHaveLength(1);
  });

  it('R38: the /tmp/.+ pattern is unanchored, so /var/tmp/x is deletable too', () => {
    const cluster = usedVolume('Delete', { hostPath: { path: '/var/tmp/x' } });
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')).toBeUndefined();
  });

  it('R38: an in-tree nfs volume has no deleter: Failed with VolumeFailedDelete', () => {
    const cluster = usedVolume('Delete', { nfs: { server: '10.0.0.5', path: '/exports/a' } });
    remove(cluster, PVC('data'));
    settle(cluster);
    const failed = volume(cluster.state, 'pv-1');
    expect(failed?.status?.phase).toBe('Failed');
    expect(failed?.status?.message).toContain('error getting deleter volume plugin');
    expect(eventReasons(cluster.state, failed)).toContain('VolumeFailedDelete');
    expect(cluster.state.infra.assets['nfs:10.0.0.5:/exports/a']?.files).toEqual({ 'file.txt': 'precious' });
  });
});

describe('reclaimer: Recycle (R39-R41)', () => {
  it('R40: recycling waits while a pod that is not scheduled still names the claim, then runs', () => {
    const cluster = usedVolume('Recycle', { nfs: { server: '10.0.0.5', path: '/exports/a' } });
    // A pod that cannot be scheduled does not hold the claim (R43), but it still names it.
    applyAndSettle(
      cluster,
      pod('stuck', { volumes: [claimVolume('data')], nodeSelector: { disk: 'none-has-this' } }),
    );
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(claim(cluster.state, 'data')).toBeUndefined();
    const released = volume(cluster.state, 'pv-1');
    expect(released?.status?.phase).toBe('Released');
    const postponed = eventOf(cluster.state, released, 'VolumeFailedRecycle');
    expect(postponed?.type).toBe('Normal');
    expect(postponed?.message).toBe('Volume is used by pods: default/stuck');
    expect(changesWhere(changes, { rule: 'R40', actor: 'persistentvolume-controller' })).not.toEqual([]);
    expect(cluster.state.infra.assets['nfs:10.0.0.5:/exports/a']?.files).toEqual({ 'file.txt': 'precious' });

    remove(cluster, POD('stuck'));
    settle(cluster);
    const recycled = volume(cluster.state, 'pv-1');
    expect(recycled?.status?.phase).toBe('Available');
    expect(recycled?.spec?.claimRef).toBeUndefined();
    expect(eventReasons(cluster.state, recycled)).toEqual(
      expect.arrayContaining(['RecyclerPod', 'VolumeRecycled']),
    );
    expect(cluster.state.infra.assets['nfs:10.0.0.5:/exports/a']?.files).toEqual({});
  });

  it('R40: a pod in another namespace with a claim of the same name does not postpone recycling', () => {
    const cluster = usedVolume('Recycle', { nfs: { server: '10.0.0.5', path: '/exports/a' } });
    applyAndSettle(cluster, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    applyAndSettle(
      cluster,
      pod('elsewhere', { namespace: 'other', volumes: [claimVolume('data')], nodeSelector: { x: 'y' } }),
    );
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Available');
  });

  it('R39: a hostPath volume is recycled: its files are scrubbed and it is Available again', () => {
    const cluster = usedVolume('Recycle', { hostPath: { path: '/mnt/recycle-me' } });
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Available');
    expect(cluster.state.infra.assets['dir:node-1:/mnt/recycle-me']?.files).toEqual({});
    expect(changesWhere(changes, { rule: 'R39', action: 'data' })).toHaveLength(1);
  });

  it('R41: Recycle on a csi volume fails: Failed with VolumeFailedRecycle', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('pv-1', {
        reclaimPolicy: 'Recycle',
        source: { csi: { driver: 'nfs.csi.k8s.io', volumeHandle: 'share-1' } },
      }),
    );
    applyAndSettle(cluster, pvc('data'));
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    const failed = volume(cluster.state, 'pv-1');
    expect(failed?.status?.phase).toBe('Failed');
    expect(failed?.status?.message).toBe('No recycler plugin found for the volume!');
    const event = eventOf(cluster.state, failed, 'VolumeFailedRecycle');
    expect(event?.type).toBe('Warning');
    expect(changesWhere(changes, { rule: 'R41', actor: 'persistentvolume-controller' })).not.toEqual([]);
  });

  it('R41: Recycle on a local volume fails too', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('pv-1', {
        reclaimPolicy: 'Recycle',
        source: { local: { path: '/mnt/disks/ssd1' } },
        nodeAffinity: requireLabel('topology.kubernetes.io/zone', 'zone-a'),
      }),
    );
    applyAndSettle(cluster, pvc('data'));
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Failed');
    expect(eventReasons(cluster.state, volume(cluster.state, 'pv-1'))).toContain('VolumeFailedRecycle');
  });
});

describe('reclaimer: Retain (R37)', () => {
  it('R37: a Retain volume stays Released with its claimRef and its files', () => {
    const cluster = usedVolume('Retain', { hostPath: { path: '/tmp/keep' } });
    const uid = claim(cluster.state, 'data')?.metadata?.uid;
    remove(cluster, PVC('data'));
    settle(cluster);
    const released = volume(cluster.state, 'pv-1');
    expect(released?.status?.phase).toBe('Released');
    expect(released?.spec?.claimRef?.uid).toBe(uid);
    expect(cluster.state.infra.assets['dir:node-1:/tmp/keep']?.files).toEqual({ 'file.txt': 'precious' });
    expect(eventReasons(cluster.state, released)).toEqual([]);
  });
});
