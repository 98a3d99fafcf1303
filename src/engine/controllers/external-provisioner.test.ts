import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { PersistentVolume } from '../model/types';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  FINALIZER_EXTERNAL_PROVISIONER,
  FINALIZER_PV_PROTECTION,
  LABEL_HOSTNAME,
  LABEL_ZONE,
} from '../model/well-known';
import type { ClaimOptions, ClassOptions } from './test-support';
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
  pvc,
  remove,
  settle,
  storageClass,
  volume,
} from './test-support';

const PVC = (name: string) => ({ kind: 'PersistentVolumeClaim' as const, namespace: 'default', name });

/** A cluster with class "fast" of the given provisioner and one claim "data" of that class, settled. */
function provisioned(
  provisioner: string,
  claimOptions: ClaimOptions = {},
  classOptions: ClassOptions = {},
  cluster: Cluster = newCluster(),
): Cluster {
  applyAndSettle(cluster, storageClass('fast', provisioner, classOptions));
  applyAndSettle(cluster, pvc('data', { storageClassName: 'fast', ...claimOptions }));
  return cluster;
}

function provisionedVolume(cluster: Cluster): PersistentVolume | undefined {
  const uid = claim(cluster.state, 'data')?.metadata?.uid ?? '';
  return volume(cluster.state, `pvc-${uid}`);
}

describe('external-provisioner: what the provisioned volume looks like (R33, R34)', () => {
  it('R33: ebs capacity is rounded up to whole GiB, on the PV, the claim and the disk', () => {
    const cluster = provisioned('ebs.csi.aws.com', { request: '1500Mi' });
    const created = provisionedVolume(cluster);
    expect(created?.spec?.capacity?.['storage']).toBe('2Gi');
    expect(claim(cluster.state, 'data')?.status?.capacity?.['storage']).toBe('2Gi');
    const [disk] = assetIds(cluster.state, 'disk:ebs.csi.aws.com:');
    expect(cluster.state.infra.assets[disk ?? '']?.capacity).toBe('2Gi');
  });

  it('R33: a decimal request (1G) becomes the next whole GiB (1Gi) for ebs', () => {
    const cluster = provisioned('ebs.csi.aws.com', { request: '1G' });
    expect(provisionedVolume(cluster)?.spec?.capacity?.['storage']).toBe('1Gi');
  });

  it('R33: nfs does not round, it keeps the requested size', () => {
    const cluster = provisioned('nfs.csi.k8s.io', { request: '1500Mi' });
    expect(provisionedVolume(cluster)?.spec?.capacity?.['storage']).toBe('1500Mi');
  });

  it('R33: mount options and reclaim policy come from the class; Retain volumes carry no provisioner finalizer', () => {
    const cluster = provisioned(
      'nfs.csi.k8s.io',
      { accessModes: ['ReadWriteMany'] },
      { reclaimPolicy: 'Retain', mountOptions: ['nfsvers=4.1', 'hard'] },
    );
    const created = provisionedVolume(cluster);
    expect(created?.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(created?.spec?.mountOptions).toEqual(['nfsvers=4.1', 'hard']);
    expect(created?.spec?.accessModes).toEqual(['ReadWriteMany']);
    expect(created?.spec?.storageClassName).toBe('fast');
    expect(created?.spec?.csi?.driver).toBe('nfs.csi.k8s.io');
    expect(created?.metadata?.finalizers).toEqual([FINALIZER_PV_PROTECTION]);
  });

  it('R33: a Delete volume carries the external-provisioner finalizer and the provisioned-by annotation', () => {
    const cluster = provisioned('ebs.csi.aws.com');
    const created = provisionedVolume(cluster);
    expect(created?.spec?.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(created?.metadata?.finalizers).toEqual(
      expect.arrayContaining([FINALIZER_PV_PROTECTION, FINALIZER_EXTERNAL_PROVISIONER]),
    );
    expect(created?.metadata?.annotations?.[ANN_PROVISIONED_BY]).toBe('ebs.csi.aws.com');
    expect(created?.metadata?.annotations?.['volume.kubernetes.io/provisioner-deletion-secret-name']).toBe(
      '',
    );
    expect(created?.spec?.csi?.fsType).toBe('ext4');
  });

  it('R34: the PV gets no bound-by-controller; the claim gets bound-by-controller and bind-completed', () => {
    const cluster = provisioned('ebs.csi.aws.com');
    const created = provisionedVolume(cluster);
    const annotations = claim(cluster.state, 'data')?.metadata?.annotations ?? {};
    expect(created?.status?.phase).toBe('Bound');
    expect(created?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBeUndefined();
    expect(annotations[ANN_BOUND_BY_CONTROLLER]).toBe('yes');
    expect(annotations[ANN_BIND_COMPLETED]).toBe('yes');
    expect(annotations[ANN_STORAGE_PROVISIONER]).toBe('ebs.csi.aws.com');
  });

  it('R32/R33: provisioning events come from the driver in order, and the changes name the csi-provisioner', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('fast', 'ebs.csi.aws.com'));
    const changes = applyAndSettle(cluster, pvc('data', { storageClassName: 'fast' }));
    const events = changesWhere(changes, { action: 'event', kind: 'PersistentVolumeClaim' }).map(
      (change) => change.message.split(':')[0],
    );
    expect(events).toEqual(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
    const created = changesWhere(changes, { action: 'create', kind: 'PersistentVolume' });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actor: 'csi-provisioner', on: 'ebs.csi.aws.com', rule: 'R33' });
    expect(
      changesWhere(changes, { action: 'asset-create', actor: 'csi-provisioner', rule: 'R33' }),
    ).toHaveLength(1);
  });
});

describe('external-provisioner: refusals (R32)', () => {
  it('R32: a claim with a selector is refused with "claim Selector is not supported"', () => {
    const cluster = provisioned('ebs.csi.aws.com', { selector: { matchLabels: { tier: 'gold' } } });
    const pending = claim(cluster.state, 'data');
    expect(pending?.status?.phase).toBe('Pending');
    const failure = eventOf(cluster.state, pending, 'ProvisioningFailed');
    expect(failure?.type).toBe('Warning');
    expect(failure?.message).toContain('claim Selector is not supported');
    expect(failure?.source?.component).toBe('ebs.csi.aws.com_csi-provisioner');
    expect(Object.keys(cluster.state.objects.PersistentVolume)).toEqual([]);
    expect(assetIds(cluster.state)).toEqual([]);
  });

  it('R32: nfs.csi.k8s.io refuses Block volume mode', () => {
    const cluster = provisioned('nfs.csi.k8s.io', { volumeMode: 'Block' });
    const failure = eventOf(cluster.state, claim(cluster.state, 'data'), 'ProvisioningFailed');
    expect(failure?.message).toContain('does not support block volumes');
    expect(Object.keys(cluster.state.objects.PersistentVolume)).toEqual([]);
  });

  it('R32: ebs refuses an access mode it cannot serve (ReadWriteMany)', () => {
    const cluster = provisioned('ebs.csi.aws.com', { accessModes: ['ReadWriteMany'] });
    const failure = eventOf(cluster.state, claim(cluster.state, 'data'), 'ProvisioningFailed');
    expect(failure?.message).toContain('ReadWriteMany');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
  });

  it('R32: ebs accepts Block volume mode and copies it to the PV', () => {
    const cluster = provisioned('ebs.csi.aws.com', { volumeMode: 'Block' });
    expect(provisionedVolume(cluster)?.spec?.volumeMode).toBe('Block');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
  });
});

describe('external-provisioner: topology (R33, R52)', () => {
  const twoZones = () =>
    newCluster({
      nodes: [
        { name: 'node-a', zone: 'zone-a', labels: { [LABEL_HOSTNAME]: 'node-a' } },
        { name: 'node-b', zone: 'zone-b', labels: { [LABEL_HOSTNAME]: 'node-b' } },
      ],
    });

  it('R33/R52: a WaitForFirstConsumer ebs volume is created in the zone of the node the pod was scheduled to', () => {
    const cluster = provisioned(
      'ebs.csi.aws.com',
      {},
      { volumeBindingMode: 'WaitForFirstConsumer' },
      twoZones(),
    );
    expect(Object.keys(cluster.state.objects.PersistentVolume)).toEqual([]);
    applyAndSettle(
      cluster,
      pod('app', { volumes: [claimVolume('data')], nodeSelector: { [LABEL_HOSTNAME]: 'node-b' } }),
    );
    const bound = claim(cluster.state, 'data');
    expect(bound?.metadata?.annotations?.[ANN_SELECTED_NODE]).toBe('node-b');
    const created = provisionedVolume(cluster);
    expect(created?.spec?.nodeAffinity?.required?.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: LABEL_ZONE, operator: 'In', values: ['zone-b'] }] },
    ]);
    const [disk] = assetIds(cluster.state, 'disk:');
    expect(cluster.state.infra.assets[disk ?? '']?.zone).toBe('zone-b');
  });

  it('R31: a WaitForFirstConsumer claim without selected-node is not provisioned', () => {
    const cluster = provisioned('ebs.csi.aws.com', {}, { volumeBindingMode: 'WaitForFirstConsumer' });
    const waiting = claim(cluster.state, 'data');
    expect(waiting?.metadata?.annotations?.[ANN_STORAGE_PROVISIONER]).toBeUndefined();
    expect(eventReasons(cluster.state, waiting)).toEqual(['WaitForFirstConsumer']);
    expect(assetIds(cluster.state)).toEqual([]);
  });
});

describe('external-provisioner: local-path (node-local, not CSI)', () => {
  const localPathCluster = () =>
    newCluster({
      drivers: ['rancher.io/local-path'],
      nodes: [
        { name: 'node-a', zone: 'zone-a', labels: { [LABEL_HOSTNAME]: 'node-a' } },
        { name: 'node-b', zone: 'zone-a', labels: { [LABEL_HOSTNAME]: 'node-b' } },
      ],
    });

  it('provisions a hostPath directory on the selected node, pinned there by hostname', () => {
    const cluster = provisioned(
      'rancher.io/local-path',
      {},
      { volumeBindingMode: 'WaitForFirstConsumer' },
      localPathCluster(),
    );
    applyAndSettle(
      cluster,
      pod('app', { volumes: [claimVolume('data')], nodeSelector: { [LABEL_HOSTNAME]: 'node-b' } }),
    );
    const created = provisionedVolume(cluster);
    const name = created?.metadata?.name ?? '';
    const path = `/opt/local-path-provisioner/${name}_default_data`;
    expect(created?.spec?.hostPath?.path).toBe(path);
    expect(created?.spec?.nodeAffinity?.required?.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: LABEL_HOSTNAME, operator: 'In', values: ['node-b'] }] },
    ]);
    expect(created?.metadata?.finalizers).toEqual([FINALIZER_PV_PROTECTION]);
    expect(assetIds(cluster.state)).toEqual([`dir:node-b:${path}`]);
    expect(cluster.state.objects.Pod['default/app']?.status?.phase).toBe('Running');
    expect(cluster.write({ name: 'app' }, '/data/f.txt', 'local').ok).toBe(true);
  });

  it('deletes its directory and the PV when the claim goes (Delete)', () => {
    const cluster = provisioned(
      'rancher.io/local-path',
      {},
      { volumeBindingMode: 'WaitForFirstConsumer' },
      localPathCluster(),
    );
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    const name = provisionedVolume(cluster)?.metadata?.name ?? '';
    remove(cluster, { kind: 'Pod', namespace: 'default', name: 'app' });
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(volume(cluster.state, name)).toBeUndefined();
    expect(assetIds(cluster.state, 'dir:')).toEqual([]);
    expect(
      changesWhere(changes, { actor: 'csi-provisioner', action: 'asset-delete', rule: 'R38' }),
    ).toHaveLength(1);
  });

  it('with Immediate binding there is no node to provision on: ProvisioningFailed', () => {
    const cluster = provisioned('rancher.io/local-path', {}, {}, localPathCluster());
    const failure = eventOf(cluster.state, claim(cluster.state, 'data'), 'ProvisioningFailed');
    expect(failure?.message).toContain('no node was specified');
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Pending');
  });
});

describe('external-provisioner: CSI migration of in-tree classes', () => {
  it('a kubernetes.io/gce-pd class is provisioned by pd.csi.storage.gke.io', () => {
    const cluster = provisioned(
      'kubernetes.io/gce-pd',
      { request: '3G' },
      {},
      newCluster({ drivers: ['pd.csi.storage.gke.io'] }),
    );
    const bound = claim(cluster.state, 'data');
    expect(bound?.status?.phase).toBe('Bound');
    expect(bound?.metadata?.annotations?.[ANN_STORAGE_PROVISIONER]).toBe('pd.csi.storage.gke.io');
    const created = provisionedVolume(cluster);
    // sig-storage-lib writes the class's provisioner name, here the in-tree one.
    expect(created?.metadata?.annotations?.[ANN_PROVISIONED_BY]).toBe('kubernetes.io/gce-pd');
    expect(created?.metadata?.annotations?.['pv.kubernetes.io/migrated-to']).toBe('pd.csi.storage.gke.io');
    expect(created?.spec?.capacity?.['storage']).toBe('3Gi');
    const disks = assetIds(cluster.state, 'disk:pd.csi.storage.gke.io:');
    expect(disks).toHaveLength(1);
    expect(disks[0]).toContain('zones/zone-a/disks/');
  });

  it('the migrated volume is deleted by pd.csi.storage.gke.io with its disk when the claim goes', () => {
    const cluster = provisioned(
      'kubernetes.io/gce-pd',
      {},
      {},
      newCluster({ drivers: ['pd.csi.storage.gke.io'] }),
    );
    const name = provisionedVolume(cluster)?.metadata?.name ?? '';
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(volume(cluster.state, name)).toBeUndefined();
    expect(assetIds(cluster.state)).toEqual([]);
    expect(
      changesWhere(changes, { actor: 'csi-provisioner', action: 'asset-delete' }).map((change) => change.on),
    ).toEqual(['pd.csi.storage.gke.io']);
  });

  it('without the migrated driver installed the claim is handed off but never provisioned', () => {
    const cluster = provisioned('kubernetes.io/gce-pd');
    expect(claim(cluster.state, 'data')?.metadata?.annotations?.[ANN_STORAGE_PROVISIONER]).toBe(
      'pd.csi.storage.gke.io',
    );
    expect(eventReasons(cluster.state, claim(cluster.state, 'data'))).toEqual(['ExternalProvisioning']);
    expect(Object.keys(cluster.state.objects.PersistentVolume)).toEqual([]);
  });
});

describe('external-provisioner: deleting (R38, R42, R46)', () => {
  it('R38: a backend fault on delete emits VolumeFailedDelete, the PV stays Released, and deletion completes after the fault clears', () => {
    const cluster = provisioned('ebs.csi.aws.com');
    const name = provisionedVolume(cluster)?.metadata?.name ?? '';
    expect(cluster.fault({ driver: 'ebs.csi.aws.com' }, 'throttled').ok).toBe(true);
    remove(cluster, PVC('data'));
    settle(cluster);
    const released = volume(cluster.state, name);
    expect(released?.status?.phase).toBe('Released');
    expect(eventOf(cluster.state, released, 'VolumeFailedDelete')?.message).toContain('throttled');
    expect(assetIds(cluster.state, 'disk:')).toHaveLength(1);
    cluster.clearFault({ driver: 'ebs.csi.aws.com' });
    settle(cluster);
    expect(volume(cluster.state, name)).toBeUndefined();
    expect(assetIds(cluster.state, 'disk:')).toEqual([]);
  });

  it('R46: a Delete volume deleted while Bound keeps the provisioner finalizer, and its disk is deleted once the claim goes', () => {
    const cluster = provisioned('ebs.csi.aws.com');
    const name = provisionedVolume(cluster)?.metadata?.name ?? '';
    remove(cluster, { kind: 'PersistentVolume', name });
    settle(cluster);
    const terminating = volume(cluster.state, name);
    expect(terminating?.metadata?.deletionTimestamp).toBeDefined();
    expect(terminating?.metadata?.finalizers).toEqual(
      expect.arrayContaining([FINALIZER_PV_PROTECTION, FINALIZER_EXTERNAL_PROVISIONER]),
    );
    expect(assetIds(cluster.state, 'disk:')).toHaveLength(1);
    remove(cluster, PVC('data'));
    const changes = settle(cluster);
    expect(volume(cluster.state, name)).toBeUndefined();
    expect(assetIds(cluster.state, 'disk:')).toEqual([]);
    const diskGone = changes.findIndex((change) => change.action === 'asset-delete');
    const volumeGone = changes.findIndex(
      (change) => change.action === 'delete' && change.object?.name === name,
    );
    expect(diskGone).toBeGreaterThanOrEqual(0);
    expect(diskGone).toBeLessThan(volumeGone);
    expect(changesWhere(changes, { actor: 'csi-provisioner', rule: 'R46', name })).toHaveLength(1);
  });

  it('R42: switching a provisioned volume to Retain drops the provisioner finalizer and keeps the disk', () => {
    const cluster = provisioned('ebs.csi.aws.com');
    const name = provisionedVolume(cluster)?.metadata?.name ?? '';
    const changes = [...patchVolumePolicy(cluster, name, 'Retain'), ...settle(cluster)];
    expect(volume(cluster.state, name)?.metadata?.finalizers).toEqual([FINALIZER_PV_PROTECTION]);
    expect(changesWhere(changes, { actor: 'csi-provisioner', rule: 'R42', name })).toHaveLength(1);
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, name)?.status?.phase).toBe('Released');
    expect(assetIds(cluster.state, 'disk:')).toHaveLength(1);
  });

  it('R38: a static csi volume of an installed driver gets the finalizer while Bound with Delete, and is deleted with its backend', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'static' },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: '',
        csi: { driver: 'nfs.csi.k8s.io', volumeHandle: 'share-7' },
      },
    });
    expect(volume(cluster.state, 'static')?.metadata?.finalizers).toEqual([FINALIZER_PV_PROTECTION]);
    applyAndSettle(cluster, pvc('data', { accessModes: ['ReadWriteMany'] }));
    expect(volume(cluster.state, 'static')?.metadata?.finalizers).toContain(FINALIZER_EXTERNAL_PROVISIONER);
    remove(cluster, PVC('data'));
    settle(cluster);
    expect(volume(cluster.state, 'static')).toBeUndefined();
  });
});

function patchVolumePolicy(cluster: Cluster, name: string, policy: string) {
  return patch(
    cluster,
    { kind: 'PersistentVolume', name },
    { spec: { persistentVolumeReclaimPolicy: policy } },
  );
}
