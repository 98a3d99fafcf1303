import { describe, expect, it } from 'vitest';
import type { KindName, PersistentVolume } from '../../engine';
import { ALL_DRIVERS, Cluster } from '../../engine';
import { buildKindSchemas } from '../../engine/api/json-schema';
import { schemaProblems } from '../../engine/api/json-schema.test-support';
import { parseManifests } from '../../engine/api/manifests';
import type { Example } from './index';
import { EXAMPLES, exampleById } from './index';

/** The app's sandbox (src/worker): three nodes in two zones. */
const NODES = [
  { name: 'node-a', zone: 'zone-a', labels: { 'kubernetes.io/hostname': 'node-a' } },
  { name: 'node-b', zone: 'zone-a', labels: { 'kubernetes.io/hostname': 'node-b' } },
  { name: 'node-c', zone: 'zone-b', labels: { 'kubernetes.io/hostname': 'node-c' } },
];

function freshCluster(): Cluster {
  return new Cluster({ drivers: ALL_DRIVERS, nodes: NODES });
}

/** A fresh cluster with the example applied and settled. */
function clusterWith(id: string): Cluster {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  const cluster = freshCluster();
  const applied = cluster.apply(example.yaml);
  if (!applied.ok) throw new Error(applied.error.message);
  if (!cluster.settle().converged) throw new Error(`${id} did not converge`);
  return cluster;
}

function get<K extends KindName>(cluster: Cluster, kind: K, key: string) {
  const object = cluster.state.objects[kind][key];
  if (!object) throw new Error(`${kind} ${key} does not exist`);
  return object;
}

function volumeOfClaim(cluster: Cluster, key: string): PersistentVolume {
  return get(cluster, 'PersistentVolume', get(cluster, 'PersistentVolumeClaim', key).spec?.volumeName ?? '');
}

function reasonsFor(cluster: Cluster, name: string): string[] {
  return Object.values(cluster.state.objects.Event)
    .filter((event) => event.involvedObject.name === name)
    .map((event) => event.reason ?? '');
}

function zoneOf(volume: PersistentVolume): string | undefined {
  return volume.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values?.[0];
}

function readFile(cluster: Cluster, pod: string, path: string): string | undefined {
  const result = cluster.read({ name: pod }, path);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.found ? result.value.content : undefined;
}

function mustSucceed(result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(result.error?.message);
}

const schema = buildKindSchemas(() => undefined);

describe('EXAMPLES', () => {
  it('have unique ids and say what they show', () => {
    expect(new Set(EXAMPLES.map((example) => example.id)).size).toBe(EXAMPLES.length);
    for (const example of EXAMPLES) {
      expect(example.title.length, example.id).toBeGreaterThan(10);
      expect(example.description.length, example.id).toBeGreaterThan(80);
    }
  });

  it.each(EXAMPLES.map((example): [string, Example] => [example.id, example]))(
    '%s applies cleanly on a fresh cluster and settles',
    (_id, example) => {
      const cluster = freshCluster();
      const applied = cluster.apply(example.yaml);
      expect(applied.ok ? 'ok' : applied.error.message).toBe('ok');
      expect(cluster.settle().converged).toBe(true);
    },
  );

  it.each(EXAMPLES.map((example): [string, Example] => [example.id, example]))(
    '%s raises no warning in the editor',
    (_id, example) => {
      const parsed = parseManifests(example.yaml);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parsed.manifests.flatMap((manifest) => schemaProblems(schema, manifest.content))).toEqual([]);
    },
  );

  it('can all be loaded one after another into the same cluster', () => {
    const cluster = freshCluster();
    for (const example of EXAMPLES) {
      const applied = cluster.apply(example.yaml);
      expect(applied.ok ? example.id : applied.error.message).toBe(example.id);
      expect(cluster.settle().converged, example.id).toBe(true);
    }
  });
});

describe('what the examples show', () => {
  it('the hand-made hostPath volume waits as Available', () => {
    const cluster = clusterWith('guide-hostpath-volume');
    expect(get(cluster, 'PersistentVolume', 'my-local-pv').status?.phase).toBe('Available');
  });

  it('my-app-data-pvc binds to the hand-made volume and gets all 5Gi', () => {
    const cluster = clusterWith('guide-claim');
    const claim = get(cluster, 'PersistentVolumeClaim', 'my-application/my-app-data-pvc');
    expect(claim.status?.phase).toBe('Bound');
    expect(claim.spec?.volumeName).toBe('my-local-pv');
    expect(claim.status?.capacity?.['storage']).toBe('5Gi');
  });

  it('the static volume, claim and pod end up bound and running', () => {
    const cluster = clusterWith('static-binding');
    expect(get(cluster, 'PersistentVolumeClaim', 'default/static-claim').spec?.volumeName).toBe('static-pv');
    expect(get(cluster, 'Pod', 'default/static-web').status?.phase).toBe('Running');
  });

  it('a claim of standard-ssd waits for its first consumer', () => {
    const cluster = clusterWith('guide-storage-class');
    expect(get(cluster, 'PersistentVolumeClaim', 'default/ssd-data').status?.phase).toBe('Pending');
    expect(reasonsFor(cluster, 'ssd-data')).toContain('WaitForFirstConsumer');
  });

  it('EBS with Immediate provisions before the pod and the pod follows the disk', () => {
    const cluster = clusterWith('dynamic-ebs-immediate');
    const volume = volumeOfClaim(cluster, 'default/ebs-claim');
    expect(volume.metadata?.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('ebs.csi.aws.com');
    const pod = get(cluster, 'Pod', 'default/ebs-app');
    expect(pod.status?.phase).toBe('Running');
    const node = NODES.find((candidate) => candidate.name === pod.spec?.nodeName);
    expect(node?.zone).toBe(zoneOf(volume));
  });

  it('WaitForFirstConsumer creates the disk in the zone the pod is pinned to', () => {
    const cluster = clusterWith('wffc-two-zones');
    const claim = get(cluster, 'PersistentVolumeClaim', 'default/zonal-data');
    expect(claim.metadata?.annotations?.['volume.kubernetes.io/selected-node']).toBe('node-c');
    expect(zoneOf(volumeOfClaim(cluster, 'default/zonal-data'))).toBe('zone-b');
    expect(get(cluster, 'Pod', 'default/zone-b-app').spec?.nodeName).toBe('node-c');
  });

  it('two pods on different nodes share the NFS files', () => {
    const cluster = clusterWith('nfs-read-write-many');
    const writer = get(cluster, 'Pod', 'default/files-writer');
    const reader = get(cluster, 'Pod', 'default/files-reader');
    expect(writer.spec?.nodeName).not.toBe(reader.spec?.nodeName);
    mustSucceed(cluster.write({ name: 'files-writer' }, '/shared/hello.txt', 'hello from zone-a'));
    expect(readFile(cluster, 'files-reader', '/shared/hello.txt')).toBe('hello from zone-a');
  });

  it('deleting the claims deletes the Delete volume and releases the Retain one', () => {
    const cluster = clusterWith('retain-vs-delete');
    const scratch = volumeOfClaim(cluster, 'default/scratch-claim').metadata?.name ?? '';
    const kept = volumeOfClaim(cluster, 'default/keep-claim').metadata?.name ?? '';
    mustSucceed(cluster.delete({ kind: 'PersistentVolumeClaim', name: 'scratch-claim' }));
    mustSucceed(cluster.delete({ kind: 'PersistentVolumeClaim', name: 'keep-claim' }));
    expect(cluster.settle().converged).toBe(true);
    expect(cluster.state.objects.PersistentVolume[scratch]).toBeUndefined();
    expect(get(cluster, 'PersistentVolume', kept).status?.phase).toBe('Released');
  });

  it('the emptyDir survives a crash but not the pod', () => {
    const cluster = clusterWith('notes-empty-dir');
    mustSucceed(cluster.write({ name: 'test-pd' }, '/cache/page.html', 'cached'));
    mustSucceed(cluster.crash({ name: 'test-pd' }));
    cluster.settle();
    expect(readFile(cluster, 'test-pd', '/cache/page.html')).toBe('cached');
    mustSucceed(cluster.delete({ kind: 'Pod', name: 'test-pd' }));
    cluster.settle();
    mustSucceed(cluster.apply(exampleById('notes-empty-dir')?.yaml ?? ''));
    cluster.settle();
    expect(readFile(cluster, 'test-pd', '/cache/page.html')).toBeUndefined();
  });

  it('the configMap key becomes the file named in items', () => {
    const cluster = clusterWith('notes-config-map');
    expect(get(cluster, 'Pod', 'default/configmap-pod').status?.phase).toBe('Running');
    expect(readFile(cluster, 'configmap-pod', '/etc/config/log_level.conf')).toBe('INFO');
    expect(readFile(cluster, 'configmap-pod', '/etc/config/log_level')).toBeUndefined();
  });

  it('the hostPath pod runs and writes on its node', () => {
    const cluster = clusterWith('notes-host-path-pod');
    mustSucceed(cluster.write({ name: 'node-logger' }, '/logs/beat', 'tick'));
    expect(readFile(cluster, 'node-logger', '/logs/beat')).toBe('tick');
  });

  it('the MySQL data survives a crash and a new pod, unlike files outside the volume', () => {
    const cluster = clusterWith('notes-mysql');
    expect(get(cluster, 'Pod', 'default/mysql').status?.phase).toBe('Running');
    mustSucceed(cluster.write({ name: 'mysql' }, '/var/lib/mysql/ibdata1', 'rows'));
    mustSucceed(cluster.write({ name: 'mysql' }, '/tmp/session', 'scratch'));
    mustSucceed(cluster.crash({ name: 'mysql' }));
    cluster.settle();
    expect(readFile(cluster, 'mysql', '/var/lib/mysql/ibdata1')).toBe('rows');
    expect(readFile(cluster, 'mysql', '/tmp/session')).toBeUndefined();
    mustSucceed(cluster.delete({ kind: 'Pod', name: 'mysql' }));
    cluster.settle();
    mustSucceed(cluster.apply(exampleById('notes-mysql')?.yaml ?? ''));
    expect(cluster.settle().converged).toBe(true);
    expect(readFile(cluster, 'mysql', '/var/lib/mysql/ibdata1')).toBe('rows');
  });
});
