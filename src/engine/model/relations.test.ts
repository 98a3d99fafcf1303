import { describe, expect, it } from 'vitest';
import {
  applyAndSettle,
  claimVolume,
  configMap,
  editObject,
  namespace,
  newCluster,
  pod,
  pv,
  pvc,
  remove,
  settle,
  storageClass,
} from '../controllers/test-support';
import type { ClusterState } from '../sim/state';
import type { Relation, RelationEnd, RelationName } from './relations';
import { RELATION_KINDS, allRelations, outgoing, referrers, relationEndKey } from './relations';
import { ANN_BETA_STORAGE_CLASS } from './well-known';

const podRef = (name: string, ns = 'default') => ({ kind: 'Pod', namespace: ns, name }) as const;
const claimRef = (name: string, ns = 'default') =>
  ({ kind: 'PersistentVolumeClaim', namespace: ns, name }) as const;
const volumeRef = (name: string) => ({ kind: 'PersistentVolume', name }) as const;

/** The relations of one name from `from`, as "target (exists|missing) <- field" lines. */
function named(state: ClusterState, from: RelationEnd, name: RelationName): string[] {
  return outgoing(state, from)
    .filter((item) => item.name === name)
    .map((item) => `${relationEndKey(item.to)} ${item.targetExists ? 'exists' : 'missing'} <- ${item.field}`);
}

function staticChain() {
  const cluster = newCluster();
  applyAndSettle(
    cluster,
    pv('pv-1', { source: { hostPath: { path: '/mnt/pv-1' } }, reclaimPolicy: 'Retain' }),
    pvc('data'),
    pod('app', { volumes: [claimVolume('data')] }),
  );
  return cluster;
}

describe('relations table', () => {
  it('follows a pod to its claim, the claim to its volume, and the volume to the directory on the node', () => {
    const { state } = staticChain();
    expect(named(state, podRef('app'), 'mounts-claim')).toEqual([
      'PersistentVolumeClaim/default/data exists <- spec.volumes[0].persistentVolumeClaim.claimName',
    ]);
    expect(named(state, podRef('app'), 'runs-on')).toEqual(['Node/node-1 exists <- spec.nodeName']);
    expect(named(state, claimRef('data'), 'claims-volume')).toEqual([
      'PersistentVolume/pv-1 exists <- spec.volumeName',
    ]);
    expect(named(state, volumeRef('pv-1'), 'bound-to-claim')).toEqual([
      'PersistentVolumeClaim/default/data exists <- spec.claimRef',
    ]);
    const [storage] = outgoing(state, volumeRef('pv-1')).filter((item) => item.name === 'stored-on');
    expect(storage?.to).toEqual({ kind: 'Asset', id: 'dir:node-1:/mnt/pv-1' });
    expect(storage?.field).toMatch(/^infra\.pods\[.+\]\.mounts\[data\]\.assetId$/);
    expect(named(state, { kind: 'Asset', id: 'dir:node-1:/mnt/pv-1' }, 'located-on')).toEqual([
      'Node/node-1 exists <- infra.assets[dir:node-1:/mnt/pv-1].node',
    ]);
  });

  it("resolves a pod's claimName in the pod's own namespace", () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      namespace('team-a'),
      pvc('data'),
      pod('app', { namespace: 'team-a', volumes: [claimVolume('data')] }),
    );
    expect(named(cluster.state, podRef('app', 'team-a'), 'mounts-claim')).toEqual([
      'PersistentVolumeClaim/team-a/data missing <- spec.volumes[0].persistentVolumeClaim.claimName',
    ]);
    // The claim of the same name in "default" is not the pod's.
    expect(referrers(cluster.state, claimRef('data'))).toEqual([]);
    applyAndSettle(cluster, pvc('data', { namespace: 'team-a' }));
    expect(referrers(cluster.state, claimRef('data', 'team-a')).map((item) => item.from)).toEqual([
      podRef('app', 'team-a'),
    ]);
  });

  it("reads a claim's class as the binder does: the beta annotation wins, and an empty class is none", () => {
    const cluster = newCluster();
    applyAndSettle(cluster, storageClass('fast', 'ebs.csi.aws.com'), storageClass('slow', 'ebs.csi.aws.com'));
    const annotated = pvc('annotated', { storageClassName: 'fast' });
    const emptied = pvc('emptied', { storageClassName: 'fast' });
    applyAndSettle(
      cluster,
      {
        ...annotated,
        metadata: { ...annotated.metadata, annotations: { [ANN_BETA_STORAGE_CLASS]: 'slow' } },
      },
      { ...emptied, metadata: { ...emptied.metadata, annotations: { [ANN_BETA_STORAGE_CLASS]: '' } } },
      pvc('plain', { storageClassName: 'fast' }),
      pvc('classless'),
    );
    const { state } = cluster;
    expect(named(state, claimRef('annotated'), 'of-class')).toEqual([
      `StorageClass/slow exists <- metadata.annotations[${ANN_BETA_STORAGE_CLASS}]`,
    ]);
    expect(named(state, claimRef('emptied'), 'of-class')).toEqual([]);
    expect(named(state, claimRef('plain'), 'of-class')).toEqual([
      'StorageClass/fast exists <- spec.storageClassName',
    ]);
    expect(named(state, claimRef('classless'), 'of-class')).toEqual([]);
  });

  it('reports a class that does not exist as a dangling relation', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pvc('manual-claim', { storageClassName: 'manual' }));
    expect(named(cluster.state, claimRef('manual-claim'), 'of-class')).toEqual([
      'StorageClass/manual missing <- spec.storageClassName',
    ]);
  });

  it('reports a missing ConfigMap as dangling, and referrers of the missing one find the pod', () => {
    const cluster = newCluster();
    const settings = { kind: 'ConfigMap', namespace: 'default', name: 'settings' } as const;
    applyAndSettle(cluster, pod('web', { volumes: [{ name: 'config', configMap: { name: 'settings' } }] }));
    expect(named(cluster.state, podRef('web'), 'mounts-config')).toEqual([
      'ConfigMap/default/settings missing <- spec.volumes[0].configMap.name',
    ]);
    expect(referrers(cluster.state, settings).map((item) => [item.name, item.targetExists])).toEqual([
      ['mounts-config', false],
    ]);
    applyAndSettle(cluster, configMap('settings', { mode: 'fast' }));
    expect(named(cluster.state, podRef('web'), 'mounts-config')).toEqual([
      'ConfigMap/default/settings exists <- spec.volumes[0].configMap.name',
    ]);
  });

  it("reads the ConfigMaps of a projected volume's sources", () => {
    const cluster = newCluster();
    applyAndSettle(cluster, configMap('one', { a: '1' }), pod('web'));
    // The API refuses projected volumes (not simulated), but an imported state may hold one.
    editObject(cluster, 'Pod', { name: 'web' }, (object) => ({
      ...object,
      spec: {
        containers: object.spec?.containers ?? [],
        volumes: [
          {
            name: 'bundle',
            projected: {
              sources: [
                { configMap: { name: 'one' } },
                { secret: { name: 's' } },
                { configMap: { name: 'two' } },
              ],
            },
          },
        ],
      },
    }));
    expect(named(cluster.state, podRef('web'), 'mounts-config')).toEqual([
      'ConfigMap/default/one exists <- spec.volumes[0].projected.sources[0].configMap.name',
      'ConfigMap/default/two missing <- spec.volumes[0].projected.sources[2].configMap.name',
    ]);
  });

  it('links a provisioned volume to its driver and its disk, and the disk to the driver', () => {
    const cluster = newCluster();
    applyAndSettle(
      cluster,
      storageClass('fast', 'ebs.csi.aws.com'),
      pvc('data', { storageClassName: 'fast' }),
      pod('app', { volumes: [claimVolume('data')] }),
    );
    const { state } = cluster;
    const volumeName = state.objects.PersistentVolumeClaim['default/data']?.spec?.volumeName ?? '';
    expect(named(state, volumeRef(volumeName), 'provisioned-by')).toEqual([
      'Driver/ebs.csi.aws.com exists <- metadata.annotations[pv.kubernetes.io/provisioned-by]',
    ]);
    expect(named(state, volumeRef(volumeName), 'of-class')).toEqual([
      'StorageClass/fast exists <- spec.storageClassName',
    ]);
    const disks = outgoing(state, volumeRef(volumeName)).filter((item) => item.name === 'stored-on');
    expect(disks).toHaveLength(1);
    const disk = disks[0]?.to ?? { kind: 'Asset', id: '' };
    expect(named(state, disk, 'served-by')).toEqual([
      expect.stringMatching(/^Driver\/ebs\.csi\.aws\.com exists <- infra\.assets\[disk:.+\]\.driver$/),
    ]);
    expect(referrers(state, { kind: 'Driver', name: 'ebs.csi.aws.com' }).map((item) => item.name)).toEqual([
      'provisioned-by',
      'served-by',
    ]);
  });

  it("does not count a claim recreated under the same name as the one a volume's claimRef points to", () => {
    const cluster = staticChain();
    remove(cluster, podRef('app'));
    remove(cluster, claimRef('data'));
    settle(cluster);
    applyAndSettle(cluster, pvc('data', { request: '5Gi' }));
    // pv-1 (Retain) is Released and still holds the old claim's uid; the new claim is someone else.
    expect(cluster.state.objects.PersistentVolume['pv-1']?.status?.phase).toBe('Released');
    expect(named(cluster.state, volumeRef('pv-1'), 'bound-to-claim')).toEqual([
      'PersistentVolumeClaim/default/data missing <- spec.claimRef',
    ]);
  });

  it('links a pod to the emptyDir kubelet made for it, once it is mounted', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pod('scratch', { volumes: [{ name: 'cache', emptyDir: {} }] }));
    const [scratch] = outgoing(cluster.state, podRef('scratch')).filter(
      (item) => item.name === 'mounts-empty-dir',
    );
    expect(relationEndKey(scratch?.to ?? { kind: 'Asset', id: '' })).toMatch(/^Asset\/emptydir:.+:cache$/);
    expect(scratch?.targetExists).toBe(true);
    expect(scratch?.field).toBe('spec.volumes[0].emptyDir');
  });

  it('answers outgoing and referrers from the same relations as allRelations, built once per state', () => {
    const { state } = staticChain();
    const all = allRelations(state);
    expect(allRelations(state)).toBe(all);
    const key = (item: Relation) =>
      `${item.name}:${relationEndKey(item.from)}->${relationEndKey(item.to)}:${item.field}`;
    for (const item of all) {
      expect(outgoing(state, item.from).map(key)).toContain(key(item));
      expect(referrers(state, item.to).map(key)).toContain(key(item));
    }
    // Nothing is lost or counted twice: the outgoing lists of all sources add up to the whole.
    const sources = new Map(all.map((item) => [relationEndKey(item.from), item.from]));
    const total = [...sources.values()].reduce((sum, from) => sum + outgoing(state, from).length, 0);
    expect(total).toBe(all.length);
  });

  it('documents every relation with the kinds it links and the fields it reads', () => {
    for (const kind of RELATION_KINDS) {
      expect(kind.reads.length, kind.name).toBeGreaterThan(0);
      expect(kind.label, kind.name).not.toBe('');
    }
    expect(RELATION_KINDS.filter((kind) => kind.name === 'of-class').map((kind) => kind.from)).toEqual([
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
  });
});
