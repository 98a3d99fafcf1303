import { describe, expect, it } from 'vitest';
import {
  applyAndSettle,
  assetIds,
  changesWhere,
  claim,
  claimVolume,
  configMap,
  getObject,
  namespace,
  newCluster,
  pod,
  podIn,
  pv,
  pvc,
  remove,
  settle,
  volume,
} from './test-support';

describe('namespace controller', () => {
  it('deleting a namespace deletes its pods and claims first, then the namespace itself', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, namespace('team'), pv('pv-1', { reclaimPolicy: 'Retain' }));
    applyAndSettle(cluster, pvc('data', { namespace: 'team' }), configMap('settings', { mode: 'x' }, 'team'));
    applyAndSettle(cluster, pod('app', { namespace: 'team', volumes: [claimVolume('data')] }));
    expect(podIn(cluster.state, 'app', 'team')?.status?.phase).toBe('Running');

    remove(cluster, { kind: 'Namespace', name: 'team' });
    expect(getObject(cluster.state, 'Namespace', 'team')?.metadata?.deletionTimestamp).toBeDefined();
    const changes = settle(cluster);

    expect(podIn(cluster.state, 'app', 'team')).toBeUndefined();
    expect(claim(cluster.state, 'data', 'team')).toBeUndefined();
    expect(getObject(cluster.state, 'ConfigMap', 'settings', 'team')).toBeUndefined();
    expect(getObject(cluster.state, 'Namespace', 'team')).toBeUndefined();
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Released');

    const deletions = changesWhere(changes, { actor: 'namespace-controller' });
    expect(deletions.map((change) => change.object?.kind)).toEqual(
      expect.arrayContaining(['Pod', 'PersistentVolumeClaim', 'ConfigMap', 'Namespace']),
    );
    // The namespace goes last: after the claim, which waited for the pod (R43).
    const order = changes.filter((change) => change.action === 'delete').map((change) => change.object?.kind);
    expect(order.indexOf('Namespace')).toBe(order.length - 1);
    expect(order.indexOf('Pod')).toBeLessThan(order.indexOf('PersistentVolumeClaim'));
  });

  it('a namespace being deleted accepts no new objects', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, namespace('team'));
    applyAndSettle(cluster, pod('app', { namespace: 'team' }));
    remove(cluster, { kind: 'Namespace', name: 'team' });
    settle(cluster);
    expect(getObject(cluster.state, 'Namespace', 'team')).toBeUndefined();
    const refused = cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: team}\n');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.kind).toBe('NotFound');
  });
});

describe('pod garbage collector', () => {
  it('a pod whose node is deleted is removed, and its emptyDir goes with it', () => {
    const cluster = newCluster({
      nodes: [
        { name: 'node-a', zone: 'zone-a' },
        { name: 'node-b', zone: 'zone-a' },
      ],
    });
    applyAndSettle(
      cluster,
      pod('orphan', { nodeName: 'node-b', volumes: [{ name: 'scratch', emptyDir: {} }] }),
      pod('survivor', { nodeName: 'node-a' }),
    );
    expect(podIn(cluster.state, 'orphan')?.status?.phase).toBe('Running');
    expect(assetIds(cluster.state, 'emptydir:')).toHaveLength(1);

    remove(cluster, { kind: 'Node', name: 'node-b' });
    const changes = settle(cluster);
    expect(podIn(cluster.state, 'orphan')).toBeUndefined();
    expect(podIn(cluster.state, 'survivor')?.status?.phase).toBe('Running');
    const collected = changesWhere(changes, { actor: 'pod-garbage-collector', kind: 'Pod' });
    expect(collected.map((change) => [change.action, change.object?.name])).toEqual([['delete', 'orphan']]);
    expect(assetIds(cluster.state, 'emptydir:')).toEqual([]);
  });

  it('a pod on a deleted node releases its claim: the claim can then be deleted', () => {
    const cluster = newCluster({
      nodes: [
        { name: 'node-a', zone: 'zone-a' },
        { name: 'node-b', zone: 'zone-a' },
      ],
    });
    applyAndSettle(cluster, pv('pv-1', { reclaimPolicy: 'Retain' }));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(cluster, pod('app', { nodeName: 'node-b', volumes: [claimVolume('data')] }));
    remove(cluster, { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' });
    settle(cluster);
    expect(claim(cluster.state, 'data')?.metadata?.deletionTimestamp).toBeDefined();
    remove(cluster, { kind: 'Node', name: 'node-b' });
    settle(cluster);
    expect(podIn(cluster.state, 'app')).toBeUndefined();
    expect(claim(cluster.state, 'data')).toBeUndefined();
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Released');
  });
});
