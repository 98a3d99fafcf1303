import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { Volume } from '../model/types';
import {
  applyAndSettle,
  assetIds,
  changesWhere,
  claim,
  claimVolume,
  configMap,
  eventOf,
  newCluster,
  pod,
  podIn,
  pv,
  pvc,
  remove,
  settle,
} from './test-support';

const POD = (name: string) => ({ kind: 'Pod' as const, namespace: 'default', name });

function read(cluster: Cluster, podName: string, path: string): string | undefined {
  const result = cluster.read({ name: podName }, path);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.found ? result.value.content : undefined;
}

function writeError(cluster: Cluster, podName: string, path: string): string | undefined {
  const result = cluster.write({ name: podName }, path, 'x');
  return result.ok ? undefined : result.error.message;
}

const configVolume = (source: NonNullable<Volume['configMap']>): Volume => ({
  name: 'config',
  configMap: source,
});

describe('kubelet: configMap volumes (R63)', () => {
  it('R63: with items, only the listed keys appear, at their paths (sub-directories allowed)', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      configMap('app', { mode: 'prod', 'log.level': 'debug', secret: 'hidden' }),
      pod('web', {
        volumes: [
          configVolume({
            name: 'app',
            items: [
              { key: 'mode', path: 'settings/mode.txt' },
              { key: 'log.level', path: 'level' },
            ],
          }),
        ],
      }),
    );
    expect(podIn(cluster.state, 'web')?.status?.phase).toBe('Running');
    expect(read(cluster, 'web', '/config/settings/mode.txt')).toBe('prod');
    expect(read(cluster, 'web', '/config/level')).toBe('debug');
    expect(read(cluster, 'web', '/config/mode')).toBeUndefined();
    expect(read(cluster, 'web', '/config/secret')).toBeUndefined();
  });

  it('R63: an item naming a missing key blocks the pod with FailedMount', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      configMap('app', { mode: 'prod' }),
      pod('web', { volumes: [configVolume({ name: 'app', items: [{ key: 'absent', path: 'a' }] })] }),
    );
    const waiting = podIn(cluster.state, 'web');
    expect(waiting?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, waiting, 'FailedMount')?.message).toContain('absent');
  });

  it('R63: an optional configMap that does not exist mounts as an empty directory and the pod runs', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pod('web', { volumes: [configVolume({ name: 'nowhere', optional: true })] }));
    expect(podIn(cluster.state, 'web')?.status?.phase).toBe('Running');
    expect(read(cluster, 'web', '/config/anything')).toBeUndefined();
    expect(eventOf(cluster.state, podIn(cluster.state, 'web'), 'FailedMount')).toBeUndefined();
  });

  it('R63: a missing configMap blocks the pod, which starts once the configMap is created', () => {
    const cluster = newCluster();
    const changes = applyAndSettle(cluster, pod('web', { volumes: [configVolume({ name: 'later' })] }));
    const waiting = podIn(cluster.state, 'web');
    expect(waiting?.spec?.nodeName).toBe('node-1');
    expect(waiting?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, waiting, 'FailedMount')?.message).toBe(
      'MountVolume.SetUp failed for volume "config" : configmap "later" not found',
    );
    expect(changesWhere(changes, { actor: 'kubelet', rule: 'R63', action: 'event' })).toHaveLength(1);
    applyAndSettle(cluster, configMap('later', { k: 'v' }));
    expect(podIn(cluster.state, 'web')?.status?.phase).toBe('Running');
    expect(read(cluster, 'web', '/config/k')).toBe('v');
  });

  it('R63: configMap files are read-only', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      configMap('app', { mode: 'prod' }),
      pod('web', { volumes: [configVolume({ name: 'app' })] }),
    );
    expect(writeError(cluster, 'web', '/config/mode')).toContain('Read-only file system');
  });
});

describe('kubelet: emptyDir and the container filesystem (R62)', () => {
  it('R62: files outside every volume are lost on a crash; files in the emptyDir are kept', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pod('app', { volumes: [{ name: 'scratch', emptyDir: {} }] }));
    expect(cluster.write({ name: 'app' }, '/tmp/layer.txt', 'ephemeral').ok).toBe(true);
    expect(cluster.write({ name: 'app' }, '/scratch/kept.txt', 'kept').ok).toBe(true);
    expect(read(cluster, 'app', '/tmp/layer.txt')).toBe('ephemeral');
    expect(cluster.crash({ name: 'app' }).ok).toBe(true);
    settle(cluster);
    expect(read(cluster, 'app', '/tmp/layer.txt')).toBeUndefined();
    expect(read(cluster, 'app', '/scratch/kept.txt')).toBe('kept');
    expect(podIn(cluster.state, 'app')?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });

  it('R62: the emptyDir is deleted with the pod, and a new pod of the same name starts empty', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pod('app', { volumes: [{ name: 'scratch', emptyDir: {} }] }));
    expect(cluster.write({ name: 'app' }, '/scratch/a.txt', 'one').ok).toBe(true);
    const [first] = assetIds(cluster.state, 'emptydir:');
    remove(cluster, POD('app'));
    const changes = settle(cluster);
    expect(podIn(cluster.state, 'app')).toBeUndefined();
    expect(assetIds(cluster.state, 'emptydir:')).toEqual([]);
    expect(changesWhere(changes, { actor: 'kubelet', rule: 'R62', action: 'asset-delete' })).toHaveLength(1);

    applyAndSettle(cluster, pod('app', { volumes: [{ name: 'scratch', emptyDir: {} }] }));
    const [second] = assetIds(cluster.state, 'emptydir:');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(read(cluster, 'app', '/scratch/a.txt')).toBeUndefined();
  });

  it('R62: two pods never share an emptyDir', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pod('one', { volumes: [{ name: 'scratch', emptyDir: {} }] }),
      pod('two', { volumes: [{ name: 'scratch', emptyDir: {} }] }),
    );
    expect(cluster.write({ name: 'one' }, '/scratch/f', 'from one').ok).toBe(true);
    expect(read(cluster, 'two', '/scratch/f')).toBeUndefined();
    expect(assetIds(cluster.state, 'emptydir:')).toHaveLength(2);
  });
});

describe('kubelet: read-only mounts and claims (R60, R61)', () => {
  it('a volumeMount with readOnly refuses writes, while another mount of the same claim can write', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(
      cluster,
      pod('reader', { volumes: [claimVolume('data')], readOnly: { data: true } }),
      pod('writer', { volumes: [claimVolume('data')] }),
    );
    expect(writeError(cluster, 'reader', '/data/f')).toContain('Read-only file system');
    expect(cluster.write({ name: 'writer' }, '/data/f', 'shared').ok).toBe(true);
    // R61: the same claim, the same data.
    expect(read(cluster, 'reader', '/data/f')).toBe('shared');
  });

  it('a persistentVolumeClaim volume marked readOnly refuses writes', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(
      cluster,
      pod('app', {
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data', readOnly: true } }],
      }),
    );
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
    expect(writeError(cluster, 'app', '/data/f')).toContain('Read-only file system');
  });

  it('access modes do not write-protect a mount: a ReadOnlyMany volume is writable unless the pod says readOnly', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { accessModes: ['ReadOnlyMany'] }));
    applyAndSettle(cluster, pvc('data', { accessModes: ['ReadOnlyMany'] }));
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(cluster.write({ name: 'app' }, '/data/f', 'x').ok).toBe(true);
  });

  it('R60: a pod placed on a node with an unbound claim is ContainerCreating until the claim binds', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')], nodeName: 'node-1' }));
    const waiting = podIn(cluster.state, 'app');
    expect(waiting?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, waiting, 'FailedMount')?.message).toContain('PVC is not bound');
    applyAndSettle(cluster, pv('pv-1'));
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });

  it('R60: kubelet on a NotReady node does not start the pod until the node is Ready again', () => {
    const cluster = newCluster();
    cluster.fault({ node: 'node-1' }, 'kubelet down');
    applyAndSettle(cluster, pod('app', { nodeName: 'node-1' }));
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Pending');
    expect(cluster.write({ name: 'app' }, '/f', 'x').ok).toBe(false);
    cluster.clearFault({ node: 'node-1' });
    settle(cluster);
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });
});

describe('kubelet: hostPath (R64)', () => {
  it('R64: a hostPath pod volume is a directory on the pod node, kept after the pod is deleted', () => {
    const cluster = newCluster({
      nodes: [
        { name: 'node-a', zone: 'zone-a' },
        { name: 'node-b', zone: 'zone-a' },
      ],
    });
    const host = (name: string, node: string) =>
      pod(name, { nodeName: node, volumes: [{ name: 'host', hostPath: { path: '/var/data' } }] });
    applyAndSettle(cluster, host('on-a', 'node-a'));
    expect(cluster.write({ name: 'on-a' }, '/host/f', 'on a').ok).toBe(true);
    remove(cluster, POD('on-a'));
    settle(cluster);
    expect(cluster.state.infra.assets['dir:node-a:/var/data']?.files).toEqual({ f: 'on a' });
    applyAndSettle(cluster, host('on-b', 'node-b'), host('again-a', 'node-a'));
    expect(read(cluster, 'on-b', '/host/f')).toBeUndefined();
    expect(read(cluster, 'again-a', '/host/f')).toBe('on a');
  });

  it('R64: hostPath type Directory that does not exist yet fails the mount', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      pod('app', { volumes: [{ name: 'host', hostPath: { path: '/srv/missing', type: 'Directory' } }] }),
    );
    const waiting = podIn(cluster.state, 'app');
    expect(waiting?.status?.phase).toBe('Pending');
    expect(eventOf(cluster.state, waiting, 'FailedMount')?.message).toContain('hostPath type check failed');
  });
});
