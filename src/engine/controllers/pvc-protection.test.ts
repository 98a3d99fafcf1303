import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { FINALIZER_PVC_PROTECTION } from '../model/well-known';
import {
  apply,
  applyAndSettle,
  changesWhere,
  claim,
  claimVolume,
  editObject,
  eventOf,
  namespace,
  newCluster,
  patch,
  pod,
  podIn,
  pv,
  pvc,
  remove,
  settle,
  volume,
} from './test-support';

const PVC = (name: string, ns = 'default') => ({
  kind: 'PersistentVolumeClaim' as const,
  namespace: ns,
  name,
});
const POD = (name: string, ns = 'default') => ({ kind: 'Pod' as const, namespace: ns, name });

/** A bound claim "data" (on volume pv-1) and nothing else. */
function boundClaim(): Cluster {
  const cluster = newCluster();
  applyAndSettle(cluster, pv('pv-1', { reclaimPolicy: 'Retain' }));
  applyAndSettle(cluster, pvc('data'));
  expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
  return cluster;
}

describe('pvc-protection (R43, R44)', () => {
  it('R43: a pod that is not scheduled does not hold the claim; the deletion completes at once', () => {
    const cluster = boundClaim();
    applyAndSettle(cluster, pod('stuck', { volumes: [claimVolume('data')], nodeSelector: { disk: 'none' } }));
    expect(podIn(cluster.state, 'stuck')?.spec?.nodeName).toBeUndefined();
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(claim(cluster.state, 'data')).toBeUndefined();
    expect(changesWhere(changes, { actor: 'pvc-protection-controller', rule: 'R43' })).toHaveLength(1);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Released');
  });

  it('R43: a Succeeded pod that still exists keeps the claim Terminating until the pod is deleted', () => {
    const cluster = boundClaim();
    applyAndSettle(cluster, pod('job', { volumes: [claimVolume('data')] }));
    editObject(cluster, 'Pod', { name: 'job' }, (object) => ({
      ...object,
      status: { ...object.status, phase: 'Succeeded' },
    }));
    remove(cluster, PVC('data'));
    settle(cluster);
    const terminating = claim(cluster.state, 'data');
    expect(terminating?.metadata?.deletionTimestamp).toBeDefined();
    expect(terminating?.metadata?.finalizers).toEqual([FINALIZER_PVC_PROTECTION]);
    expect(terminating?.status?.phase).toBe('Bound');
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Bound');

    remove(cluster, POD('job'));
    settle(cluster);
    expect(podIn(cluster.state, 'job')).toBeUndefined();
    expect(claim(cluster.state, 'data')).toBeUndefined();
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Released');
  });

  it('R43: a scheduled pod in another namespace using a claim of the same name does not hold this claim', () => {
    const cluster = boundClaim();
    applyAndSettle(cluster, namespace('team'));
    applyAndSettle(cluster, pv('pv-2'));
    applyAndSettle(cluster, pvc('data', { namespace: 'team' }));
    applyAndSettle(cluster, pod('user', { namespace: 'team', volumes: [claimVolume('data')] }));
    expect(podIn(cluster.state, 'user', 'team')?.status?.phase).toBe('Running');
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(claim(cluster.state, 'data')).toBeUndefined();
    expect(claim(cluster.state, 'data', 'team')?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('R44: a running pod keeps using its Terminating claim, and can still write to it', () => {
    const cluster = boundClaim();
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(claim(cluster.state, 'data')?.metadata?.deletionTimestamp).toBeDefined();
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
    expect(cluster.write({ name: 'app' }, '/data/still.txt', 'yes').ok).toBe(true);
  });

  it('R44: a pod placed directly on a node (spec.nodeName) holds the claim even while kubelet refuses to start it', () => {
    const cluster = boundClaim();
    applyAndSettle(cluster, pod('first', { volumes: [claimVolume('data')] }));
    remove(cluster, PVC('data'));
    settle(cluster);
    applyAndSettle(cluster, pod('late', { volumes: [claimVolume('data')], nodeName: 'node-1' }));
    const late = podIn(cluster.state, 'late');
    expect(late?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, late, 'FailedMount')?.message).toContain(
      'persistentvolumeclaim "data" is being deleted',
    );
    remove(cluster, POD('first'));
    settle(cluster);
    // "late" is scheduled (nodeName set), so it still blocks the finalizer.
    expect(claim(cluster.state, 'data')?.metadata?.deletionTimestamp).toBeDefined();
    remove(cluster, POD('late'));
    settle(cluster);
    expect(claim(cluster.state, 'data')).toBeUndefined();
  });

  it('R4: the controller puts back a pvc-protection finalizer that a user removed from a live claim', () => {
    const cluster = boundClaim();
    patch(cluster, PVC('data'), { metadata: { finalizers: null } });
    expect(claim(cluster.state, 'data')?.metadata?.finalizers).toBeUndefined();
    const changes = settle(cluster);
    expect(claim(cluster.state, 'data')?.metadata?.finalizers).toEqual([FINALIZER_PVC_PROTECTION]);
    expect(changesWhere(changes, { actor: 'pvc-protection-controller', rule: 'R4' })).toHaveLength(1);
  });

  it('R43: an unbound claim with no users is removed as soon as it is deleted', () => {
    const cluster = newCluster();
    apply(cluster, pvc('lonely'));
    remove(cluster, PVC('lonely'));
    settle(cluster);
    expect(claim(cluster.state, 'lonely')).toBeUndefined();
  });
});
