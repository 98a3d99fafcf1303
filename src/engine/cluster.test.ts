import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';

const story = `apiVersion: storage.k8s.io/v1
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
  resources: {requests: {storage: 3Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
    - name: app
      image: busybox
      volumeMounts: [{name: data, mountPath: /data}]
  volumes:
    - name: data
      persistentVolumeClaim: {claimName: data}
`;

function playStory(): Cluster {
  const cluster = new Cluster();
  cluster.apply(story);
  cluster.settle();
  cluster.write({ name: 'app' }, '/data/notes.txt', 'hello');
  return cluster;
}

describe('Cluster', () => {
  it('keeps state as plain data that survives a JSON round trip', () => {
    const cluster = playStory();
    const copy = JSON.parse(JSON.stringify(cluster.state)) as typeof cluster.state;
    const restored = new Cluster(copy);
    expect(restored.read({ name: 'app' }, '/data/notes.txt')).toEqual({
      ok: true,
      value: { found: true, content: 'hello' },
    });
    restored.settle();
    expect(JSON.stringify(restored.state.objects.PersistentVolumeClaim)).toBe(
      JSON.stringify(copy.objects.PersistentVolumeClaim),
    );
  });

  it('is deterministic: the same intents give the same state, uids and names included', () => {
    expect(JSON.stringify(playStory().state)).toBe(JSON.stringify(playStory().state));
  });

  it('restores a snapshot exactly', () => {
    const cluster = playStory();
    const snapshot = cluster.snapshot();
    cluster.delete({ kind: 'Pod', name: 'app' });
    cluster.settle();
    expect(cluster.state.objects.Pod['default/app']).toBeUndefined();
    cluster.restore(snapshot);
    expect(cluster.state).toBe(snapshot);
    expect(cluster.state.objects.Pod['default/app']?.status?.phase).toBe('Running');
  });

  it('leaves the state untouched by every refused call', () => {
    const cluster = playStory();
    const before = cluster.state;
    const refused = [
      cluster.apply('kind: [broken'),
      cluster.delete({ kind: 'PersistentVolumeClaim', name: 'missing' }),
      cluster.patch({ kind: 'PersistentVolumeClaim', name: 'data' }, { spec: { storageClassName: 'other' } }),
      cluster.write({ name: 'missing' }, '/data/x', 'y'),
      cluster.write({ name: 'app' }, 'relative/path', 'y'),
      cluster.crash({ name: 'missing' }),
      cluster.fault({ driver: 'not.installed.example.com' }, 'boom'),
      cluster.fault({ node: 'node-9' }, 'boom'),
    ];
    expect(refused.map((result) => result.ok)).toEqual(refused.map(() => false));
    expect(cluster.state).toBe(before);
  });

  it('tells every change who made it and, for controller work, which rule', () => {
    const cluster = new Cluster();
    cluster.apply(story);
    const { changes } = cluster.settle();
    const provisioned = changes.find(
      (change) => change.action === 'create' && change.object?.kind === 'PersistentVolume',
    );
    expect(provisioned).toMatchObject({ actor: 'csi-provisioner', on: 'ebs.csi.aws.com', rule: 'R33' });
    expect(provisioned?.message).toMatch(
      /^provisioned volume pvc-[0-9a-f-]+ for claim default\/data: 3Gi, reclaim policy Delete from class "fast"/,
    );
    const bound = changes.find(
      (change) => change.object?.kind === 'PersistentVolumeClaim' && change.rule === 'R26',
    );
    expect(bound?.actor).toBe('persistentvolume-controller');
    expect(changes.every((change) => change.message.length > 0)).toBe(true);
  });

  it('keeps container-layer files only until a crash, volume files across it', () => {
    const cluster = playStory();
    cluster.write({ name: 'app' }, '/tmp/scratch.txt', 'temporary');
    cluster.crash({ name: 'app' });
    expect(cluster.read({ name: 'app' }, '/tmp/scratch.txt')).toEqual({ ok: true, value: { found: false } });
    expect(cluster.read({ name: 'app' }, '/data/notes.txt')).toEqual({
      ok: true,
      value: { found: true, content: 'hello' },
    });
    expect(cluster.state.objects.Pod['default/app']?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });
});
