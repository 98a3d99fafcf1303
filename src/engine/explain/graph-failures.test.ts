import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { SANDBOX_OPTIONS } from '../sim/initial';
import type { GraphFailure, GraphFailureKind } from './graph-failures';
import { graphFailures } from './graph-failures';
import { applySettled, claim, podUsing, settled, storageClass, volume } from './test-support';

/** The sandbox the app runs: node-a and node-b in zone-a, node-c in zone-b, every driver. */
const inSandbox = (manifests: string) => settled(manifests, SANDBOX_OPTIONS);

function failuresOf<K extends GraphFailureKind>(cluster: Cluster, kind: K) {
  return graphFailures(cluster.state).filter(
    (failure): failure is Extract<GraphFailure, { kind: K }> => failure.kind === kind,
  );
}

const hostPathVolume = (name: string, size: string, extra = '') =>
  volume(
    name,
    `  capacity: { storage: ${size} }\n  accessModes: [ReadWriteOnce]\n  hostPath: { path: /tmp/${name} }\n${extra}`,
  );
const noClassClaim = (name: string, size: string, extra = '') =>
  claim(
    name,
    `  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: ${size} } }\n${extra}`,
  );
const DATA = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' } as const;

describe('a Pending claim and the volume closest to fitting it', () => {
  it('labels the first failing criterion in a few words: capacity as "1Gi < 20Gi"', () => {
    const cluster = inSandbox(hostPathVolume('small', '1Gi') + noClassClaim('data', '20Gi'));
    expect(failuresOf(cluster, 'claim-closest')).toEqual([
      {
        kind: 'claim-closest',
        claim: DATA,
        volume: { kind: 'PersistentVolume', name: 'small' },
        criterion: 'capacity',
        label: '1Gi < 20Gi',
      },
    ]);
    expect(failuresOf(cluster, 'claim-alone')).toEqual([]);
  });

  it('does not flag a claim whose fitting volume was only just created (it has no phase yet)', () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    const applied = cluster.apply(hostPathVolume('fits', '5Gi') + noClassClaim('data', '2Gi'));
    expect(applied.ok).toBe(true);
    // Before any round: the volume is Pending, the claim too; the next pass makes it Available.
    expect(cluster.state.objects.PersistentVolume['fits']?.status?.phase ?? 'Pending').toBe('Pending');
    expect(graphFailures(cluster.state)).toEqual([]);
    // A just-created volume that would not fit anyway is still the closest miss.
    const tooSmall = new Cluster(SANDBOX_OPTIONS);
    tooSmall.apply(hostPathVolume('small', '1Gi') + noClassClaim('data', '2Gi'));
    expect(failuresOf(tooSmall, 'claim-closest').map((failure) => failure.volume.name)).toEqual(['small']);
  });

  it('picks the volume with the fewest failing criteria, a big-enough one before a too-small one', () => {
    const cluster = inSandbox(
      // Fails class and capacity: two criteria.
      hostPathVolume('a-two-wrong', '1Gi', '  storageClassName: slow\n') +
        // Fails capacity only, but is too small.
        hostPathVolume('b-small', '2Gi') +
        // Fails class only, and is big enough.
        hostPathVolume('c-other-class', '50Gi', '  storageClassName: fast\n') +
        noClassClaim('data', '10Gi'),
    );
    const [failure] = failuresOf(cluster, 'claim-closest');
    expect(failure?.volume.name).toBe('c-other-class');
    expect(failure?.label).toBe('class fast ≠ ""');
  });

  it('breaks ties by the smallest volume that is big enough, then by name', () => {
    const cluster = inSandbox(
      hostPathVolume('big', '100Gi', '  storageClassName: fast\n') +
        hostPathVolume('b-snug', '10Gi', '  storageClassName: fast\n') +
        hostPathVolume('a-snug', '10Gi', '  storageClassName: fast\n') +
        noClassClaim('data', '5Gi'),
    );
    expect(failuresOf(cluster, 'claim-closest')[0]?.volume.name).toBe('a-snug');
  });

  it('among too-small volumes, the nearest miss is closest', () => {
    const cluster = inSandbox(
      hostPathVolume('tiny', '1Gi') + hostPathVolume('almost', '8Gi') + noClassClaim('data', '10Gi'),
    );
    expect(failuresOf(cluster, 'claim-closest')[0]).toMatchObject({
      volume: { name: 'almost' },
      label: '8Gi < 10Gi',
    });
  });

  it('words access modes, volume mode and a volume claimed by another claim', () => {
    const modes = inSandbox(
      hostPathVolume('rwo', '5Gi') +
        claim(
          'data',
          '  storageClassName: ""\n  accessModes: [ReadWriteMany]\n  resources: { requests: { storage: 1Gi } }',
        ),
    );
    expect(failuresOf(modes, 'claim-closest')[0]?.label).toBe('ReadWriteMany missing');

    const block = inSandbox(
      hostPathVolume('raw', '5Gi', '  volumeMode: Block\n') + noClassClaim('data', '1Gi'),
    );
    expect(failuresOf(block, 'claim-closest')[0]?.label).toBe('Block ≠ Filesystem');

    const taken = inSandbox(hostPathVolume('only', '5Gi') + noClassClaim('first', '1Gi'));
    applySettled(taken, noClassClaim('data', '1Gi'));
    expect(failuresOf(taken, 'claim-closest')).toEqual([
      expect.objectContaining({
        claim: DATA,
        volume: { kind: 'PersistentVolume', name: 'only' },
        label: 'claimed by other',
      }),
    ]);
  });

  it('says a selector that matches no volume', () => {
    const cluster = inSandbox(
      volume(
        'silver',
        '  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce]\n  hostPath: { path: /tmp/s }',
        '{ tier: silver }',
      ) + noClassClaim('data', '1Gi', '  selector: { matchLabels: { tier: gold } }\n'),
    );
    expect(failuresOf(cluster, 'claim-closest')[0]).toMatchObject({
      criterion: 'selector',
      label: 'selector',
    });
  });

  it('matches a claim naming its volume against that volume only', () => {
    const cluster = inSandbox(
      hostPathVolume('named', '1Gi') +
        hostPathVolume('roomy', '50Gi') +
        noClassClaim('data', '5Gi', '  volumeName: named\n'),
    );
    expect(failuresOf(cluster, 'claim-closest')).toEqual([
      expect.objectContaining({ volume: { kind: 'PersistentVolume', name: 'named' }, label: '1Gi < 5Gi' }),
    ]);
    const waiting = inSandbox(noClassClaim('data', '5Gi', '  volumeName: later\n'));
    expect(failuresOf(waiting, 'claim-alone')).toEqual([
      { kind: 'claim-alone', claim: DATA, label: 'volume later not found' },
    ]);
  });
});

describe('a Pending claim with nothing to compare', () => {
  it('says no volume fits and there is no class', () => {
    const cluster = inSandbox(noClassClaim('data', '1Gi'));
    expect(failuresOf(cluster, 'claim-alone')).toEqual([
      { kind: 'claim-alone', claim: DATA, label: 'no volume fits, no class' },
    ]);
  });

  it('names a class that does not exist, and a provisioner that is not running', () => {
    const missingClass = inSandbox(
      claim(
        'data',
        '  storageClassName: nope\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }',
      ),
    );
    expect(failuresOf(missingClass, 'claim-alone')[0]?.label).toBe('class nope not found');

    const notRunning = inSandbox(
      storageClass('elsewhere', 'provisioner: example.com/elsewhere') +
        claim(
          'data',
          '  storageClassName: elsewhere\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }',
        ),
    );
    expect(failuresOf(notRunning, 'claim-alone')[0]?.label).toBe('example.com/elsewhere not running');
  });

  it('is no failure while a WaitForFirstConsumer claim waits for its pod, or a provisioner works', () => {
    const waiting = inSandbox(
      storageClass(
        'local',
        'provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer',
      ) +
        claim(
          'data',
          '  storageClassName: local\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }',
        ),
    );
    expect(graphFailures(waiting.state)).toEqual([]);

    const provisioned = inSandbox(
      storageClass('nfs', 'provisioner: nfs.csi.k8s.io') +
        claim(
          'data',
          '  storageClassName: nfs\n  accessModes: [ReadWriteMany]\n  resources: { requests: { storage: 1Gi } }',
        ),
    );
    expect(provisioned.state.objects.PersistentVolumeClaim['default/data']?.status?.phase).toBe('Bound');
    expect(graphFailures(provisioned.state)).toEqual([]);
  });
});

describe('pods that cannot start', () => {
  const zonalDisk = `
apiVersion: v1
kind: PersistentVolume
metadata: { name: disk-a }
spec:
  capacity: { storage: 5Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  csi: { driver: ebs.csi.aws.com, volumeHandle: vol-0a }
  nodeAffinity:
    required:
      nodeSelectorTerms:
        - matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [zone-a] }]
---
`;

  it('draws a zone conflict from the pod to the volume whose node affinity rules its node out', () => {
    const cluster = inSandbox(
      zonalDisk +
        noClassClaim('data', '1Gi') +
        podUsing('web', 'data', '  nodeSelector: { kubernetes.io/hostname: node-c }\n'),
    );
    expect(cluster.state.objects.Pod['default/web']?.spec?.nodeName).toBeUndefined();
    expect(failuresOf(cluster, 'pod-zone')).toEqual([
      {
        kind: 'pod-zone',
        pod: { kind: 'Pod', namespace: 'default', name: 'web' },
        target: { volume: { kind: 'PersistentVolume', name: 'disk-a' } },
        label: 'disk in zone-a',
      },
    ]);
  });

  it('says which node a node-local volume is on, and is quiet once the pod may go there', () => {
    const local = (nodeSelector: string) =>
      inSandbox(
        hostPathVolume(
          'local-a',
          '5Gi',
          '  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions: [{ key: kubernetes.io/hostname, operator: In, values: [node-a] }]\n',
        ) +
          noClassClaim('data', '1Gi') +
          podUsing('web', 'data', nodeSelector),
      );
    expect(
      failuresOf(local('  nodeSelector: { kubernetes.io/hostname: node-c }\n'), 'pod-zone')[0]?.label,
    ).toBe('volume on node-a');
    expect(failuresOf(local(''), 'pod-zone')).toEqual([]);
  });

  it('draws a missing ConfigMap and a missing claim as what the pod waits for', () => {
    const cluster = inSandbox(`
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: app, image: busybox:1.37, volumeMounts: [{ name: config, mountPath: /etc/app }] }]
  volumes: [{ name: config, configMap: { name: app-config } }]
---
${podUsing('db', 'nowhere')}`);
    expect(failuresOf(cluster, 'pod-missing')).toEqual([
      {
        kind: 'pod-missing',
        pod: { kind: 'Pod', namespace: 'default', name: 'web' },
        missing: { kind: 'ConfigMap', namespace: 'default', name: 'app-config' },
        label: 'ConfigMap app-config not found',
      },
      {
        kind: 'pod-missing',
        pod: { kind: 'Pod', namespace: 'default', name: 'db' },
        missing: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'nowhere' },
        label: 'PVC nowhere not found',
      },
    ]);
    applySettled(
      cluster,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app-config }\ndata: { a: b }\n',
    );
    expect(failuresOf(cluster, 'pod-missing').map((failure) => failure.pod.name)).toEqual(['db']);
    // A running pod keeps its files when the ConfigMap goes (R63): nothing to wait for.
    expect(cluster.state.objects.Pod['default/web']?.status?.phase).toBe('Running');
    cluster.delete({ kind: 'ConfigMap', namespace: 'default', name: 'app-config' });
    cluster.settle();
    expect(failuresOf(cluster, 'pod-missing').map((failure) => failure.pod.name)).toEqual(['db']);
  });

  it('draws a Multi-Attach from the second pod to the disk attached to the first pod’s node', () => {
    const cluster = inSandbox(
      storageClass('ebs', 'provisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer') +
        claim(
          'data',
          '  storageClassName: ebs\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }',
        ) +
        podUsing('first', 'data', '  nodeSelector: { kubernetes.io/hostname: node-a }\n'),
    );
    expect(failuresOf(cluster, 'pod-multi-attach')).toEqual([]);
    applySettled(cluster, podUsing('second', 'data', '  nodeSelector: { kubernetes.io/hostname: node-b }\n'));
    const volumeName = cluster.state.objects.PersistentVolumeClaim['default/data']?.spec?.volumeName ?? '';
    const [failure] = failuresOf(cluster, 'pod-multi-attach');
    expect(failure).toMatchObject({
      pod: { name: 'second' },
      target: { volume: { kind: 'PersistentVolume', name: volumeName }, node: 'node-a' },
      label: 'attached to node-a',
    });
    expect(failure?.target.attachment.kind).toBe('VolumeAttachment');
  });
});

describe('a Terminating claim held by its pods', () => {
  it('names the pods that keep it (R43), and lets go once they are gone', () => {
    const cluster = inSandbox(
      hostPathVolume('pv-1', '1Gi') + noClassClaim('data', '1Gi') + podUsing('web', 'data'),
    );
    expect(failuresOf(cluster, 'claim-held')).toEqual([]);
    cluster.delete(DATA);
    cluster.settle();
    expect(failuresOf(cluster, 'claim-held')).toEqual([
      {
        kind: 'claim-held',
        claim: DATA,
        pod: { kind: 'Pod', namespace: 'default', name: 'web' },
        pods: [{ kind: 'Pod', namespace: 'default', name: 'web' }],
        label: 'in use by web',
      },
    ]);
    cluster.delete({ kind: 'Pod', namespace: 'default', name: 'web' });
    cluster.settle();
    expect(failuresOf(cluster, 'claim-held')).toEqual([]);
  });
});

describe('warning marks', () => {
  it('lists the Warning events of each object, not its Normal ones', () => {
    const cluster = inSandbox(
      claim(
        'data',
        '  storageClassName: nope\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }',
      ),
    );
    const marks = failuresOf(cluster, 'warning');
    expect(marks.map((mark) => mark.object)).toEqual([DATA]);
    const [event] = marks[0]?.events ?? [];
    expect(event).toMatchObject({
      reason: 'ProvisioningFailed',
      message: 'storageclass.storage.k8s.io "nope" not found',
      eventNamespace: 'default',
    });
    expect(event?.count).toBeGreaterThanOrEqual(1);
    expect(cluster.state.objects.Event[`default/${event?.eventName ?? ''}`]?.type).toBe('Warning');
  });

  it('does not pin an earlier object’s warnings on a new object of the same name', () => {
    const cluster = inSandbox(
      claim(
        'data',
        '  storageClassName: nope\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }',
      ),
    );
    cluster.delete(DATA);
    cluster.settle();
    applySettled(cluster, hostPathVolume('pv-1', '1Gi') + noClassClaim('data', '1Gi'));
    expect(cluster.state.objects.PersistentVolumeClaim['default/data']?.status?.phase).toBe('Bound');
    expect(failuresOf(cluster, 'warning')).toEqual([]);
  });
});
