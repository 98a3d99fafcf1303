import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { SANDBOX_OPTIONS } from '../sim/initial';
import { userManifests, userManifestsYaml } from './user-manifests';

const story = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: ebs.csi.aws.com
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: dynamic, namespace: team}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: fast}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: reserved}
spec:
  accessModes: [ReadWriteOnce]
  capacity: {storage: 1Gi}
  hostPath: {path: /mnt/reserved}
  claimRef: {namespace: team, name: static}
  storageClassName: ''
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: static, namespace: team}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: ''}
---
apiVersion: v1
kind: Pod
metadata: {name: scheduled, namespace: team}
spec:
  containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: dynamic}}]
---
apiVersion: v1
kind: Pod
metadata: {name: pinned, namespace: team}
spec:
  nodeName: node-b
  containers: [{name: app, image: busybox}]
`;

function settledStory(): Cluster {
  const cluster = new Cluster(SANDBOX_OPTIONS);
  const applied = cluster.apply(story);
  if (!applied.ok) throw new Error(applied.error.message);
  cluster.settle();
  return cluster;
}

describe("the user's objects as manifests for a real cluster", () => {
  it('keeps what the user wrote and leaves what the controllers made to the real ones', () => {
    const manifests = userManifests(settledStory().state);
    expect(manifests.map((object) => `${String(object['kind'])}`)).toEqual([
      'Namespace',
      'StorageClass',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'PersistentVolumeClaim',
      'Pod',
      'Pod',
    ]);
    const yaml = userManifestsYaml(settledStory().state);
    // The provisioned volume belongs to the provisioner; the user's pre-bound one is kept by name.
    expect(yaml).not.toContain('pvc-');
    expect(yaml).toMatch(/ {2}claimRef:\n(?: {4}\w+: .*\n)*? {4}name: static\n {4}namespace: team\n/);
    expect(yaml).not.toContain('uid:');
    // Binding made by the controller: gone. Node picked by the scheduler: gone. Pinned by the user: kept.
    expect(yaml).not.toContain('volumeName:');
    expect(yaml).toContain('nodeName: node-b');
    expect(yaml.match(/nodeName:/g)).toHaveLength(1);
    expect(yaml).not.toMatch(/^ {2}(uid|resourceVersion|creationTimestamp):/m);
    expect(yaml).not.toMatch(/^status:/m);
    expect(yaml).not.toContain('kubernetes.io/pvc-protection');
    expect(yaml).not.toContain('last-applied-configuration');
    expect(yaml).not.toContain('bind-completed');
  });

  it('applied to a fresh cluster, tells the same story again', () => {
    const original = settledStory();
    const again = new Cluster(SANDBOX_OPTIONS);
    const applied = again.apply(userManifestsYaml(original.state));
    expect(applied.ok).toBe(true);
    again.settle();
    const phases = (cluster: Cluster) =>
      Object.values(cluster.state.objects.PersistentVolumeClaim).map(
        (claim) => `${claim.metadata?.name ?? ''} ${claim.status?.phase ?? ''}`,
      );
    expect(phases(again)).toEqual(phases(original));
    expect(phases(again)).toEqual(['dynamic Bound', 'static Bound']);
  });
});
