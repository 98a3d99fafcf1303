import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_STORAGE_PROVISIONER,
  FINALIZER_EXTERNAL_PROVISIONER,
} from '../model/well-known';
import {
  apply,
  applyAndSettle,
  assetIds,
  changesWhere,
  claim,
  editObject,
  eventOf,
  eventReasons,
  newCluster,
  patch,
  pv,
  pvc,
  remove,
  settle,
  storageClass,
  volume,
} from './test-support';

const PV = (name: string) => ({ kind: 'PersistentVolume' as const, name });
const PVC = (name: string) => ({ kind: 'PersistentVolumeClaim' as const, namespace: 'default', name });

function uidOfClaim(cluster: Cluster, name: string): string {
  const uid = claim(cluster.state, name)?.metadata?.uid;
  if (!uid) throw new Error(`claim ${name} has no uid`);
  return uid;
}

/** A static volume bound to claim "data" by the controller. */
function boundPair(): Cluster {
  const cluster = newCluster();
  applyAndSettle(cluster, pv('pv-1', { capacity: '10Gi' }));
  applyAndSettle(cluster, pvc('data', { request: '5Gi' }));
  expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
  return cluster;
}

describe('pv-binder: what a bind writes (R26)', () => {
  it('R26: a controller bind sets claimRef with the uid, both annotations and the PV capacity on the claim', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { capacity: '10Gi', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }));
    const changes = applyAndSettle(cluster, pvc('data', { request: '5Gi' }));
    const boundVolume = volume(cluster.state, 'pv-1');
    const boundClaim = claim(cluster.state, 'data');
    expect(boundVolume?.status?.phase).toBe('Bound');
    expect(boundVolume?.spec?.claimRef).toMatchObject({
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      namespace: 'default',
      name: 'data',
      uid: uidOfClaim(cluster, 'data'),
    });
    expect(boundVolume?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBe('yes');
    expect(boundClaim?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBe('yes');
    expect(boundClaim?.metadata?.annotations?.[ANN_BIND_COMPLETED]).toBe('yes');
    expect(boundClaim?.status?.capacity?.['storage']).toBe('10Gi');
    expect(boundClaim?.status?.accessModes).toEqual(['ReadWriteOnce', 'ReadOnlyMany']);
    const binds = changesWhere(changes, { actor: 'persistentvolume-controller', rule: 'R26' });
    expect(binds.map((change) => change.object?.kind).sort()).toEqual([
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
  });

  it('R26: a claim that names its volume gets bind-completed but no bound-by-controller', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    applyAndSettle(cluster, pvc('data', { volumeName: 'pv-1' }));
    const annotations = claim(cluster.state, 'data')?.metadata?.annotations ?? {};
    expect(annotations[ANN_BIND_COMPLETED]).toBe('yes');
    expect(annotations[ANN_BOUND_BY_CONTROLLER]).toBeUndefined();
    expect(volume(cluster.state, 'pv-1')?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBe('yes');
  });

  it('R26/R59: status.capacity is written once at binding and not when the PV capacity is edited later', () => {
    const cluster = boundPair();
    patch(cluster, PV('pv-1'), { spec: { capacity: { storage: '50Gi' } } });
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('10Gi');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
  });
});

describe('pv-binder: pre-bound volumes (R21, R24)', () => {
  it('R21: a pre-bound volume wins over a smaller one and ignores class and selector', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('reserved', { capacity: '20Gi', storageClassName: 'gold', claimRef: { name: 'data' } }),
      pv('small', { capacity: '2Gi', labels: { app: 'x' } }),
    );
    expect(volume(cluster.state, 'reserved')?.status?.phase).toBe('Available');
    applyAndSettle(cluster, pvc('data', { selector: { matchLabels: { app: 'x' } } }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('reserved');
    // The claimRef was the user's, so the volume gets no bound-by-controller (R26).
    expect(
      volume(cluster.state, 'reserved')?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER],
    ).toBeUndefined();
    expect(volume(cluster.state, 'reserved')?.spec?.claimRef?.uid).toBe(uidOfClaim(cluster, 'data'));
    expect(volume(cluster.state, 'small')?.status?.phase).toBe('Available');
  });

  it('R21: a pre-bound volume that is too small is not bound; an ordinary match is used instead', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('reserved', { capacity: '1Gi', claimRef: { name: 'data' } }),
      pv('other', { capacity: '10Gi' }),
    );
    applyAndSettle(cluster, pvc('data', { request: '5Gi' }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('other');
    expect(volume(cluster.state, 'reserved')?.status?.phase).toBe('Available');
  });

  it('R21: a pre-bound volume in a later access-mode group loses to an ordinary match in an earlier group', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pv('reserved-rwx', {
        capacity: '10Gi',
        accessModes: ['ReadWriteOnce', 'ReadWriteMany'],
        claimRef: { name: 'data' },
      }),
      pv('plain-rwo', { capacity: '10Gi', accessModes: ['ReadWriteOnce'] }),
    );
    applyAndSettle(cluster, pvc('data', { accessModes: ['ReadWriteOnce'] }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('plain-rwo');
    const reserved = volume(cluster.state, 'reserved-rwx');
    expect(reserved?.status?.phase).toBe('Available');
    expect(reserved?.spec?.claimRef?.name).toBe('data');
    expect(reserved?.spec?.claimRef?.uid).toBeUndefined();
  });

  it('R24: a WaitForFirstConsumer claim binds a pre-bound volume without any pod', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      storageClass('local', 'kubernetes.io/no-provisioner', { volumeBindingMode: 'WaitForFirstConsumer' }),
      pv('reserved', { storageClassName: 'local', claimRef: { name: 'data' } }),
      pv('free', { capacity: '1Gi', storageClassName: 'local' }),
    );
    applyAndSettle(
      cluster,
      pvc('data', { storageClassName: 'local' }),
      pvc('waiting', { storageClassName: 'local' }),
    );
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('reserved');
    expect(claim(cluster.state, 'waiting')?.status?.phase).toBe('Pending');
    expect(eventReasons(cluster.state, claim(cluster.state, 'waiting'))).toContain('WaitForFirstConsumer');
    expect(volume(cluster.state, 'free')?.status?.phase).toBe('Available');
  });

  it('R25: a volume pre-bound with another volumeMode emits VolumeMismatch on both objects', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('reserved', { volumeMode: 'Block', claimRef: { name: 'data' } }));
    applyAndSettle(cluster, pvc('data'));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
    // The claim's uid is not yet on the PV's claimRef, so the claim simply finds no match.
    expect(volume(cluster.state, 'reserved')?.status?.phase).toBe('Available');
    patch(cluster, PV('reserved'), { spec: { claimRef: { uid: uidOfClaim(cluster, 'data') } } });
    settle(cluster);
    expect(eventReasons(cluster.state, volume(cluster.state, 'reserved'))).toContain('VolumeMismatch');
    expect(eventReasons(cluster.state, claim(cluster.state, 'data'))).toContain('VolumeMismatch');
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBeUndefined();
  });
});

describe('pv-binder: claims that name a volume (R25)', () => {
  it('R25: a class mismatch is reported as VolumeMismatch and the claim stays Pending', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { storageClassName: 'gold' }));
    applyAndSettle(cluster, pvc('data', { volumeName: 'pv-1' }));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, claim(cluster.state, 'data'), 'VolumeMismatch')?.message).toBe(
      'Cannot bind to requested volume "pv-1": storageClassName does not match',
    );
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Available');
  });

  it('R25: an access-mode mismatch is reported as VolumeMismatch', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { accessModes: ['ReadOnlyMany'] }));
    applyAndSettle(cluster, pvc('data', { volumeName: 'pv-1', accessModes: ['ReadWriteMany'] }));
    expect(eventOf(cluster.state, claim(cluster.state, 'data'), 'VolumeMismatch')?.message).toContain(
      'incompatible accessMode',
    );
  });

  it('R25: a named volume bound to another claim gives FailedBinding', () => {
    const cluster = boundPair();
    applyAndSettle(cluster, pvc('late', { volumeName: 'pv-1' }));
    const late = claim(cluster.state, 'late');
    expect(late?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, late, 'FailedBinding')?.message).toBe(
      'volume "pv-1" already bound to a different claim.',
    );
    expect(volume(cluster.state, 'pv-1')?.spec?.claimRef?.name).toBe('data');
  });

  it('R25: a missing named volume keeps the claim Pending without any event', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pvc('data', { volumeName: 'not-yet' }));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
    expect(eventReasons(cluster.state, claim(cluster.state, 'data'))).toEqual([]);
  });
});

describe('pv-binder: lost claims (R16)', () => {
  it('R16: a PV removed out from under its claim (finalizers patched away) makes the claim Lost with ClaimLost', () => {
    const cluster = boundPair();
    remove(cluster, PV('pv-1'));
    settle(cluster);
    // R45: a Bound volume stays Terminating.
    expect(volume(cluster.state, 'pv-1')?.metadata?.deletionTimestamp).toBeDefined();
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
    patch(cluster, PV('pv-1'), { metadata: { finalizers: null } });
    expect(volume(cluster.state, 'pv-1')).toBeUndefined();
    const changes = settle(cluster);
    const lost = claim(cluster.state, 'data');
    expect(lost?.status?.phase).toBe('Lost');
    expect(lost?.status?.capacity).toBeUndefined();
    expect(lost?.spec?.volumeName).toBe('pv-1');
    expect(eventOf(cluster.state, lost, 'ClaimLost')?.type).toBe('Warning');
    expect(
      changesWhere(changes, {
        actor: 'persistentvolume-controller',
        rule: 'R16',
        kind: 'PersistentVolumeClaim',
      }).length,
    ).toBeGreaterThan(0);
  });

  it('R16: a Lost claim is Bound again once a volume with that name and no claimRef appears', () => {
    const cluster = boundPair();
    remove(cluster, PV('pv-1'));
    patch(cluster, PV('pv-1'), { metadata: { finalizers: null } });
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Lost');
    applyAndSettle(cluster, pv('pv-1', { capacity: '10Gi' }));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Bound');
    expect(volume(cluster.state, 'pv-1')?.spec?.claimRef?.uid).toBe(uidOfClaim(cluster, 'data'));
  });

  it('R16: a bound claim whose volumeName is cleared is Lost with ClaimLost', () => {
    const cluster = boundPair();
    // The API refuses to clear volumeName (R11); a restored backup can still hold such a claim.
    editObject(cluster, 'PersistentVolumeClaim', { name: 'data' }, (object) => ({
      ...object,
      spec: { ...object.spec, volumeName: '' },
    }));
    settle(cluster);
    const lost = claim(cluster.state, 'data');
    expect(lost?.status?.phase).toBe('Lost');
    expect(eventOf(cluster.state, lost, 'ClaimLost')?.message).toContain('lost reference');
  });

  it('R16: a claim whose PV now points at another claim uid is Lost with ClaimMisbound; that other claim binds', () => {
    const cluster = boundPair();
    applyAndSettle(cluster, pvc('thief', { request: '5Gi' }));
    expect(claim(cluster.state, 'thief')?.status?.phase).toBe('Pending');
    patch(cluster, PV('pv-1'), {
      spec: { claimRef: { name: 'thief', uid: uidOfClaim(cluster, 'thief'), resourceVersion: null } },
    });
    settle(cluster);
    const misbound = claim(cluster.state, 'data');
    expect(misbound?.status?.phase).toBe('Lost');
    expect(eventReasons(cluster.state, misbound)).toContain('ClaimMisbound');
    expect(claim(cluster.state, 'thief')?.spec?.volumeName).toBe('pv-1');
    expect(claim(cluster.state, 'thief')?.status?.phase).toBe('Bound');
  });
});

describe('pv-binder: volumes whose claim bound elsewhere (R17, R35)', () => {
  it('R17: a controller-bound volume whose claim is bound to another volume becomes Available with no claimRef', () => {
    const cluster = boundPair();
    const uid = uidOfClaim(cluster, 'data');
    const stray = pv('stray', { capacity: '10Gi' });
    apply(cluster, {
      ...stray,
      metadata: { name: 'stray', annotations: { [ANN_BOUND_BY_CONTROLLER]: 'yes' } },
      spec: { ...stray.spec, claimRef: { namespace: 'default', name: 'data', uid } },
    });
    const changes = settle(cluster);
    const unbound = volume(cluster.state, 'stray');
    expect(unbound?.status?.phase).toBe('Available');
    expect(unbound?.spec?.claimRef).toBeUndefined();
    expect(unbound?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBeUndefined();
    expect(
      changesWhere(changes, { rule: 'R17', name: 'stray', actor: 'persistentvolume-controller' }),
    ).not.toEqual([]);
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('pv-1');
  });

  it('R17: a user pre-bound volume whose claim is bound elsewhere keeps the claimRef without uid', () => {
    const cluster = boundPair();
    const uid = uidOfClaim(cluster, 'data');
    const stray = pv('stray', { capacity: '10Gi' });
    applyAndSettle(cluster, {
      ...stray,
      spec: { ...stray.spec, claimRef: { namespace: 'default', name: 'data', uid } },
    });
    const kept = volume(cluster.state, 'stray');
    expect(kept?.status?.phase).toBe('Available');
    expect(kept?.spec?.claimRef?.name).toBe('data');
    expect(kept?.spec?.claimRef?.uid).toBeUndefined();
  });

  it('R35: a dynamically provisioned Delete volume whose claim bound another volume is Released and deleted', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      storageClass('fast', 'ebs.csi.aws.com'),
      pv('static', { storageClassName: 'fast' }),
    );
    // The static volume is reserved for someone else at first, so the claim gets provisioned for.
    patch(cluster, PV('static'), { spec: { claimRef: { namespace: 'default', name: 'somebody-else' } } });
    settle(cluster);
    apply(cluster, pvc('data', { storageClassName: 'fast' }));
    cluster.step(); // one round: handed to the provisioner and provisioned, not yet bound
    const provisionedName = `pvc-${uidOfClaim(cluster, 'data')}`;
    const provisioned = volume(cluster.state, provisionedName);
    expect(provisioned?.metadata?.annotations?.[ANN_PROVISIONED_BY]).toBe('ebs.csi.aws.com');
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBeUndefined();
    expect(assetIds(cluster.state, 'disk:ebs.csi.aws.com:')).toHaveLength(1);
    // The admin hands the static volume over and the claim names it before the bind completes.
    patch(cluster, PV('static'), { spec: { claimRef: null } });
    patch(cluster, PVC('data'), { spec: { volumeName: 'static' } });
    const changes = settle(cluster);
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('static');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
    expect(changesWhere(changes, { rule: 'R35', name: provisionedName })).toHaveLength(1);
    expect(
      changesWhere(changes, { actor: 'csi-provisioner', rule: 'R38', action: 'asset-delete' }),
    ).toHaveLength(1);
    expect(volume(cluster.state, provisionedName)).toBeUndefined();
    expect(assetIds(cluster.state, 'disk:')).toEqual([]);
  });
});

describe('pv-binder: phases and admin edits (R15, R17, R36)', () => {
  it('R17: removing only claimRef.uid from a Released volume makes it Available and reserved for that claim name', () => {
    const cluster = boundPair();
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Released');
    applyAndSettle(cluster, pvc('intruder', { request: '5Gi' }));
    expect(claim(cluster.state, 'intruder')?.status?.phase).toBe('Pending');
    patch(cluster, PV('pv-1'), { spec: { claimRef: { uid: null } } });
    settle(cluster);
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Available');
    expect(claim(cluster.state, 'intruder')?.status?.phase).toBe('Pending');
    applyAndSettle(cluster, pvc('data', { request: '5Gi' }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('pv-1');
  });

  it('R36: a claim recreated with the same name does not get its Released volume back', () => {
    const cluster = boundPair();
    remove(cluster, PVC('data'));
    settle(cluster);
    applyAndSettle(cluster, pvc('data', { request: '5Gi' }));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
    expect(volume(cluster.state, 'pv-1')?.status?.phase).toBe('Released');
    expect(eventReasons(cluster.state, claim(cluster.state, 'data'))).toContain('FailedBinding');
  });
});

describe('pv-binder: provisioning hand-off (R28, R29)', () => {
  it('R29: an unmatched claim of a CSI class gets both storage-provisioner annotations and ExternalProvisioning', () => {
    const cluster = newCluster({ drivers: ['nfs.csi.k8s.io'] });
    applyAndSettle(cluster, storageClass('other', 'example.com/not-running'));
    const changes = applyAndSettle(cluster, pvc('data', { storageClassName: 'other' }));
    const pending = claim(cluster.state, 'data');
    expect(pending?.status?.phase).toBe('Pending');
    expect(pending?.metadata?.annotations?.[ANN_STORAGE_PROVISIONER]).toBe('example.com/not-running');
    expect(pending?.metadata?.annotations?.['volume.beta.kubernetes.io/storage-provisioner']).toBe(
      'example.com/not-running',
    );
    expect(eventReasons(cluster.state, pending)).toEqual(['ExternalProvisioning']);
    expect(
      changesWhere(changes, { rule: 'R29', actor: 'persistentvolume-controller', action: 'update' }),
    ).toHaveLength(1);
  });

  it('R29: a claim waiting for a provisioner that is not running binds a matching volume created by hand', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('other', 'example.com/not-running'));
    applyAndSettle(cluster, pvc('data', { storageClassName: 'other', request: '3Gi' }));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
    applyAndSettle(cluster, pv('manual', { capacity: '4Gi', storageClassName: 'other' }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('manual');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
  });

  it('R28: an in-tree provisioner without a plugin fails with "no volume plugin matched name"', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('old', 'kubernetes.io/glusterfs'));
    applyAndSettle(cluster, pvc('data', { storageClassName: 'old' }));
    expect(eventOf(cluster.state, claim(cluster.state, 'data'), 'ProvisioningFailed')?.message).toBe(
      'no volume plugin matched name: kubernetes.io/glusterfs',
    );
  });

  it('R33: the external-provisioner finalizer appears only on volumes it owns', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('fast', 'ebs.csi.aws.com'));
    applyAndSettle(cluster, pvc('data', { storageClassName: 'fast' }));
    const name = claim(cluster.state, 'data')?.spec?.volumeName ?? '';
    expect(volume(cluster.state, name)?.metadata?.finalizers).toContain(FINALIZER_EXTERNAL_PROVISIONER);
    applyAndSettle(cluster, pv('static-nfs'));
    expect(volume(cluster.state, 'static-nfs')?.metadata?.finalizers).not.toContain(
      FINALIZER_EXTERNAL_PROVISIONER,
    );
  });
});
