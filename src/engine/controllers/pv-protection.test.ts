import { describe, expect, it } from 'vitest';
import { FINALIZER_PV_PROTECTION } from '../model/well-known';
import {
  applyAndSettle,
  changesWhere,
  claim,
  claimVolume,
  newCluster,
  patch,
  pod,
  pv,
  pvc,
  remove,
  settle,
  volume,
} from './test-support';

const PV = (name: string) => ({ kind: 'PersistentVolume' as const, name });
const PVC = (name: string) => ({ kind: 'PersistentVolumeClaim' as const, namespace: 'default', name });
const POD = (name: string) => ({ kind: 'Pod' as const, namespace: 'default', name });

describe('pv-protection (R45)', () => {
  it('R45: a Bound volume being deleted stays Terminating and its claim stays usable', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { reclaimPolicy: 'Retain' }));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    remove(cluster, PV('pv-1'));
    settle(cluster);
    const terminating = volume(cluster.state, 'pv-1');
    expect(terminating?.metadata?.deletionTimestamp).toBeDefined();
    expect(terminating?.metadata?.finalizers).toEqual([FINALIZER_PV_PROTECTION]);
    expect(terminating?.status?.phase).toBe('Bound');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
    expect(cluster.write({ name: 'app' }, '/data/x', '1').ok).toBe(true);
  });

  it('R45: once its claim is gone the Terminating volume loses the finalizer and disappears; a Retain backend keeps its files', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { reclaimPolicy: 'Retain' }));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(cluster.write({ name: 'app' }, '/data/x', 'kept').ok).toBe(true);
    remove(cluster, PV('pv-1'));
    remove(cluster, POD('app'));
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(volume(cluster.state, 'pv-1')).toBeUndefined();
    const removal = changesWhere(changes, { actor: 'pv-protection-controller', rule: 'R45', name: 'pv-1' });
    expect(removal).toHaveLength(1);
    expect(removal[0]?.action).toBe('delete');
    expect(cluster.state.infra.assets['nfs:10.0.0.5:/exports/pv-1']?.files).toEqual({ x: 'kept' });
  });

  it('R45: an Available volume is removed at once when deleted', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    remove(cluster, PV('pv-1'));
    const changes = settle(cluster);
    expect(volume(cluster.state, 'pv-1')).toBeUndefined();
    expect(changesWhere(changes, { actor: 'pv-protection-controller', rule: 'R45' })).toHaveLength(1);
  });

  it('R45: a Failed volume is not Bound, so deleting it completes', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('pv-1', { reclaimPolicy: 'Delete', source: { hostPath: { path: '/mnt/keep' } } }),
    );
    applyAndSettle(cluster, pvc('data'));
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Failed');
    remove(cluster, PV('pv-1'));
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')).toBeUndefined();
  });

  it('R4: the controller puts back a pv-protection finalizer that a user removed from a live volume', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    patch(cluster, PV('pv-1'), { metadata: { finalizers: null } });
    expect(volume(cluster.state, 'pv-1')?.metadata?.finalizers).toBeUndefined();
    const changes = settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.metadata?.finalizers).toEqual([FINALIZER_PV_PROTECTION]);
    expect(changesWhere(changes, { actor: 'pv-protection-controller', rule: 'R4' })).toHaveLength(1);
  });
});
