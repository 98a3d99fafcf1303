import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { objectKey } from '../model/types';
import { printGet } from './get';
import { resolveResource } from './resources';
import {
  DYNAMIC_CLAIM,
  FAST_DEFAULT_CLASS,
  POD_USING_DATA,
  STATIC_VOLUME_AND_CLAIM,
  applyAndSettle,
  headerOf,
  settledCluster,
  tableRows,
  textOf,
} from './test-support';

const HOUR = 3600;

describe('kubectl get pv', () => {
  it('prints the header and a static volume bound to its claim', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    // Both objects were created at clock 0: three hours and five minutes later...
    const state = { ...cluster.state, clock: 3 * HOUR + 5 * 60 };
    expect(textOf(printGet(state, 'pv'))).toBe(
      'NAME        CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pv-static   10Gi       RWO            Retain           Bound    default/data                  <unset>                          3h5m\n',
    );
  });

  it('lists access modes in kubectl order whatever the spec order', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: PersistentVolume
metadata: { name: shared }
spec:
  capacity: { storage: 1Gi }
  accessModes: [ReadWriteMany, ReadOnlyMany, ReadWriteOnce]
  nfs: { server: nfs.example.com, path: /exports/shared }
`);
    expect(tableRows(textOf(printGet(cluster.state, 'pv')))[0]).toMatchObject({
      NAME: 'shared',
      'ACCESS MODES': 'RWO,ROX,RWX',
      STATUS: 'Available',
      CLAIM: '',
    });
  });

  it('shows Terminating while protection holds a deleted, bound volume', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(cluster.delete({ kind: 'PersistentVolume', name: 'pv-static' }).ok).toBe(true);
    cluster.settle();
    expect(tableRows(textOf(printGet(cluster.state, 'pv')))[0]).toMatchObject({
      NAME: 'pv-static',
      STATUS: 'Terminating',
      CLAIM: 'default/data',
    });
  });

  it('adds VOLUMEMODE only with -o wide', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(headerOf(textOf(printGet(cluster.state, 'pv')))).not.toContain('VOLUMEMODE');
    const wide = textOf(printGet(cluster.state, 'pv', { wide: true }));
    expect(headerOf(wide)).toMatch(/ {3}AGE {3}VOLUMEMODE$/);
    expect(tableRows(wide)[0]).toMatchObject({ NAME: 'pv-static', VOLUMEMODE: 'Filesystem' });
  });

  it('has no NAMESPACE column with -A, volumes being cluster-scoped', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(headerOf(textOf(printGet(cluster.state, 'pv', { allNamespaces: true })))).toMatch(/^NAME /);
  });
});

describe('kubectl get pvc', () => {
  it('leaves CAPACITY and ACCESS MODES blank while the claim is Pending', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: lonely }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 5Gi } }
`);
    const text = textOf(printGet({ ...cluster.state, clock: 90 }, 'pvc'));
    expect(text).toBe(
      'NAME     STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'lonely   Pending                                                     <unset>                 90s\n',
    );
  });

  it('shows the bound volume and the capacity from status, not the request', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(tableRows(textOf(printGet(cluster.state, 'pvc')))).toEqual([
      {
        NAME: 'data',
        STATUS: 'Bound',
        VOLUME: 'pv-static',
        CAPACITY: '10Gi',
        'ACCESS MODES': 'RWO',
        STORAGECLASS: '',
        VOLUMEATTRIBUTESCLASS: '<unset>',
        AGE: `${cluster.state.clock}s`,
      },
    ]);
  });

  it('shows a dynamically provisioned claim bound to pvc-<uid> of its class', () => {
    const cluster = settledCluster(FAST_DEFAULT_CLASS + '---' + DYNAMIC_CLAIM);
    const claim = cluster.state.objects.PersistentVolumeClaim[objectKey('default', 'dyn')];
    const volumeName = `pvc-${claim?.metadata?.uid ?? ''}`;
    expect(tableRows(textOf(printGet(cluster.state, 'pvc')))[0]).toMatchObject({
      NAME: 'dyn',
      STATUS: 'Bound',
      VOLUME: volumeName,
      CAPACITY: '1Gi',
      'ACCESS MODES': 'RWO',
      STORAGECLASS: 'fast',
    });
    expect(tableRows(textOf(printGet(cluster.state, 'pv')))[0]).toMatchObject({
      NAME: volumeName,
      'RECLAIM POLICY': 'Delete',
      STATUS: 'Bound',
      CLAIM: 'default/dyn',
      STORAGECLASS: 'fast',
    });
  });

  it('shows Terminating while a running pod still uses a deleted claim', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM + '---' + POD_USING_DATA);
    expect(cluster.delete({ kind: 'PersistentVolumeClaim', name: 'data' }).ok).toBe(true);
    cluster.settle();
    expect(tableRows(textOf(printGet(cluster.state, 'pvc')))[0]).toMatchObject({
      NAME: 'data',
      STATUS: 'Terminating',
      VOLUME: 'pv-static',
      CAPACITY: '10Gi',
    });
  });

  it('lists one namespace by default, another with -n, and all of them under NAMESPACE with -A', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: Namespace
metadata: { name: team }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: zeta, namespace: default }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: alpha, namespace: team }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`);
    expect(tableRows(textOf(printGet(cluster.state, 'pvc'))).map((row) => row['NAME'])).toEqual(['zeta']);
    expect(
      tableRows(textOf(printGet(cluster.state, 'pvc', { namespace: 'team' }))).map((row) => row['NAME']),
    ).toEqual(['alpha']);
    const all = textOf(printGet(cluster.state, 'pvc', { allNamespaces: true }));
    expect(headerOf(all)).toMatch(/^NAMESPACE {3}NAME {3,}STATUS /);
    expect(tableRows(all).map((row) => [row['NAMESPACE'], row['NAME'], row['STATUS']])).toEqual([
      ['default', 'zeta', 'Pending'],
      ['team', 'alpha', 'Pending'],
    ]);
  });

  it('adds VOLUMEMODE with -o wide', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    const wide = textOf(printGet(cluster.state, 'pvc', { wide: true }));
    expect(headerOf(wide)).toMatch(/ {3}AGE {3}VOLUMEMODE$/);
    expect(tableRows(wide)[0]).toMatchObject({ NAME: 'data', VOLUMEMODE: 'Filesystem' });
  });
});

describe('kubectl get storageclass', () => {
  it('marks the default class and prints every policy', () => {
    const cluster = settledCluster(`${FAST_DEFAULT_CLASS}---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: slow }
provisioner: nfs.csi.k8s.io
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
`);
    expect(textOf(printGet({ ...cluster.state, clock: 2 * 86400 }, 'sc'))).toBe(
      'NAME             PROVISIONER       RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'fast (default)   ebs.csi.aws.com   Delete          Immediate              true                   2d\n' +
        'slow             nfs.csi.k8s.io    Retain          WaitForFirstConsumer   false                  2d\n',
    );
  });
});

const POD_WITH_MISSING_CONFIG_MAP = `
apiVersion: v1
kind: Pod
metadata: { name: configured }
spec:
  containers:
    - name: app
      image: busybox:1.36
      volumeMounts: [{ name: config, mountPath: /etc/app }]
  volumes:
    - name: config
      configMap: { name: missing }
`;

describe('kubectl get pods', () => {
  it('shows a running pod ready, and where it runs with -o wide', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM + '---' + POD_USING_DATA);
    const pod = cluster.state.objects.Pod[objectKey('default', 'web')];
    expect(headerOf(textOf(printGet(cluster.state, 'pods')))).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    const wide = textOf(printGet(cluster.state, 'po', { wide: true }));
    expect(headerOf(wide)).toMatch(/ {3}AGE {3}IP {3,}NODE {3,}NOMINATED NODE {3}READINESS GATES$/);
    const row = tableRows(wide)[0];
    expect(row).toEqual({
      NAME: 'web',
      READY: '1/1',
      STATUS: 'Running',
      RESTARTS: '0',
      AGE: `${cluster.state.clock}s`,
      IP: pod?.status?.podIP,
      NODE: 'node-1',
      'NOMINATED NODE': '<none>',
      'READINESS GATES': '<none>',
    });
    expect(row?.['IP']).toMatch(/^10\.244\.\d+\.\d+$/);
  });

  it('shows ContainerCreating while a volume cannot be mounted', () => {
    const cluster = settledCluster(POD_WITH_MISSING_CONFIG_MAP);
    expect(tableRows(textOf(printGet(cluster.state, 'pods')))[0]).toMatchObject({
      NAME: 'configured',
      READY: '0/1',
      STATUS: 'ContainerCreating',
      RESTARTS: '0',
    });
  });

  it('shows Pending with <none> for the IP and node of a pod that cannot be scheduled', () => {
    const cluster = settledCluster(POD_USING_DATA);
    expect(tableRows(textOf(printGet(cluster.state, 'pods', { wide: true })))[0]).toMatchObject({
      NAME: 'web',
      READY: '0/1',
      STATUS: 'Pending',
      IP: '<none>',
      NODE: '<none>',
    });
  });

  it('shows Terminating once a scheduled pod is deleted, until kubelet stops it', () => {
    const cluster = settledCluster(POD_WITH_MISSING_CONFIG_MAP);
    expect(cluster.delete({ kind: 'Pod', name: 'configured' }).ok).toBe(true);
    expect(tableRows(textOf(printGet(cluster.state, 'pods')))[0]).toMatchObject({ STATUS: 'Terminating' });
    cluster.settle();
    expect(textOf(printGet(cluster.state, 'pods'))).toBe('No resources found in default namespace.\n');
  });

  it('counts restarts and says how long ago the last one was', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM + '---' + POD_USING_DATA);
    expect(cluster.crash({ name: 'web' }).ok).toBe(true);
    const crashedAt = cluster.state.clock;
    const state = { ...cluster.state, clock: crashedAt + 4 * 60 };
    expect(tableRows(textOf(printGet(state, 'pods')))[0]).toMatchObject({
      READY: '1/1',
      STATUS: 'Running',
      RESTARTS: '1 (4m ago)',
    });
  });
});

describe('kubectl get events', () => {
  it('names the object kind/name and lists the oldest first', () => {
    const cluster = settledCluster(FAST_DEFAULT_CLASS + '---' + DYNAMIC_CLAIM);
    applyAndSettle(cluster, POD_USING_DATA.replace('claimName: data', 'claimName: dyn'));
    const text = textOf(printGet(cluster.state, 'events'));
    expect(headerOf(text)).toMatch(/^LAST SEEN {3}TYPE {4,}REASON {3,}OBJECT {3,}MESSAGE$/);
    const rows = tableRows(text);
    expect(rows.slice(0, 3).map((row) => [row['TYPE'], row['REASON'], row['OBJECT']])).toEqual([
      ['Normal', 'ExternalProvisioning', 'persistentvolumeclaim/dyn'],
      ['Normal', 'Provisioning', 'persistentvolumeclaim/dyn'],
      ['Normal', 'ProvisioningSucceeded', 'persistentvolumeclaim/dyn'],
    ]);
    expect(rows[2]?.['MESSAGE']).toMatch(/^Successfully provisioned volume pvc-/);
    expect(rows.map((row) => row['OBJECT'])).toContain('pod/web');
    const ages = rows.map((row) => Number((row['LAST SEEN'] ?? '').replace('s', '')));
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
  });

  it('adds source, first seen, count and name with -o wide, folding repeats into a count', () => {
    const cluster = settledCluster(POD_WITH_MISSING_CONFIG_MAP);
    // kubelet retries the mount every round; an identical event is counted again after 15 seconds.
    for (let round = 0; round < 20; round += 1) cluster.step();
    const text = textOf(printGet(cluster.state, 'ev', { wide: true }));
    expect(headerOf(text)).toMatch(/ {3}SUBOBJECT {3}SOURCE {3,}MESSAGE {3,}FIRST SEEN {3}COUNT {3}NAME$/);
    const failedMount = tableRows(text).find((row) => row['REASON'] === 'FailedMount');
    expect(failedMount).toMatchObject({
      TYPE: 'Warning',
      OBJECT: 'pod/configured',
      SUBOBJECT: '',
      SOURCE: 'kubelet, node-1',
      COUNT: '2',
    });
    expect(failedMount?.['NAME']).toMatch(/^configured\.[0-9a-f]{16}$/);
    expect(failedMount?.['LAST SEEN']).not.toBe(failedMount?.['FIRST SEEN']);
  });
});

describe('kubectl get nodes', () => {
  it('prints status, roles and kubelet version', () => {
    const cluster = new Cluster({
      nodes: [
        { name: 'control', zone: 'zone-a', labels: { 'node-role.kubernetes.io/control-plane': '' } },
        { name: 'worker', zone: 'zone-b' },
      ],
    });
    expect(textOf(printGet({ ...cluster.state, clock: 45 * 60 }, 'nodes'))).toBe(
      'NAME      STATUS   ROLES           AGE   VERSION\n' +
        'control   Ready    control-plane   45m   v1.35.0\n' +
        'worker    Ready    <none>          45m   v1.35.0\n',
    );
  });

  it('shows NotReady when the node stops responding, and node info with -o wide', () => {
    const cluster = new Cluster({});
    expect(cluster.fault({ node: 'node-1' }, 'kubelet stopped').ok).toBe(true);
    expect(tableRows(textOf(printGet(cluster.state, 'no', { wide: true })))[0]).toEqual({
      NAME: 'node-1',
      STATUS: 'NotReady',
      ROLES: '<none>',
      AGE: '0s',
      VERSION: 'v1.35.0',
      'INTERNAL-IP': '<none>',
      'EXTERNAL-IP': '<none>',
      'OS-IMAGE': 'Simulated Linux',
      'KERNEL-VERSION': '6.12.0',
      'CONTAINER-RUNTIME': 'containerd://2.1.0',
    });
  });
});

describe('kubectl get for the other kinds', () => {
  it('prints namespaces, config maps, CSI drivers and volume attachments', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { a: "1", b: "2" }
---
${FAST_DEFAULT_CLASS}
---
${DYNAMIC_CLAIM}
---
${POD_USING_DATA.replace('claimName: data', 'claimName: dyn')}
`);
    expect(tableRows(textOf(printGet(cluster.state, 'ns')))).toEqual([
      { NAME: 'default', STATUS: 'Active', AGE: `${cluster.state.clock}s` },
      { NAME: 'kube-system', STATUS: 'Active', AGE: `${cluster.state.clock}s` },
    ]);
    expect(tableRows(textOf(printGet(cluster.state, 'cm')))[0]).toMatchObject({
      NAME: 'settings',
      DATA: '2',
    });
    expect(tableRows(textOf(printGet(cluster.state, 'csidrivers')))[0]).toMatchObject({
      NAME: 'ebs.csi.aws.com',
      ATTACHREQUIRED: 'true',
      PODINFOONMOUNT: 'false',
      TOKENREQUESTS: '<unset>',
      MODES: 'Persistent',
    });
    const volumeName = Object.keys(cluster.state.objects.PersistentVolume)[0];
    expect(tableRows(textOf(printGet(cluster.state, 'volumeattachments')))[0]).toMatchObject({
      ATTACHER: 'ebs.csi.aws.com',
      PV: volumeName,
      NODE: 'node-1',
      ATTACHED: 'true',
    });
  });
});

describe('kubectl get with nothing to show, names and errors', () => {
  it('says no resources were found, naming the namespace for namespaced kinds', () => {
    const cluster = new Cluster({});
    expect(printGet(cluster.state, 'pvc')).toEqual({
      ok: true,
      text: 'No resources found in default namespace.\n',
    });
    expect(printGet(cluster.state, 'pods', { namespace: 'kube-system' })).toEqual({
      ok: true,
      text: 'No resources found in kube-system namespace.\n',
    });
    expect(printGet(cluster.state, 'pvc', { allNamespaces: true })).toEqual({
      ok: true,
      text: 'No resources found\n',
    });
    expect(printGet(cluster.state, 'pv')).toEqual({ ok: true, text: 'No resources found\n' });
  });

  it('prints named objects in the order they were named', () => {
    const cluster = settledCluster(`${FAST_DEFAULT_CLASS}---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: archive }
provisioner: nfs.csi.k8s.io
`);
    const rows = tableRows(textOf(printGet(cluster.state, 'sc', { names: ['fast', 'archive'] })));
    expect(rows.map((row) => row['NAME'])).toEqual(['fast (default)', 'archive']);
  });

  it('reports a missing name as NotFound, with the table of the names that exist', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    const result = printGet(cluster.state, 'pvc', { names: ['data', 'x'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('Error from server (NotFound): persistentvolumeclaims "x" not found');
    expect(tableRows(result.text ?? '').map((row) => row['NAME'])).toEqual(['data']);
    expect(printGet(cluster.state, 'pv', { names: ['nope'] })).toEqual({
      ok: false,
      error: 'Error from server (NotFound): persistentvolumes "nope" not found',
    });
  });

  it('refuses an unknown resource type and names across all namespaces', () => {
    const cluster = new Cluster({});
    expect(printGet(cluster.state, 'foo')).toEqual({
      ok: false,
      error: 'error: the server doesn\'t have a resource type "foo"',
    });
    expect(printGet(cluster.state, 'pvc', { allNamespaces: true, names: ['data'] })).toEqual({
      ok: false,
      error: 'error: a resource cannot be retrieved by name across all namespaces',
    });
  });
});

describe('resolveResource', () => {
  it.each([
    ['pv', 'PersistentVolume'],
    ['persistentvolume', 'PersistentVolume'],
    ['persistentvolumes', 'PersistentVolume'],
    ['pvc', 'PersistentVolumeClaim'],
    ['PersistentVolumeClaim', 'PersistentVolumeClaim'],
    ['sc', 'StorageClass'],
    ['storageclasses.storage.k8s.io', 'StorageClass'],
    ['po', 'Pod'],
    ['ev', 'Event'],
    ['events', 'Event'],
    ['no', 'Node'],
    ['cm', 'ConfigMap'],
    ['ns', 'Namespace'],
    ['volumeattachment', 'VolumeAttachment'],
    ['csidrivers', 'CSIDriver'],
  ])('%s names %s', (resource, kind) => {
    expect(resolveResource(resource)).toBe(kind);
  });

  it('knows no other resources', () => {
    expect(resolveResource('deployments')).toBeUndefined();
    expect(resolveResource('p')).toBeUndefined();
  });
});
