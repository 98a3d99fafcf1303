import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../model/types';
import { VolumeIndex } from './volume-index';
import { apply, applyAndSettle, claim, newCluster, pv, pvc, settle, volume } from './test-support';

/** Applies the objects to a fresh cluster, settles, and returns the cluster. */
function settledCluster(...objects: KubeObject[]): Cluster {
  const cluster = newCluster();
  applyAndSettle(cluster, ...objects);
  return cluster;
}

function boundVolumeOf(cluster: Cluster, claimName: string): string | undefined {
  return claim(cluster.state, claimName)?.spec?.volumeName;
}

describe('volume index: access-mode groups (R19)', () => {
  it('R19: the group with fewer modes wins even when a later group holds a smaller volume', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('big-rwo', { capacity: '20Gi', accessModes: ['ReadWriteOnce'] }),
      pv('small-many', { capacity: '5Gi', accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] }),
      pv('mid-two', { capacity: '8Gi', accessModes: ['ReadWriteOnce', 'ReadWriteMany'] }),
    );
    applyAndSettle(cluster, pvc('data', { request: '1Gi' }));
    expect(boundVolumeOf(cluster, 'data')).toBe('big-rwo');
    expect(volume(cluster.state, 'small-many')?.status?.phase).toBe('Available');
  });

  it('R19: a two-mode group is tried before a three-mode group when the claim needs both modes', () => {
    const cluster = settledCluster(
      pv('three', { capacity: '1Gi', accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] }),
      pv('two', { capacity: '50Gi', accessModes: ['ReadWriteMany', 'ReadWriteOnce'] }),
    );
    applyAndSettle(cluster, pvc('shared', { accessModes: ['ReadWriteMany', 'ReadWriteOnce'] }));
    expect(boundVolumeOf(cluster, 'shared')).toBe('two');
  });

  it('R19: groups that lack one of the requested modes are never candidates', () => {
    const cluster = settledCluster(
      pv('rwo-only', { capacity: '100Gi', accessModes: ['ReadWriteOnce'] }),
      pv('rox-only', { capacity: '100Gi', accessModes: ['ReadOnlyMany'] }),
    );
    applyAndSettle(cluster, pvc('both', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }));
    expect(claim(cluster.state, 'both')?.status?.phase).toBe('Pending');
    expect(boundVolumeOf(cluster, 'both')).toBeUndefined();
  });

  it('R19: the order of modes in the manifests does not matter for grouping', () => {
    const cluster = settledCluster(
      pv('reversed', { capacity: '10Gi', accessModes: ['ReadWriteMany', 'ReadOnlyMany'] }),
    );
    applyAndSettle(cluster, pvc('claim', { accessModes: ['ReadOnlyMany', 'ReadWriteMany'] }));
    expect(boundVolumeOf(cluster, 'claim')).toBe('reversed');
  });

  it('R19: equal-sized groups are tried in a fixed order, so the same story binds the same volume', () => {
    const story = () =>
      settledCluster(
        pv('rwo-rwx', { capacity: '5Gi', accessModes: ['ReadWriteOnce', 'ReadWriteMany'] }),
        pv('rwo-rox', { capacity: '9Gi', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }),
      );
    const first = story();
    applyAndSettle(first, pvc('data'));
    const second = story();
    applyAndSettle(second, pvc('data'));
    expect(boundVolumeOf(first, 'data')).toBeDefined();
    expect(boundVolumeOf(first, 'data')).toBe(boundVolumeOf(second, 'data'));
  });
});

describe('volume index: size inside a group (R20, R23)', () => {
  it('R23: the smallest volume of the group that is big enough wins', () => {
    const cluster = settledCluster(
      pv('pv-50', { capacity: '50Gi' }),
      pv('pv-3', { capacity: '3Gi' }),
      pv('pv-12', { capacity: '12Gi' }),
      pv('pv-5', { capacity: '5Gi' }),
    );
    applyAndSettle(cluster, pvc('data', { request: '4Gi' }));
    expect(boundVolumeOf(cluster, 'data')).toBe('pv-5');
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('5Gi');
  });

  it('R23: equal-sized volumes are tie-broken by creation order, identically on every run', () => {
    const run = () => {
      const cluster = newCluster();
      applyAndSettle(cluster, pv('zeta', { capacity: '5Gi' }));
      applyAndSettle(cluster, pv('alpha', { capacity: '5Gi' }));
      applyAndSettle(cluster, pvc('data'));
      return boundVolumeOf(cluster, 'data');
    };
    expect(run()).toBe('zeta');
    expect(run()).toBe('zeta');
  });

  it('R20: volumes of another class or volumeMode are skipped', () => {
    const cluster = settledCluster(
      pv('gold', { capacity: '2Gi', storageClassName: 'gold' }),
      pv('block', { capacity: '3Gi', volumeMode: 'Block' }),
      pv('plain', { capacity: '30Gi' }),
    );
    applyAndSettle(cluster, pvc('data'));
    expect(boundVolumeOf(cluster, 'data')).toBe('plain');
  });

  it('R22: static binding needs the same class name, not a StorageClass object', () => {
    const cluster = settledCluster(
      pv('manual-pv', { capacity: '5Gi', storageClassName: 'manual' }),
      pv('classless', { capacity: '2Gi' }),
    );
    applyAndSettle(cluster, pvc('data', { storageClassName: 'manual' }));
    expect(boundVolumeOf(cluster, 'data')).toBe('manual-pv');
    expect(cluster.state.objects.StorageClass).toEqual({});
  });

  it('R20: a volume being deleted is never matched', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('doomed', { capacity: '2Gi' }), pv('keeper', { capacity: '20Gi' }));
    // An Available volume loses its pv-protection finalizer at once; keep it with another finalizer.
    apply(cluster, {
      ...pv('doomed', { capacity: '2Gi' }),
      metadata: { name: 'doomed', finalizers: ['example.com/hold', 'kubernetes.io/pv-protection'] },
    });
    expect(cluster.delete({ kind: 'PersistentVolume', name: 'doomed' }).ok).toBe(true);
    settle(cluster);
    expect(volume(cluster.state, 'doomed')?.metadata?.deletionTimestamp).toBeDefined();
    applyAndSettle(cluster, pvc('data'));
    expect(boundVolumeOf(cluster, 'data')).toBe('keeper');
  });
});

describe('volume index: label selectors (R22)', () => {
  const labelled = () =>
    settledCluster(
      pv('gold-big', { capacity: '40Gi', labels: { tier: 'gold', zone: 'a' } }),
      pv('silver', { capacity: '10Gi', labels: { tier: 'silver' } }),
      pv('unlabelled', { capacity: '5Gi' }),
    );

  it('R22: matchExpressions In picks the matching volume even when smaller ones exist', () => {
    const cluster = labelled();
    applyAndSettle(
      cluster,
      pvc('data', { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }] } }),
    );
    expect(boundVolumeOf(cluster, 'data')).toBe('gold-big');
  });

  it('R22: matchExpressions NotIn also matches volumes without the label', () => {
    const cluster = labelled();
    applyAndSettle(
      cluster,
      pvc('data', {
        selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['gold'] }] },
      }),
    );
    expect(boundVolumeOf(cluster, 'data')).toBe('unlabelled');
  });

  it('R22: matchExpressions Exists and DoesNotExist test the key only', () => {
    const exists = labelled();
    applyAndSettle(
      exists,
      pvc('data', { selector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }),
    );
    expect(boundVolumeOf(exists, 'data')).toBe('silver');

    const absent = labelled();
    applyAndSettle(
      absent,
      pvc('data', { selector: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } }),
    );
    expect(boundVolumeOf(absent, 'data')).toBe('unlabelled');
  });

  it('R22: matchLabels and matchExpressions must both hold', () => {
    const cluster = labelled();
    applyAndSettle(
      cluster,
      pvc('data', {
        selector: {
          matchLabels: { tier: 'silver' },
          matchExpressions: [{ key: 'zone', operator: 'Exists' }],
        },
      }),
    );
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
  });
});

describe('volume index: many claims in one round', () => {
  it('a volume taken in a round is not given to a second claim of the same round', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-5', { capacity: '5Gi' }), pv('pv-10', { capacity: '10Gi' }));
    apply(cluster, pvc('first'), pvc('second'));
    cluster.step();
    const first = boundVolumeOf(cluster, 'first');
    const second = boundVolumeOf(cluster, 'second');
    expect([first, second].sort()).toEqual(['pv-10', 'pv-5']);
    expect(first).toBe('pv-5');
  });

  it('more claims than volumes: every volume is bound exactly once and the rest stay Pending', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('a', { capacity: '1Gi' }),
      pv('b', { capacity: '1Gi' }),
      pv('c', { capacity: '2Gi' }),
    );
    apply(cluster, ...['c1', 'c2', 'c3', 'c4', 'c5'].map((name) => pvc(name)));
    settle(cluster);
    const bound = ['c1', 'c2', 'c3', 'c4', 'c5'].map((name) => boundVolumeOf(cluster, name));
    const names = bound.filter((name): name is string => name !== undefined);
    expect(names.sort()).toEqual(['a', 'b', 'c']);
    expect(bound.filter((name) => name === undefined)).toHaveLength(2);
    for (const name of ['a', 'b', 'c']) {
      const claimRef = volume(cluster.state, name)?.spec?.claimRef;
      expect(boundVolumeOf(cluster, claimRef?.name ?? '')).toBe(name);
    }
  });

  it('claims of one round each get the smallest volume still free when they are matched', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('pv-2', { capacity: '2Gi' }),
      pv('pv-4', { capacity: '4Gi' }),
      pv('pv-8', { capacity: '8Gi' }),
    );
    apply(
      cluster,
      pvc('needs-3', { request: '3Gi' }),
      pvc('needs-1', { request: '1Gi' }),
      pvc('needs-2', { request: '2Gi' }),
    );
    cluster.step();
    expect(boundVolumeOf(cluster, 'needs-3')).toBe('pv-4');
    expect(boundVolumeOf(cluster, 'needs-1')).toBe('pv-2');
    expect(boundVolumeOf(cluster, 'needs-2')).toBe('pv-8');
  });
});

describe('VolumeIndex directly', () => {
  it('skips volumes that are not Available and reports pre-binding', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('free', { capacity: '5Gi' }),
      pv('reserved', { capacity: '9Gi', claimRef: { name: 'data' } }),
    );
    apply(cluster, pvc('data'), pvc('other'));
    const state = cluster.state;
    const index = new VolumeIndex(Object.values(state.objects.PersistentVolume));
    const data = claim(state, 'data');
    const other = claim(state, 'other');
    if (!data || !other) throw new Error('claims missing');
    expect(index.findBestMatch(data, false)).toMatchObject({ prebound: true });
    expect(index.findBestMatch(data, false)?.volume.metadata?.name).toBe('reserved');
    expect(index.findBestMatch(other, false)?.volume.metadata?.name).toBe('free');
    // R24: with delayed binding only the pre-bound volume is considered.
    expect(index.findBestMatch(other, true)).toBeUndefined();
    expect(index.findBestMatch(data, true)?.volume.metadata?.name).toBe('reserved');
    const free = volume(state, 'free');
    if (!free) throw new Error('volume missing');
    index.take(free);
    expect(index.findBestMatch(other, false)).toBeUndefined();
  });
});
