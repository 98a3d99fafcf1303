import { describe, expect, it } from 'vitest';
import { Cluster } from '../../engine';
import { MAX_FACT_LINES, buildGraphModel } from './model';

const manifests = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  resources: {requests: {storage: 2Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
    - name: app
      image: busybox
      volumeMounts: [{name: data, mountPath: /data}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`;

function settledModel() {
  const cluster = new Cluster({ nodes: [{ name: 'node-1', zone: 'zone-a' }] });
  cluster.apply(manifests);
  cluster.settle();
  cluster.write({ name: 'app' }, '/data/a.txt', 'x');
  return { cluster, model: buildGraphModel(cluster.state) };
}

describe('graph model', () => {
  it('draws every object with an accessible name of kind, name and status', () => {
    const { model } = settledModel();
    const labels = model.nodes.map((node) => node.ariaLabel);
    expect(labels).toContain('Pod app, Running');
    expect(labels).toContain('PersistentVolumeClaim data, Bound');
    expect(labels).toContain('StorageClass fast, class');
    expect(labels).toContain('Node node-1, Ready');
    expect(labels.some((label) => /^PersistentVolume pvc-[0-9a-f-]+, Bound$/.test(label))).toBe(true);
  });

  it('draws the chain pod -> claim -> volume -> disk as lines; where things run as zones', () => {
    const { model } = settledModel();
    const kinds = (kind: string) => model.edges.filter((edge) => edge.kind === kind);
    expect(kinds('uses').map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      ['Pod/default/app', 'PersistentVolumeClaim/default/data', undefined],
    ]);
    expect(kinds('bound')).toHaveLength(1);
    expect(kinds('stored-on')).toHaveLength(1);
    expect(model.edges.map((edge) => edge.kind).sort()).toEqual(['bound', 'stored-on', 'uses']);
    const pod = model.nodes.find((node) => node.id === 'Pod/default/app');
    expect(pod?.zone).toBe('zone-a');
    expect(pod?.facts).toContain('mounts /data');
  });

  it("draws a class's driver as a chip on the class, not a card of its own", () => {
    const { model } = settledModel();
    expect(model.nodes.some((node) => node.id.startsWith('driver:'))).toBe(false);
    const fast = model.nodes.find((node) => node.id === 'StorageClass/fast');
    expect(fast?.driver).toMatchObject({
      id: 'driver:ebs.csi.aws.com',
      ariaLabel: 'Driver ebs.csi.aws.com, installed',
    });
  });

  it('puts the file count on the disk, so data travels with the storage', () => {
    const { model } = settledModel();
    const disk = model.nodes.find((node) => node.kind === 'Asset' && node.kindLabel === 'Disk');
    expect(disk?.files).toBe(1);
    expect(disk?.facts[0]).toContain('zone-a');
  });

  it('shows Terminating for objects being deleted', () => {
    const { cluster } = settledModel();
    cluster.delete({ kind: 'PersistentVolumeClaim', name: 'data' });
    cluster.settle();
    const claim = buildGraphModel(cluster.state).nodes.find(
      (node) => node.id === 'PersistentVolumeClaim/default/data',
    );
    expect(claim?.status).toBe('Terminating');
    expect(claim?.tone).toBe('terminating');
  });

  it("draws a claim that only names its volume as a labelled 'uses' line, not a bound one", () => {
    const cluster = new Cluster({ nodes: [{ name: 'node-1', zone: 'zone-a' }] });
    cluster.apply(`apiVersion: v1
kind: PersistentVolume
metadata: {name: small}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath: {path: /mnt/small}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: too-big}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  volumeName: small
  resources: {requests: {storage: 5Gi}}
`);
    cluster.settle();
    const edges = buildGraphModel(cluster.state).edges;
    expect(edges.map((edge) => [edge.kind, edge.source, edge.target, edge.label])).toEqual([
      ['uses', 'PersistentVolumeClaim/default/too-big', 'PersistentVolume/small', 'names'],
    ]);
  });

  it('draws one line per pod and claim, and none to a claim that does not exist', () => {
    const cluster = new Cluster({ nodes: [{ name: 'node-1', zone: 'zone-a' }] });
    cluster.apply(`${manifests}---
apiVersion: v1
kind: Pod
metadata: {name: twice}
spec:
  containers: [{name: app, image: busybox}]
  volumes:
    - {name: one, persistentVolumeClaim: {claimName: data}}
    - {name: two, persistentVolumeClaim: {claimName: data}}
    - {name: gone, persistentVolumeClaim: {claimName: missing}}
`);
    cluster.settle();
    const uses = buildGraphModel(cluster.state)
      .edges.filter((edge) => edge.source === 'Pod/default/twice')
      .map((edge) => `${edge.kind} ${edge.target}`);
    expect(uses).toEqual(['uses PersistentVolumeClaim/default/data']);
  });

  it('draws a ConfigMap as a card beside the claims, with a line from each pod that mounts it', () => {
    const cluster = new Cluster({ nodes: [{ name: 'node-1', zone: 'zone-a' }] });
    cluster.apply(`apiVersion: v1
kind: ConfigMap
metadata: {name: log-config}
data: {log_level: debug, format: json, rotate: daily}
---
apiVersion: v1
kind: Pod
metadata: {name: reader}
spec:
  containers: [{name: app, image: busybox, volumeMounts: [{name: config, mountPath: /etc/config}]}]
  volumes:
    - {name: config, configMap: {name: log-config}}
    - {name: other, configMap: {name: not-there}}
`);
    cluster.settle();
    const model = buildGraphModel(cluster.state);
    const card = model.nodes.find((node) => node.kind === 'ConfigMap');
    expect(card).toMatchObject({
      id: 'ConfigMap/default/log-config',
      kindLabel: 'ConfigMap',
      lane: 'claims',
      facts: ['3 keys', 'log_level, format, rotate'],
      status: '',
      ariaLabel: 'ConfigMap log-config',
      tone: 'neutral',
    });
    expect(card?.facts.length).toBeLessThanOrEqual(MAX_FACT_LINES);
    // Only ConfigMaps that exist get a card and a line; the missing one is a dangling relation.
    expect(model.nodes.filter((node) => node.kind === 'ConfigMap')).toHaveLength(1);
    expect(model.edges.filter((edge) => edge.source === 'Pod/default/reader')).toEqual([
      {
        id: 'uses:Pod/default/reader->ConfigMap/default/log-config',
        kind: 'uses',
        source: 'Pod/default/reader',
        target: 'ConfigMap/default/log-config',
      },
    ]);
  });

  it('gives an empty ConfigMap one fact line', () => {
    const cluster = new Cluster();
    cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: empty, namespace: kube-system}\n');
    const card = buildGraphModel(cluster.state).nodes.find((node) => node.kind === 'ConfigMap');
    expect(card?.name).toBe('kube-system/empty');
    expect(card?.facts).toEqual(['0 keys']);
  });
});
