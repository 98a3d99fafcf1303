import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { NodeConfig } from '../sim/initial';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  LABEL_HOSTNAME,
  LABEL_ZONE,
} from '../model/well-known';
import {
  apply,
  applyAndSettle,
  changesWhere,
  claim,
  claimVolume,
  editObject,
  eventOf,
  newCluster,
  patch,
  pod,
  podIn,
  pv,
  pvc,
  remove,
  requireLabel,
  settle,
  storageClass,
  volume,
} from './test-support';

const NODES: readonly NodeConfig[] = [
  { name: 'node-a', zone: 'zone-a', labels: { [LABEL_HOSTNAME]: 'node-a' } },
  { name: 'node-b', zone: 'zone-b', labels: { [LABEL_HOSTNAME]: 'node-b' } },
];

const POD = (name: string) => ({ kind: 'Pod' as const, namespace: 'default', name });
const PVC = (name: string) => ({ kind: 'PersistentVolumeClaim' as const, namespace: 'default', name });

function schedulingMessage(cluster: Cluster, name: string): string | undefined {
  return eventOf(cluster.state, podIn(cluster.state, name), 'FailedScheduling')?.message;
}

/** Class "local" (no provisioner, WaitForFirstConsumer) with the given static volumes. */
function localVolumes(cluster: Cluster, ...volumes: ReturnType<typeof pv>[]): void {
  applyAndSettle(
    cluster,
    storageClass('local', 'kubernetes.io/no-provisioner', { volumeBindingMode: 'WaitForFirstConsumer' }),
    ...volumes,
  );
}

describe('scheduler: node filters', () => {
  it('a nodeSelector that no node matches leaves the pod Pending with the affinity/selector message', () => {
    const cluster = newCluster({ nodes: NODES });
    const changes = applyAndSettle(cluster, pod('app', { nodeSelector: { disk: 'ssd' } }));
    const pending = podIn(cluster.state, 'app');
    expect(pending?.spec?.nodeName).toBeUndefined();
    expect(pending?.status?.phase).toBe('Pending');
    expect(schedulingMessage(cluster, 'app')).toMatch(
      /^0\/2 nodes are available: 2 node\(s\) didn't match Pod's node affinity\/selector\./,
    );
    expect(pending?.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }),
    );
    const failure = changesWhere(changes, { actor: 'default-scheduler', action: 'event' });
    expect(failure.length).toBeGreaterThan(0);
    // Not a storage reason, so no storage rule is claimed.
    expect(failure.every((change) => change.rule === undefined)).toBe(true);
  });

  it('a NotReady node gets no new pods; the pod is placed once the node recovers', () => {
    const cluster = newCluster();
    expect(cluster.fault({ node: 'node-1' }, 'kubelet stopped').ok).toBe(true);
    applyAndSettle(cluster, pod('app'));
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBeUndefined();
    expect(schedulingMessage(cluster, 'app')).toContain('1 node(s) had untolerated taint');
    cluster.clearFault({ node: 'node-1' });
    settle(cluster);
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBe('node-1');
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });

  it('a NotReady node is skipped while another node is Ready', () => {
    const cluster = newCluster({ nodes: NODES });
    cluster.fault({ node: 'node-a' }, 'network partition');
    applyAndSettle(cluster, pod('app'));
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBe('node-b');
  });

  it('a successful placement writes nodeName and a Scheduled event', () => {
    const cluster = newCluster({ nodes: NODES });
    const changes = applyAndSettle(cluster, pod('app', { nodeSelector: { [LABEL_HOSTNAME]: 'node-b' } }));
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBe('node-b');
    expect(eventOf(cluster.state, podIn(cluster.state, 'app'), 'Scheduled')?.message).toBe(
      'Successfully assigned default/app to node-b',
    );
    expect(changesWhere(changes, { actor: 'default-scheduler', action: 'update', name: 'app' })).toHaveLength(
      1,
    );
  });
});

describe('scheduler: claims that block a pod before any node (R44, R47)', () => {
  it('R47: a pod whose claim is missing is unschedulable until the claim exists and binds', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(schedulingMessage(cluster, 'app')).toContain('persistentvolumeclaim "data" not found');
    applyAndSettle(cluster, pv('pv-1'), pvc('data'));
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });

  it('R44: a new pod is not scheduled while its claim is being deleted', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(cluster, pod('first', { volumes: [claimVolume('data')] }));
    remove(cluster, PVC('data'));
    settle(cluster);
    const changes = applyAndSettle(cluster, pod('second', { volumes: [claimVolume('data')] }));
    expect(podIn(cluster.state, 'second')?.spec?.nodeName).toBeUndefined();
    expect(schedulingMessage(cluster, 'second')).toContain('persistentvolumeclaim "data" is being deleted');
    expect(changesWhere(changes, { actor: 'default-scheduler', rule: 'R47', name: 'second' })).not.toEqual(
      [],
    );
  });

  it('R47: a pod whose claim is Lost is unschedulable with "bound to non-existent persistentvolume"', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    applyAndSettle(cluster, pvc('data'));
    remove(cluster, { kind: 'PersistentVolume', name: 'pv-1' });
    patch(cluster, { kind: 'PersistentVolume', name: 'pv-1' }, { metadata: { finalizers: null } });
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Lost');
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(schedulingMessage(cluster, 'app')).toContain(
      'persistentvolumeclaim "data" bound to non-existent persistentvolume "pv-1"',
    );
  });
});

describe('scheduler: ReadWriteOncePod (R54)', () => {
  it('R54: the second pod waits with the RWOP message and is scheduled once the first pod is deleted', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { accessModes: ['ReadWriteOncePod'] }));
    applyAndSettle(cluster, pvc('solo', { accessModes: ['ReadWriteOncePod'] }));
    applyAndSettle(cluster, pod('first', { volumes: [claimVolume('solo')] }));
    const changes = applyAndSettle(cluster, pod('second', { volumes: [claimVolume('solo')] }));
    expect(podIn(cluster.state, 'second')?.spec?.nodeName).toBeUndefined();
    expect(schedulingMessage(cluster, 'second')).toContain(
      '1 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode',
    );
    expect(changesWhere(changes, { rule: 'R54', actor: 'default-scheduler' })).not.toEqual([]);
    remove(cluster, POD('first'));
    settle(cluster);
    expect(podIn(cluster.state, 'second')?.status?.phase).toBe('Running');
  });

  it('R54: a pod that has finished (Succeeded) does not hold a ReadWriteOncePod claim', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1', { accessModes: ['ReadWriteOncePod'] }));
    applyAndSettle(cluster, pvc('solo', { accessModes: ['ReadWriteOncePod'] }));
    applyAndSettle(cluster, pod('first', { volumes: [claimVolume('solo')] }));
    editObject(cluster, 'Pod', { name: 'first' }, (object) => ({
      ...object,
      status: { ...object.status, phase: 'Succeeded' },
    }));
    applyAndSettle(cluster, pod('second', { volumes: [claimVolume('solo')] }));
    expect(podIn(cluster.state, 'second')?.spec?.nodeName).toBe('node-1');
  });

  it('R55: two pods may share a ReadWriteOnce claim on the same node', () => {
    const cluster = newCluster();
    applyAndSettle(cluster, pv('pv-1'));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(
      cluster,
      pod('one', { volumes: [claimVolume('data')] }),
      pod('two', { volumes: [claimVolume('data')] }),
    );
    expect(podIn(cluster.state, 'one')?.status?.phase).toBe('Running');
    expect(podIn(cluster.state, 'two')?.status?.phase).toBe('Running');
  });
});

describe('scheduler: volume node affinity (R48)', () => {
  it('R48: a pod follows its bound volume to the only node its node affinity allows', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(cluster, pv('pv-b', { nodeAffinity: requireLabel(LABEL_ZONE, 'zone-b') }));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBe('node-b');
  });

  it('R48: no node satisfies the volume node affinity: "volume node affinity conflict"', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(cluster, pv('pv-c', { nodeAffinity: requireLabel(LABEL_ZONE, 'zone-c') }));
    applyAndSettle(cluster, pvc('data'));
    const changes = applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBeUndefined();
    expect(schedulingMessage(cluster, 'app')).toContain('2 node(s) had volume node affinity conflict');
    expect(changesWhere(changes, { rule: 'R48', actor: 'default-scheduler', name: 'app' })).not.toEqual([]);
  });

  it('R48: the nodeSelector and the volume affinity combine: both reasons are counted', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(cluster, pv('pv-b', { nodeAffinity: requireLabel(LABEL_ZONE, 'zone-b') }));
    applyAndSettle(cluster, pvc('data'));
    applyAndSettle(
      cluster,
      pod('app', { volumes: [claimVolume('data')], nodeSelector: { [LABEL_HOSTNAME]: 'node-a' } }),
    );
    const message = schedulingMessage(cluster, 'app') ?? '';
    expect(message).toContain("1 node(s) didn't match Pod's node affinity/selector");
    expect(message).toContain('1 node(s) had volume node affinity conflict');
  });
});

describe('scheduler: WaitForFirstConsumer binding (R51, R52)', () => {
  it('R52: the scheduler reserves the static volume (claimRef + bound-by-controller), the binder completes it', () => {
    const cluster = newCluster({ nodes: NODES });
    localVolumes(
      cluster,
      pv('local-b', {
        storageClassName: 'local',
        source: { local: { path: '/mnt/disks/b' } },
        nodeAffinity: requireLabel(LABEL_HOSTNAME, 'node-b'),
      }),
    );
    applyAndSettle(cluster, pvc('data', { storageClassName: 'local' }));
    const changes = applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    const reserve = changesWhere(changes, {
      actor: 'default-scheduler',
      rule: 'R52',
      kind: 'PersistentVolume',
    });
    expect(reserve.map((change) => change.object?.name)).toEqual(['local-b']);
    expect(volume(cluster.state, 'local-b')?.metadata?.annotations?.[ANN_BOUND_BY_CONTROLLER]).toBe('yes');
    const bound = claim(cluster.state, 'data');
    expect(bound?.spec?.volumeName).toBe('local-b');
    expect(bound?.metadata?.annotations?.[ANN_BIND_COMPLETED]).toBe('yes');
    expect(bound?.metadata?.annotations?.[ANN_SELECTED_NODE]).toBeUndefined();
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBe('node-b');
  });

  it('R52: the pod gets its node only after its claim is fully bound', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(
      cluster,
      storageClass('fast', 'ebs.csi.aws.com', { volumeBindingMode: 'WaitForFirstConsumer' }),
    );
    applyAndSettle(cluster, pvc('data', { storageClassName: 'fast' }));
    apply(
      cluster,
      pod('app', { volumes: [claimVolume('data')], nodeSelector: { [LABEL_HOSTNAME]: 'node-a' } }),
    );
    cluster.step();
    expect(claim(cluster.state, 'data')?.metadata?.annotations?.[ANN_SELECTED_NODE]).toBe('node-a');
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBeUndefined();
    settle(cluster);
    expect(claim(cluster.state, 'data')?.status?.phase).toBe('Bound');
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBe('node-a');
  });

  it("R51: a pod's delayed claims are matched smallest request first, each to the smallest free volume", () => {
    const cluster = newCluster();
    localVolumes(
      cluster,
      pv('pv-6', { capacity: '6Gi', storageClassName: 'local' }),
      pv('pv-10', { capacity: '10Gi', storageClassName: 'local' }),
    );
    applyAndSettle(
      cluster,
      pvc('big', { storageClassName: 'local', request: '5Gi' }),
      pvc('small', { storageClassName: 'local', request: '1Gi' }),
    );
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('big'), claimVolume('small')] }));
    expect(claim(cluster.state, 'small')?.spec?.volumeName).toBe('pv-6');
    expect(claim(cluster.state, 'big')?.spec?.volumeName).toBe('pv-10');
    expect(podIn(cluster.state, 'app')?.status?.phase).toBe('Running');
  });

  it("R51: a volume chosen for one claim is not offered to the pod's other claim", () => {
    const cluster = newCluster();
    localVolumes(cluster, pv('only', { capacity: '10Gi', storageClassName: 'local' }));
    applyAndSettle(
      cluster,
      pvc('one', { storageClassName: 'local' }),
      pvc('two', { storageClassName: 'local' }),
    );
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('one'), claimVolume('two')] }));
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBeUndefined();
    expect(schedulingMessage(cluster, 'app')).toContain("didn't find available persistent volumes to bind");
    expect(volume(cluster.state, 'only')?.spec?.claimRef).toBeUndefined();
  });

  it('R51: the scheduler matches access modes without grouping, by all requested modes', () => {
    const cluster = newCluster();
    localVolumes(
      cluster,
      pv('rox-only', { capacity: '1Gi', storageClassName: 'local', accessModes: ['ReadOnlyMany'] }),
      pv('many', {
        capacity: '5Gi',
        storageClassName: 'local',
        accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
      }),
    );
    applyAndSettle(cluster, pvc('data', { storageClassName: 'local', accessModes: ['ReadWriteOnce'] }));
    applyAndSettle(cluster, pod('app', { volumes: [claimVolume('data')] }));
    expect(claim(cluster.state, 'data')?.spec?.volumeName).toBe('many');
  });

  it('R51: a claim already selected for another node rejects this node', () => {
    const cluster = newCluster({ nodes: NODES });
    // A provisioner that is not running, so the selected claim stays unbound.
    applyAndSettle(
      cluster,
      storageClass('slow', 'example.com/not-running', { volumeBindingMode: 'WaitForFirstConsumer' }),
    );
    applyAndSettle(cluster, pvc('data', { storageClassName: 'slow' }));
    patch(cluster, PVC('data'), { metadata: { annotations: { [ANN_SELECTED_NODE]: 'node-a' } } });
    applyAndSettle(
      cluster,
      pod('app', { volumes: [claimVolume('data')], nodeSelector: { [LABEL_HOSTNAME]: 'node-b' } }),
    );
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBeUndefined();
    const message = schedulingMessage(cluster, 'app') ?? '';
    expect(message).toContain("1 node(s) didn't find available persistent volumes to bind");
    expect(message).toContain("1 node(s) didn't match Pod's node affinity/selector");
    expect(claim(cluster.state, 'data')?.metadata?.annotations?.[ANN_SELECTED_NODE]).toBe('node-a');
  });

  it('R51: a class whose allowedTopologies exclude the node leaves the pod unschedulable there', () => {
    const cluster = newCluster({ nodes: NODES });
    applyAndSettle(cluster, {
      ...storageClass('zonal', 'ebs.csi.aws.com', { volumeBindingMode: 'WaitForFirstConsumer' }),
      allowedTopologies: [{ matchLabelExpressions: [{ key: LABEL_ZONE, values: ['zone-a'] }] }],
    });
    applyAndSettle(cluster, pvc('data', { storageClassName: 'zonal' }));
    applyAndSettle(
      cluster,
      pod('app', { volumes: [claimVolume('data')], nodeSelector: { [LABEL_HOSTNAME]: 'node-b' } }),
    );
    expect(podIn(cluster.state, 'app')?.spec?.nodeName).toBeUndefined();
    expect(schedulingMessage(cluster, 'app')).toContain(
      "1 node(s) didn't find available persistent volumes to bind",
    );
    expect(claim(cluster.state, 'data')?.metadata?.annotations?.[ANN_SELECTED_NODE]).toBeUndefined();
  });
});
