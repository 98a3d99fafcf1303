import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { Pod } from '../model/types';
import { objectKey } from '../model/types';
import { LAST_APPLIED } from '../api/requests';
import type { ClusterState } from '../sim/state';
import { describeObject } from './describe';
import { smartLabel } from './describe/generic';
import {
  DYNAMIC_CLAIM,
  FAST_DEFAULT_CLASS,
  POD_USING_DATA,
  STATIC_VOLUME_AND_CLAIM,
  applyAndSettle,
  settledCluster,
  textOf,
} from './test-support';

/** The labels that start the unindented lines: the order of describe's sections. */
function topLevelFields(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^[A-Z]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')));
}

/** The lines from the one starting with `first` up to (not including) the one starting with `next`. */
function section(text: string, first: string, next: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(first));
  const end = lines.findIndex((line, index) => index > start && line.startsWith(next));
  return lines.slice(start, end);
}

describe('kubectl describe pv', () => {
  it('prints a static volume field by field, hiding the last-applied annotation', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(
      cluster.state.objects.PersistentVolume['pv-static']?.metadata?.annotations?.[LAST_APPLIED],
    ).toBeDefined();
    expect(textOf(describeObject(cluster.state, 'PersistentVolume', undefined, 'pv-static'))).toBe(
      [
        'Name:            pv-static',
        'Labels:          <none>',
        'Annotations:     pv.kubernetes.io/bound-by-controller: yes',
        'Finalizers:      [kubernetes.io/pv-protection]',
        'StorageClass:    ',
        'Status:          Bound',
        'Claim:           default/data',
        'Reclaim Policy:  Retain',
        'Access Modes:    RWO',
        'VolumeMode:      Filesystem',
        'Capacity:        10Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /mnt/data',
        '    HostPathType:  ',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('shows the node affinity and CSI source of a provisioned volume', () => {
    const cluster = settledCluster(FAST_DEFAULT_CLASS + '---' + DYNAMIC_CLAIM);
    const volumeName = Object.keys(cluster.state.objects.PersistentVolume)[0] ?? '';
    const text = textOf(describeObject(cluster.state, 'PersistentVolume', undefined, volumeName));
    expect(text).toContain(
      'Finalizers:        [kubernetes.io/pv-protection external-provisioner.volume.kubernetes.io/finalizer]\n',
    );
    expect(text).toContain('StorageClass:      fast\n');
    expect(text).toContain('Claim:             default/dyn\n');
    expect(text).toContain('Reclaim Policy:    Delete\n');
    expect(section(text, 'Node Affinity:', 'Message:')).toEqual([
      'Node Affinity:     ',
      '  Required Terms:  ',
      '    Term 0:        topology.kubernetes.io/zone in [zone-a]',
    ]);
    const source = section(text, 'Source:', 'Events:');
    expect(source[1]).toMatch(/^ {4}Type: +CSI \(a Container Storage Interface \(CSI\) volume source\)$/);
    expect(source[2]).toMatch(/^ {4}Driver: +ebs\.csi\.aws\.com$/);
    expect(source.some((line) => /^ {4}VolumeHandle: +vol-/.test(line))).toBe(true);
    expect(source.some((line) => /^ {4}VolumeAttributes:\s+\S+=\S+/.test(line))).toBe(true);
  });

  it('shows how long a deleted volume has been Terminating', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    cluster.delete({ kind: 'PersistentVolume', name: 'pv-static' });
    const state = { ...cluster.state, clock: cluster.state.clock + 75 };
    expect(textOf(describeObject(state, 'PersistentVolume', undefined, 'pv-static'))).toContain(
      'Status:          Terminating (lasts 75s)\n',
    );
  });
});

describe('kubectl describe pvc', () => {
  it('prints the claim fields in kubectl order, the pods using it and its events', () => {
    const cluster = settledCluster(FAST_DEFAULT_CLASS + '---' + DYNAMIC_CLAIM);
    applyAndSettle(cluster, POD_USING_DATA.replace('claimName: data', 'claimName: dyn'));
    const claim = cluster.state.objects.PersistentVolumeClaim[objectKey('default', 'dyn')];
    const text = textOf(describeObject(cluster.state, 'PersistentVolumeClaim', 'default', 'dyn'));
    expect(topLevelFields(text)).toEqual([
      'Name',
      'Namespace',
      'StorageClass',
      'Status',
      'Volume',
      'Labels',
      'Annotations',
      'Finalizers',
      'Capacity',
      'Access Modes',
      'VolumeMode',
      'Used By',
      'Events',
    ]);
    expect(text).toContain(`Volume:        pvc-${claim?.metadata?.uid ?? ''}\n`);
    expect(text).toContain('Capacity:      1Gi\nAccess Modes:  RWO\n');
    expect(text).toContain('Used By:       web\n');
    expect(text).not.toContain(LAST_APPLIED);
    // Later annotations continue under the first one's value.
    expect(section(text, 'Annotations:', 'Finalizers:')).toEqual([
      'Annotations:   pv.kubernetes.io/bind-completed: yes',
      '               pv.kubernetes.io/bound-by-controller: yes',
      '               volume.beta.kubernetes.io/storage-provisioner: ebs.csi.aws.com',
      '               volume.kubernetes.io/storage-provisioner: ebs.csi.aws.com',
    ]);
    const events = section(text, 'Events:', '\u0000');
    expect(events[1]).toMatch(/^ {2}Type {4}Reason {3,}Age {3}From {3,}Message$/);
    expect(events[2]).toMatch(/^ {2}---- {4}------ {3,}---- {2}---- {3,}-------$/);
    expect(
      events.slice(3, 6).map((line) =>
        line
          .trim()
          .split(/\s{2,}/)
          .slice(0, 2),
      ),
    ).toEqual([
      ['Normal', 'ExternalProvisioning'],
      ['Normal', 'Provisioning'],
      ['Normal', 'ProvisioningSucceeded'],
    ]);
  });

  it('leaves capacity blank while Pending and folds repeated events into "(xN over ...)"', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: lonely }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 5Gi } }
`);
    for (let round = 0; round < 20; round += 1) cluster.step();
    const text = textOf(describeObject(cluster.state, 'PersistentVolumeClaim', undefined, 'lonely'));
    expect(text).toContain('Status:        Pending\nVolume:        \n');
    expect(text).toContain('Capacity:      \nAccess Modes:  \n');
    expect(text).toContain('Used By:       <none>\n');
    const event = text.split('\n').find((line) => line.includes('FailedBinding')) ?? '';
    const [, firstSeen = 0, lastSeen = 0] = (/(\d+)s \(x2 over (\d+)s\)/.exec(event) ?? []).map(Number);
    expect(event).toMatch(
      /^ {2}Normal {2}FailedBinding {2}\d+s \(x2 over \d+s\) {2}persistentvolume-controller {2}no persistent volumes/,
    );
    expect(Number(lastSeen)).toBeGreaterThan(Number(firstSeen));
  });

  it('shows a claim still in use as Terminating', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM + '---' + POD_USING_DATA);
    cluster.delete({ kind: 'PersistentVolumeClaim', name: 'data' });
    cluster.settle();
    const text = textOf(describeObject(cluster.state, 'PersistentVolumeClaim', undefined, 'data'));
    expect(text).toMatch(/\nStatus: {8}Terminating \(lasts \d+s\)\n/);
    expect(text).toContain('Used By:       web\n');
  });
});

describe('kubectl describe storageclass', () => {
  it('prints every annotation on one line, as this describer does', () => {
    const cluster = settledCluster(FAST_DEFAULT_CLASS);
    const lastApplied =
      cluster.state.objects.StorageClass['fast']?.metadata?.annotations?.[LAST_APPLIED] ?? '';
    expect(textOf(describeObject(cluster.state, 'StorageClass', undefined, 'fast'))).toBe(
      [
        'Name:                  fast',
        'IsDefaultClass:        Yes',
        `Annotations:           ${LAST_APPLIED}=${lastApplied},storageclass.kubernetes.io/is-default-class=true`,
        'Provisioner:           ebs.csi.aws.com',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  True',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     Immediate',
        'Events:                <none>',
        '',
      ].join('\n'),
    );
  });
});

const POD_WITH_EVERY_VOLUME = `
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { mode: fast }
---
apiVersion: v1
kind: Pod
metadata:
  name: busy
  labels: { app: busy }
spec:
  containers:
    - name: app
      image: busybox:1.36
      resources: { limits: { cpu: 500m, memory: 128Mi } }
      volumeMounts:
        - { name: data, mountPath: /data }
        - { name: config, mountPath: /etc/app, readOnly: true }
        - { name: cache, mountPath: /cache }
        - { name: host, mountPath: /host }
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: data }
    - name: cache
      emptyDir: { medium: Memory, sizeLimit: 64Mi }
    - name: config
      configMap: { name: settings, optional: true }
    - name: host
      hostPath: { path: /var/log, type: DirectoryOrCreate }
`;

describe('kubectl describe pod', () => {
  it('prints where the pod runs, its containers with their mounts, and its volumes by type', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM + '---' + POD_WITH_EVERY_VOLUME);
    const pod = cluster.state.objects.Pod[objectKey('default', 'busy')];
    const text = textOf(describeObject(cluster.state, 'Pod', undefined, 'busy'));
    expect(topLevelFields(text)).toEqual([
      'Name',
      'Namespace',
      'Node',
      'Start Time',
      'Labels',
      'Annotations',
      'Status',
      'IP',
      'IPs',
      'Containers',
      'Conditions',
      'Volumes',
      'QoS Class',
      'Node-Selectors',
      'Tolerations',
      'Events',
    ]);
    expect(text).toContain(`Node:         node-1/${pod?.status?.hostIP ?? ''}\n`);
    expect(text).toContain('Labels:       app=busy\n');
    expect(text).toContain('Status:       Running\n');
    expect(text).toContain(`IP:           ${pod?.status?.podIP ?? ''}\n`);
    expect(section(text, '    Mounts:', 'Conditions:')).toEqual([
      '    Mounts:',
      '      /cache from cache (rw)',
      '      /data from data (rw)',
      '      /etc/app from config (ro)',
      '      /host from host (rw)',
    ]);
    expect(section(text, 'Volumes:', 'QoS Class:')).toEqual([
      'Volumes:',
      '  data:',
      '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      '    ClaimName:  data',
      '    ReadOnly:   false',
      '  cache:',
      "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
      '    Medium:     Memory',
      '    SizeLimit:  64Mi',
      '  config:',
      '    Type:      ConfigMap (a volume populated by a ConfigMap)',
      '    Name:      settings',
      '    Optional:  true',
      '  host:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /var/log',
      '    HostPathType:  DirectoryOrCreate',
    ]);
    // Limits alone make requests equal to them: the pod is Guaranteed. The line aligns with the
    // last volume's block above it, as kubectl's tabwriter aligns it.
    expect(text).toContain('\nQoS Class:         Guaranteed\nNode-Selectors:    <none>\n');
    expect(text).toMatch(
      /\n {2}Normal {2}Scheduled {2}\d+s +default-scheduler {2}Successfully assigned default\/busy to node-1\n/,
    );
  });

  it('shows a pod that cannot be scheduled with no node and no IPs', () => {
    const cluster = settledCluster(
      POD_USING_DATA.concat(`---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`),
    );
    const text = textOf(describeObject(cluster.state, 'Pod', undefined, 'web'));
    expect(text).toContain('Node:         <none>\n');
    expect(text).toContain('Status:       Pending\n');
    expect(text).toContain('IPs:          <none>\n');
    expect(text).toMatch(/\n {2}Warning {2}FailedScheduling {2}/);
  });

  it('indents the claim template of an ephemeral volume as kubectl does', () => {
    // The engine refuses ephemeral volumes, so this pod is placed in the state directly.
    const cluster = new Cluster({});
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'scratchy', namespace: 'default', uid: 'uid-scratchy' },
      spec: {
        containers: [{ name: 'app', image: 'busybox' }],
        volumes: [
          {
            name: 'scratch',
            ephemeral: {
              volumeClaimTemplate: {
                metadata: { labels: { type: 'scratch' } },
                spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'] },
              },
            },
          },
        ],
      },
    };
    const state: ClusterState = {
      ...cluster.state,
      objects: { ...cluster.state.objects, Pod: { 'default/scratchy': pod } },
    };
    expect(
      section(textOf(describeObject(state, 'Pod', undefined, 'scratchy')), 'Volumes:', 'QoS Class:'),
    ).toEqual([
      'Volumes:',
      '  scratch:',
      '    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)',
      '    StorageClass:  fast',
      '    Volume:        ',
      '    Labels:            type=scratch',
      '    Annotations:       <none>',
      '    Capacity:      ',
      '    Access Modes:  ',
    ]);
  });
});

describe('kubectl describe, other kinds and errors', () => {
  it('prints a config map with its data keys in order', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { zeta: z, alpha: a }
`);
    expect(textOf(describeObject(cluster.state, 'ConfigMap', 'default', 'settings'))).toBe(
      'Name:         settings\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\n' +
        'Data\n====\nalpha:\n----\na\n\nzeta:\n----\nz\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    );
  });

  it("falls back to kubectl's generic describer, field by field", () => {
    const cluster = new Cluster({});
    const text = textOf(describeObject(cluster.state, 'Node', undefined, 'node-1'));
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Name:         node-1',
      'Namespace:    ',
      'Labels:       topology.kubernetes.io/zone=zone-a',
      'Annotations:  <none>',
      'API Version:  v1',
      'Kind:         Node',
    ]);
    expect(text).toMatch(/\nMetadata:\n {2}Creation Timestamp: {2}2026-01-01T00:00:00Z\n/);
    expect(text).toMatch(/\n {4}Kubelet Version: +v1\.35\.0\n/);
    expect(text).not.toMatch(/\n {2}Name: /);
  });

  it('reports a missing object as NotFound, looking in the default namespace', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(describeObject(cluster.state, 'PersistentVolumeClaim', 'kube-system', 'data')).toEqual({
      ok: false,
      error: 'Error from server (NotFound): persistentvolumeclaims "data" not found',
    });
    expect(describeObject(cluster.state, 'PersistentVolumeClaim', undefined, 'data').ok).toBe(true);
    // Cluster-scoped kinds ignore the namespace.
    expect(describeObject(cluster.state, 'PersistentVolume', 'kube-system', 'pv-static').ok).toBe(true);
  });
});

describe('smartLabel', () => {
  it.each([
    ['apiVersion', 'API Version'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['uid', 'UID'],
    ['podIP', 'Pod IP'],
    ['HTTPServer', 'HTTP Server'],
    ['nodeInfo', 'Node Info'],
    ['storage.kubernetes.io/x', 'storage.kubernetes.io/x'],
  ])('%s reads %s', (field, label) => {
    expect(smartLabel(field)).toBe(label);
  });
});
