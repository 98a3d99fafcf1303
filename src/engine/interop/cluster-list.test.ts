import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { runKubectl } from '../kubectl';
import { SANDBOX_OPTIONS } from '../sim/initial';
import type { ClusterImport } from './cluster-list';
import { CLUSTER_IMPORT_LIMITS, importClusterList } from './cluster-list';

const kindOutput = readFileSync(new URL('./fixtures/kind-cluster.yaml', import.meta.url), 'utf8');

function imported(text: string, includeSystemPods = false): ClusterImport {
  const result = importClusterList(text, { cluster: SANDBOX_OPTIONS, includeSystemPods });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Applies an import to a fresh cluster with its nodes, as the worker does, and lets it settle. */
function settled(value: ClusterImport): Cluster {
  const cluster = new Cluster(value.options);
  const applied = cluster.apply(value.manifests);
  if (!applied.ok) throw new Error(applied.error.message);
  cluster.settle();
  return cluster;
}

function phases(cluster: Cluster) {
  const { objects } = cluster.state;
  return {
    volumes: Object.fromEntries(
      Object.entries(objects.PersistentVolume).map(([k, v]) => [k, v.status?.phase]),
    ),
    claims: Object.fromEntries(
      Object.entries(objects.PersistentVolumeClaim).map(([k, v]) => [
        k,
        `${v.status?.phase} ${v.spec?.volumeName ?? ''}`,
      ]),
    ),
    pods: Object.fromEntries(
      Object.entries(objects.Pod).map(([k, v]) => [k, `${v.status?.phase} on ${v.spec?.nodeName ?? ''}`]),
    ),
  };
}

describe('importing kubectl get pv,pvc,sc,pods -A -o yaml', () => {
  it('draws a kind cluster with the same bindings, nodes and phases', () => {
    const value = imported(kindOutput);
    expect(value.options.nodes?.map((node) => node.name)).toEqual(['kind-worker', 'kind-worker2']);
    expect(value.options.drivers).toEqual(SANDBOX_OPTIONS.drivers);
    expect(phases(settled(value))).toEqual({
      volumes: {
        'old-logs': 'Released',
        'pvc-3f1c2a9e-6b7d-4c1e-9a53-2f0d8e7b6c41': 'Bound',
        'shared-reports': 'Bound',
      },
      claims: {
        'default/reports': 'Bound shared-reports',
        'shop/data': 'Bound pvc-3f1c2a9e-6b7d-4c1e-9a53-2f0d8e7b6c41',
        'shop/fast-cache': 'Pending ',
      },
      pods: {
        'default/report-reader': 'Running on kind-worker2',
        'shop/web-5d8f7c9b6-x2x7q': 'Running on kind-worker',
      },
    });
  });

  it('drops what the server wrote and keeps what expresses the bindings', () => {
    const { manifests } = imported(kindOutput);
    // Metadata is indented by two spaces; a claimRef's uid (kept for a Released volume) by four.
    expect(manifests).not.toMatch(/^ {2}(uid|resourceVersion|creationTimestamp|managedFields|generation):/m);
    expect(manifests).not.toMatch(/^status:/m);
    expect(manifests).not.toContain('last-applied-configuration');
    expect(manifests).not.toContain('bind-completed');
    expect(manifests).not.toContain('kube-api-access');
    expect(manifests).not.toContain('ownerReferences');
    expect(manifests).toContain('volumeName: pvc-3f1c2a9e-6b7d-4c1e-9a53-2f0d8e7b6c41');
    expect(manifests).toContain('nodeName: kind-worker');
    expect(manifests).toContain('pv.kubernetes.io/provisioned-by: rancher.io/local-path');
    // The namespace the shop objects live in is created first.
    expect(manifests.startsWith('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n')).toBe(true);
  });

  it('a Released volume keeps the uid of its vanished claim; a bound one is re-bound by name', () => {
    const { manifests } = imported(kindOutput);
    expect(manifests).toContain('uid: 9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    expect(manifests).not.toContain('uid: 3f1c2a9e-6b7d-4c1e-9a53-2f0d8e7b6c41');
  });

  it('says what cannot be simulated instead of failing', () => {
    const { warnings } = imported(kindOutput);
    expect(warnings).toEqual([
      "left out 1 pod in kube-system (the cluster's own components)",
      'StorageClass premium-ssd: the simulator has no driver for provisioner csi.vendor.example.com, so its claims that are not bound yet stay Pending',
      'pod shop/web-5d8f7c9b6-x2x7q belongs to ReplicaSet web-5d8f7c9b6; it is imported as a plain pod (the simulator has no workload controllers)',
      'pod shop/web-5d8f7c9b6-x2x7q: volume "tls" (secret) is not simulated and was left out',
    ]);
  });

  it("brings the control plane's pods and their node when asked, and says what they wait for", () => {
    const value = imported(kindOutput, true);
    expect(value.options.nodes?.map((node) => node.name)).toEqual([
      'kind-control-plane',
      'kind-worker',
      'kind-worker2',
    ]);
    expect(value.warnings).toContain(
      'pod kube-system/coredns-674b8bbfcf-9xkq2 mounts ConfigMap kube-system/coredns, which is not in the output: it waits for it (add configmaps to the kubectl get to bring them)',
    );
  });

  it("labels a node with the zone its pod's volume is pinned to", () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: PersistentVolume
  metadata: {name: pvc-1, uid: x, annotations: {pv.kubernetes.io/provisioned-by: ebs.csi.aws.com}}
  spec:
    accessModes: [ReadWriteOnce]
    capacity: {storage: 8Gi}
    claimRef: {kind: PersistentVolumeClaim, namespace: db, name: pg, uid: u1}
    csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0abc, fsType: ext4}
    nodeAffinity:
      required:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1b]}
    persistentVolumeReclaimPolicy: Delete
    storageClassName: gp3
  status: {phase: Bound}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: pg, namespace: db, uid: u1}
  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}, storageClassName: gp3, volumeName: pvc-1}
- apiVersion: v1
  kind: Pod
  metadata: {name: pg-0, namespace: db}
  spec:
    nodeName: ip-10-0-1-5.eu-west-1.compute.internal
    containers: [{name: pg, image: postgres:17, volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]}]
    volumes: [{name: data, persistentVolumeClaim: {claimName: pg}}]
`;
    const value = imported(text);
    expect(value.options.nodes).toEqual([
      {
        name: 'ip-10-0-1-5.eu-west-1.compute.internal',
        zone: 'eu-west-1b',
        labels: {
          'kubernetes.io/hostname': 'ip-10-0-1-5.eu-west-1.compute.internal',
          'topology.kubernetes.io/zone': 'eu-west-1b',
        },
      },
    ]);
    expect(phases(settled(value)).pods).toEqual({
      'db/pg-0': 'Running on ip-10-0-1-5.eu-west-1.compute.internal',
    });
  });

  it("re-imports the simulator's own kubectl output with the same bindings", () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    cluster.apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: ''}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: manual}
spec:
  accessModes: [ReadWriteOnce]
  capacity: {storage: 1Gi}
  hostPath: {path: /mnt/manual}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`);
    cluster.settle();
    const output = runKubectl(cluster, 'get pv,pvc,sc,pods -A -o yaml', {}).stdout;
    const again = settled(imported(output));
    expect(phases(again)).toEqual(phases(cluster));
  });
});

describe('refusals', () => {
  const refusal = (text: string) => {
    const result = importClusterList(text, { cluster: SANDBOX_OPTIONS });
    return result.ok ? 'accepted' : result.reason;
  };

  it('says where text that is not YAML goes wrong', () => {
    expect(refusal('items:\n  - a: [1, 2\n')).toMatch(
      /^the text is not YAML that kubectl prints: .*line \d+/,
    );
  });

  it('refuses empty text, text with nothing to draw, and output too large to draw', () => {
    expect(refusal('  \n')).toMatch(/^the text is empty/);
    expect(refusal('apiVersion: v1\nkind: Service\nmetadata: {name: web}\n')).toBe(
      'found no PersistentVolumes, PersistentVolumeClaims, StorageClasses or Pods to draw (left out what the simulator does not model: 1 Service)',
    );
    const many = Array.from(
      { length: CLUSTER_IMPORT_LIMITS.maxObjects + 1 },
      (_, index) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: c${index}, namespace: default}}`,
    ).join('\n');
    expect(refusal(`apiVersion: v1\nkind: List\nitems:\n${many}\n`)).toMatch(
      /^the output has 1001 objects; at most 1000/,
    );
  });

  it('leaves out an object the simulator refuses, with its reason', () => {
    const result = importClusterList(
      `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: ok, namespace: default}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}
- {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: bad, namespace: default}, spec: {accessModes: [Sometimes], resources: {requests: {storage: 1Gi}}}}
`,
      { cluster: SANDBOX_OPTIONS },
    );
    expect(result.ok && result.value.objects.map((ref) => ref.name)).toEqual(['ok']);
    expect(result.ok && result.value.warnings.join('\n')).toMatch(
      /^PersistentVolumeClaim default\/bad was left out: /,
    );
  });
});

describe('kind: List in an ordinary apply', () => {
  it('kubectl apply -f of a List applies its items', () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    const output = runKubectl(cluster, 'apply -f -', {
      '-': `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: one}, data: {a: b}}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: two}, data: {c: d}}
`,
    });
    expect(output.stdout).toBe('configmap/one created\nconfigmap/two created\n');
    expect(Object.keys(cluster.state.objects.ConfigMap)).toEqual(['default/one', 'default/two']);
  });
});
