/**
 * The invariant checks themselves: each must report a hand-made violation and accept the
 * legitimate states Kubernetes produces, or the property suite could pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { PersistentVolume, PersistentVolumeClaim } from '../model/types';
import type { ClusterState } from '../sim/state';
import {
  checkBindCompatibility,
  checkBindingAgreement,
  checkBoundVolumeAssets,
  checkNoSilentHandover,
  checkRetainedFiles,
} from './invariants';
import {
  emptyHistory,
  noteReconcileEnd,
  noteReconcileStart,
  noteUserOperation,
  noteWrite,
  reclaimRisk,
} from './model';

const VOLUME = `
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-0}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /mnt/data/a}
`;
const CLAIM = `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: claim-0}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources: {requests: {storage: 1Gi}}
`;
const POD = `
apiVersion: v1
kind: Pod
metadata: {name: pod-0}
spec:
  containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: claim-0}}]
`;

/** A cluster with claim-0 bound to pv-0 and the harness history that watched it happen. */
function boundCluster() {
  const cluster = new Cluster();
  const history = emptyHistory();
  for (const text of [VOLUME, CLAIM]) {
    const before = cluster.state;
    expect(cluster.apply(text).ok).toBe(true);
    noteUserOperation(history, before, cluster.state);
  }
  noteReconcileStart(history, cluster.state);
  expect(cluster.settle().converged).toBe(true);
  noteReconcileEnd(history, cluster.state);
  return { cluster, history };
}

function withVolume(state: ClusterState, volume: PersistentVolume): ClusterState {
  const name = volume.metadata?.name ?? '';
  return {
    ...state,
    objects: { ...state.objects, PersistentVolume: { ...state.objects.PersistentVolume, [name]: volume } },
  };
}

function withClaim(state: ClusterState, claim: PersistentVolumeClaim): ClusterState {
  const key = `${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`;
  return {
    ...state,
    objects: {
      ...state.objects,
      PersistentVolumeClaim: { ...state.objects.PersistentVolumeClaim, [key]: claim },
    },
  };
}

function volumeOf(state: ClusterState): PersistentVolume {
  const volume = state.objects.PersistentVolume['pv-0'];
  if (!volume) throw new Error('pv-0 missing');
  return volume;
}

function claimOf(state: ClusterState): PersistentVolumeClaim {
  const claim = state.objects.PersistentVolumeClaim['default/claim-0'];
  if (!claim) throw new Error('claim-0 missing');
  return claim;
}

describe('invariant checks', () => {
  it('accept a correctly bound pair', () => {
    const { cluster, history } = boundCluster();
    expect(checkBindingAgreement(cluster.state)).toEqual([]);
    expect(checkBindCompatibility(cluster.state, history)).toEqual([]);
    expect(checkNoSilentHandover(cluster.state, history)).toEqual([]);
    expect(history.pairs.size).toBe(1);
    expect([...history.pairs.values()][0]?.kind).toBe('checked');
  });

  it('report a bound claim whose volume points at another uid', () => {
    const { cluster } = boundCluster();
    const volume = volumeOf(cluster.state);
    const broken = withVolume(cluster.state, {
      ...volume,
      spec: { ...volume.spec, claimRef: { ...volume.spec?.claimRef, uid: 'someone-else' } },
    });
    expect(checkBindingAgreement(broken).join('\n')).toMatch(/claimRef/);
  });

  it('report a class mismatch the binder checked, and a status.capacity above the volume', () => {
    const { cluster, history } = boundCluster();
    const volume = volumeOf(cluster.state);
    const otherClass = withVolume(cluster.state, {
      ...volume,
      spec: { ...volume.spec, storageClassName: 'x' },
    });
    expect(checkBindCompatibility(otherClass, history).join('\n')).toMatch(/class "x"/);
    const claim = claimOf(cluster.state);
    const tooBig = withClaim(cluster.state, {
      ...claim,
      status: { ...claim.status, capacity: { storage: '50Gi' } },
    });
    expect(checkBindCompatibility(tooBig, history).join('\n')).toMatch(/more than its volume/);
  });

  it('exempt the class of a volume the user pre-bound to the claim (R21)', () => {
    const cluster = new Cluster();
    const history = emptyHistory();
    const prebound = VOLUME.replace('storageClassName: ""', 'storageClassName: other').concat(
      '  claimRef: {namespace: default, name: claim-0}\n',
    );
    for (const text of [prebound, CLAIM]) {
      const before = cluster.state;
      expect(cluster.apply(text).ok).toBe(true);
      noteUserOperation(history, before, cluster.state);
    }
    cluster.settle();
    noteReconcileEnd(history, cluster.state);
    expect(claimOf(cluster.state).status?.phase).toBe('Bound');
    expect([...history.pairs.values()][0]?.kind).toBe('prebound');
    expect(checkBindCompatibility(cluster.state, history)).toEqual([]);
  });

  it('report a tracked file that disappeared, and forget it once a reclaim could touch it', () => {
    const { cluster, history } = boundCluster();
    expect(cluster.apply(POD).ok).toBe(true);
    cluster.settle();
    noteReconcileEnd(history, cluster.state);
    expect(cluster.write({ name: 'pod-0' }, '/data/keep.txt', 'precious').ok).toBe(true);
    const podUid = cluster.state.objects.Pod['default/pod-0']?.metadata?.uid ?? '';
    expect(
      noteWrite(history, cluster.state, { uid: podUid, volume: 'data' }, 'keep.txt', 'precious'),
    ).toEqual([]);
    const assetId = 'dir:node-1:/mnt/data/a';
    expect(history.files.get(`${assetId}\nkeep.txt`)?.backend).toBe('dir:/mnt/data/a');
    expect(checkRetainedFiles(cluster.state, history)).toEqual([]);
    const asset = cluster.state.infra.assets[assetId];
    if (!asset) throw new Error('asset missing');
    const scrubbed: ClusterState = {
      ...cluster.state,
      infra: {
        ...cluster.state.infra,
        assets: { ...cluster.state.infra.assets, [assetId]: { ...asset, files: {} } },
      },
    };
    expect(checkRetainedFiles(scrubbed, history).join('\n')).toMatch(/keep\.txt/);
    // A bound Retain volume is no risk; the same volume Released with policy Recycle is.
    expect(reclaimRisk(cluster.state).scrub.size).toBe(0);
    const volume = volumeOf(cluster.state);
    const released = withVolume(cluster.state, {
      ...volume,
      spec: {
        ...volume.spec,
        persistentVolumeReclaimPolicy: 'Recycle',
        claimRef: { ...volume.spec?.claimRef, uid: 'gone' },
      },
    });
    expect([...reclaimRisk(released).scrub]).toEqual(['dir:/mnt/data/a']);
    expect([...reclaimRisk(released).destroy]).toEqual([]);
    noteReconcileStart(history, released);
    expect(checkRetainedFiles(scrubbed, history)).toEqual([]);
  });

  it('report a bound volume whose mounted asset vanished', () => {
    const { cluster, history } = boundCluster();
    expect(cluster.apply(POD).ok).toBe(true);
    cluster.settle();
    noteReconcileEnd(history, cluster.state);
    expect(checkBoundVolumeAssets(cluster.state, history)).toEqual([]);
    const { ['dir:node-1:/mnt/data/a']: _removed, ...assets } = cluster.state.infra.assets;
    const missing: ClusterState = { ...cluster.state, infra: { ...cluster.state.infra, assets } };
    expect(checkBoundVolumeAssets(missing, history).join('\n')).toMatch(/is gone/);
  });

  it('report a volume handed to a new claim that nobody freed (R36)', () => {
    const { cluster, history } = boundCluster();
    const claim = claimOf(cluster.state);
    const volume = volumeOf(cluster.state);
    // The same volume, now bound to a different claim object, with no user edit in between.
    const impostor: PersistentVolumeClaim = { ...claim, metadata: { ...claim.metadata, uid: 'new-claim' } };
    const rebound = withVolume(withClaim(cluster.state, impostor), {
      ...volume,
      spec: { ...volume.spec, claimRef: { ...volume.spec?.claimRef, uid: 'new-claim' } },
    });
    noteReconcileEnd(history, rebound);
    expect(checkNoSilentHandover(rebound, history).join('\n')).toMatch(/nobody freed it/);
  });
});
