import { describe, expect, it } from 'vitest';
import { explainClaimBinding } from './claim-binding';
import {
  applySettled,
  cellOf,
  claim,
  explain,
  failing,
  podUsing,
  row,
  settled,
  storageClass,
  volume,
} from './test-support';

const RWO_1GI = '  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }';
const NO_CLASS_CLAIM = claim('data', `  storageClassName: ""\n${RWO_1GI}`);
const hostPathVolume = (name: string, size: string, extra = '') =>
  volume(
    name,
    `  capacity: { storage: ${size} }\n  accessModes: [ReadWriteOnce]\n  hostPath: { path: /tmp/${name} }\n${extra}`,
  );

describe('explainClaimBinding', () => {
  it('is undefined for a claim that does not exist', () => {
    const cluster = settled(hostPathVolume('pv-1', '1Gi'));
    expect(explainClaimBinding(cluster.state, 'default', 'nope')).toBeUndefined();
  });

  it('lists every criterion in table order and one row per volume, by name', () => {
    const cluster = settled(hostPathVolume('pv-b', '1Gi') + hostPathVolume('pv-a', '1Gi') + NO_CLASS_CLAIM);
    const explanation = explain(cluster, 'data');
    expect(explanation.criteria).toEqual([
      'class',
      'capacity',
      'accessModes',
      'volumeMode',
      'selector',
      'nodeAffinity',
      'claimRef',
      'phase',
    ]);
    expect(explanation.rows.map((candidate) => candidate.volume)).toEqual(['pv-a', 'pv-b']);
    expect(explanation.rows.every((candidate) => candidate.cells.length === 8)).toBe(true);
  });
});

describe('no volume fits and the claim has no class', () => {
  const cluster = settled(
    hostPathVolume('small', '5Gi') +
      claim(
        'data',
        '  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 10Gi } }',
      ),
  );
  const explanation = explain(cluster, 'data');

  it('fails the capacity cell only, comparing quantities by value', () => {
    expect(failing(explanation, 'small')).toEqual(['capacity']);
    expect(cellOf(explanation, 'small', 'capacity').detail).toBe('5Gi < 10Gi requested');
    expect(cellOf(explanation, 'small', 'class')).toMatchObject({
      result: 'pass',
      detail: 'neither has a class',
    });
    expect(row(explanation, 'small').eligible).toBe(false);
  });

  it('says an empty class never provisions, and names the closest volume', () => {
    expect(explanation.phase).toBe('Pending');
    expect(explanation.summary).toContain('the claim has no StorageClass, so nothing will be provisioned');
    expect(explanation.summary).toContain('(R28)');
    expect(explanation.summary).toContain('Closest: "small" fails only on capacity (5Gi < 10Gi requested)');
  });

  it('treats an unset class like "" for matching (1G is less than 1Gi)', () => {
    const decimal = settled(
      volume(
        'decimal',
        '  capacity: { storage: 1G }\n  accessModes: [ReadWriteOnce]\n  hostPath: { path: /tmp/d }',
      ) + claim('data', RWO_1GI),
    );
    const result = explain(decimal, 'data');
    expect(cellOf(result, 'decimal', 'class').result).toBe('pass');
    expect(cellOf(result, 'decimal', 'capacity')).toMatchObject({
      result: 'fail',
      detail: '1G < 1Gi requested',
    });
  });
});

describe('the other criteria', () => {
  it('fails access modes the volume lacks, and a different volume mode', () => {
    const cluster = settled(
      hostPathVolume('rwo', '5Gi', '  volumeMode: Block\n') +
        claim(
          'data',
          '  storageClassName: ""\n  accessModes: [ReadWriteMany]\n  resources: { requests: { storage: 1Gi } }',
        ),
    );
    const explanation = explain(cluster, 'data');
    expect(failing(explanation, 'rwo')).toEqual(['accessModes', 'volumeMode']);
    expect(cellOf(explanation, 'rwo', 'accessModes').detail).toBe('RWO lacks RWX');
    expect(cellOf(explanation, 'rwo', 'volumeMode').detail).toBe('volume is Block, claim wants Filesystem');
  });

  it('checks labels against the claim selector, and marks it n/a without one', () => {
    const cluster = settled(
      volume(
        'silver',
        '  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce]\n  hostPath: { path: /tmp/s }',
        '{ tier: silver }',
      ) + claim('gold', `  storageClassName: ""\n  selector: { matchLabels: { tier: gold } }\n${RWO_1GI}`),
    );
    const gold = explain(cluster, 'gold');
    expect(failing(gold, 'silver')).toEqual(['selector']);
    expect(cellOf(gold, 'silver', 'selector').detail).toBe('labels (tier=silver) do not match the selector');
    applySettled(cluster, claim('plain', `  storageClassName: ""\n${RWO_1GI}`));
    expect(explain(cluster, 'plain').phase).toBe('Bound');
    expect(cellOf(explain(cluster, 'plain'), 'silver', 'selector')).toMatchObject({ result: 'n/a' });
  });

  it('fails a class mismatch, but skips class, selector and phase for a volume pre-bound to the claim (R21)', () => {
    const cluster = settled(
      hostPathVolume('other-class', '5Gi', '  storageClassName: slow\n') +
        hostPathVolume(
          'reserved',
          '5Gi',
          '  storageClassName: slow\n  claimRef: { namespace: default, name: data }\n',
        ) +
        NO_CLASS_CLAIM,
    );
    const explanation = explain(cluster, 'data');
    expect(explanation.phase).toBe('Bound');
    expect(cellOf(explanation, 'other-class', 'class')).toMatchObject({
      result: 'fail',
      detail: 'volume has "slow", claim asks for no class',
    });
    expect(cellOf(explanation, 'reserved', 'class').result).toBe('n/a');
    expect(cellOf(explanation, 'reserved', 'phase').result).toBe('n/a');
    expect(cellOf(explanation, 'reserved', 'claimRef')).toMatchObject({
      result: 'pass',
      detail: 'bound to this claim',
    });
  });

  it('fails a volume bound to another claim', () => {
    const cluster = settled(
      hostPathVolume('only', '5Gi') + claim('first', `  storageClassName: ""\n${RWO_1GI}`),
    );
    applySettled(cluster, NO_CLASS_CLAIM);
    const explanation = explain(cluster, 'data');
    expect(cellOf(explanation, 'only', 'claimRef')).toMatchObject({
      result: 'fail',
      detail: 'bound to claim default/first',
    });
    expect(cellOf(explanation, 'only', 'phase')).toMatchObject({ result: 'fail', detail: 'Bound' });
  });
});

describe('a Released volume that would fit', () => {
  /** A Retain volume whose claim was deleted, and a new claim of the same name. */
  const releasedScenario = () => {
    const cluster = settled(hostPathVolume('keep', '5Gi', '  storageClassName: ""\n') + NO_CLASS_CLAIM);
    if (!cluster.delete({ kind: 'PersistentVolumeClaim', name: 'data' }).ok)
      throw new Error('delete refused');
    cluster.settle();
    applySettled(cluster, NO_CLASS_CLAIM);
    return cluster;
  };

  it('fails on the old claimRef and the Released phase only (R36)', () => {
    const explanation = explain(releasedScenario(), 'data');
    expect(failing(explanation, 'keep')).toEqual(['claimRef', 'phase']);
    expect(cellOf(explanation, 'keep', 'claimRef').detail).toContain(
      'claimRef of a deleted claim of the same name',
    );
    expect(cellOf(explanation, 'keep', 'phase').detail).toBe('Released');
  });

  it('says to clear the claimRef, and following that binds the claim', () => {
    const cluster = releasedScenario();
    const explanation = explain(cluster, 'data');
    expect(explanation.summary).toContain(
      'Volume "keep" would fit, but it still holds the claimRef of a deleted claim',
    );
    expect(explanation.summary).toContain(`kubectl patch pv keep -p '{"spec":{"claimRef":null}}'`);
    expect(cluster.patch({ kind: 'PersistentVolume', name: 'keep' }, { spec: { claimRef: null } }).ok).toBe(
      true,
    );
    cluster.settle();
    expect(explain(cluster, 'data').summary).toBe('Bound to volume "keep".');
  });
});

describe('classes that decide what happens', () => {
  it('reports a StorageClass that does not exist', () => {
    const cluster = settled(claim('data', `  storageClassName: gold\n${RWO_1GI}`));
    expect(explain(cluster, 'data').summary).toMatch(
      /^StorageClass "gold" does not exist, so nothing can be provisioned \(ProvisioningFailed\)/,
    );
  });

  it('waits for a pod when the class is WaitForFirstConsumer and none uses the claim', () => {
    const cluster = settled(
      storageClass('late', 'provisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer') +
        claim('data', `  storageClassName: late\n${RWO_1GI}`),
    );
    expect(explain(cluster, 'data').summary).toBe(
      'Class "late" is WaitForFirstConsumer: nothing is bound or provisioned until a pod that uses the claim is created (R28, R50).',
    );
  });

  it('says a fitting volume of a WaitForFirstConsumer class waits for the pod (R24)', () => {
    const cluster = settled(
      storageClass('late', 'provisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer') +
        hostPathVolume('static', '5Gi', '  storageClassName: late\n') +
        claim('data', `  storageClassName: late\n${RWO_1GI}`),
    );
    const explanation = explain(cluster, 'data');
    expect(row(explanation, 'static').eligible).toBe(true);
    expect(cellOf(explanation, 'static', 'nodeAffinity').result).toBe('n/a');
    expect(explanation.summary).toMatch(/^"static" fits, but class "late" is WaitForFirstConsumer/);
  });

  it('waits for an unschedulable pod, quoting the scheduler', () => {
    const cluster = settled(
      storageClass('late', 'provisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer') +
        claim('data', `  storageClassName: late\n${RWO_1GI}`) +
        podUsing('web', 'data', '  nodeSelector: { disk: ssd }\n'),
    );
    const summary = explain(cluster, 'data').summary;
    expect(summary).toMatch(
      /^Waiting for pod "web" to be scheduled; the volume is then provisioned in its node's topology \(R52\)\./,
    );
    expect(summary).toContain(
      "The scheduler says: 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  it('quotes the provisioner error when provisioning fails', () => {
    const cluster = settled(storageClass('fast', 'provisioner: ebs.csi.aws.com'));
    expect(cluster.fault({ driver: 'ebs.csi.aws.com' }, 'InsufficientCapacity: zone-a is full').ok).toBe(
      true,
    );
    applySettled(cluster, claim('data', `  storageClassName: fast\n${RWO_1GI}`));
    const summary = explain(cluster, 'data').summary;
    expect(summary).toMatch(/^No volume fits and provisioning fails: .*InsufficientCapacity: zone-a is full/);
    expect(summary).toContain('(ProvisioningFailed');
  });

  it('says when the provisioner is not running in the cluster (R29)', () => {
    const cluster = settled(
      storageClass('nas', 'provisioner: example.com/nas') +
        claim('data', `  storageClassName: nas\n${RWO_1GI}`),
    );
    expect(explain(cluster, 'data').summary).toContain(
      'waits for provisioner "example.com/nas", which is not running',
    );
  });
});

describe('a claim that names its volume (R25)', () => {
  const cluster = settled(
    hostPathVolume('tiny', '1Gi') +
      hostPathVolume('other', '10Gi') +
      claim('missing', `  storageClassName: ""\n  volumeName: nope\n${RWO_1GI}`) +
      claim(
        'big',
        '  storageClassName: ""\n  volumeName: tiny\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 5Gi } }',
      ),
  );

  it('has no rows and says so when the named volume does not exist', () => {
    const explanation = explain(cluster, 'missing');
    expect(explanation.rows).toEqual([]);
    expect(explanation.summary).toContain('names volume "nope" in spec.volumeName, which does not exist');
  });

  it('checks only the named volume and gives the VolumeMismatch reason', () => {
    const explanation = explain(cluster, 'big');
    expect(explanation.rows.map((candidate) => candidate.volume)).toEqual(['tiny']);
    expect(failing(explanation, 'tiny')).toEqual(['capacity']);
    expect(explanation.summary).toBe(
      'It names volume "tiny", which does not fit: requested PV is too small (VolumeMismatch, R25).',
    );
  });

  it('reports a named volume already bound to another claim', () => {
    const taken = settled(
      hostPathVolume('shared', '5Gi') + claim('first', `  storageClassName: ""\n${RWO_1GI}`),
    );
    applySettled(taken, claim('second', `  storageClassName: ""\n  volumeName: shared\n${RWO_1GI}`));
    const explanation = explain(taken, 'second');
    expect(cellOf(explanation, 'shared', 'claimRef').result).toBe('fail');
    expect(explanation.summary).toContain('already bound to a different claim (default/first)');
  });
});

describe('a Bound claim', () => {
  it('says which volume it got', () => {
    const cluster = settled(hostPathVolume('pv-1', '5Gi') + NO_CLASS_CLAIM);
    expect(explain(cluster, 'data')).toMatchObject({ phase: 'Bound', summary: 'Bound to volume "pv-1".' });
  });

  it('explains the access-mode groups when a smaller volume with more modes was passed over (R19)', () => {
    const cluster = settled(
      hostPathVolume('big-rwo', '20Gi') +
        volume(
          'small-many',
          '  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]\n  nfs: { server: nfs.example.com, path: /x }',
        ) +
        NO_CLASS_CLAIM,
    );
    const explanation = explain(cluster, 'data');
    expect(row(explanation, 'small-many').eligible).toBe(true);
    expect(explanation.summary).toBe(
      'Bound to volume "big-rwo". The smaller "small-many" fits too, but volumes are tried by access-mode set, ' +
        'fewest modes first: RWO before RWO,ROX,RWX, and the first set with a fit wins (R19).',
    );
  });
});

describe('a Bound claim, continued', () => {
  it('explains why a volume reserved for it in a later access-mode set lost (R19, R21)', () => {
    const cluster = settled(
      hostPathVolume('plain', '20Gi') +
        volume(
          'reserved-many',
          '  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce, ReadWriteMany]\n  claimRef: { namespace: default, name: data }\n  nfs: { server: nfs.example.com, path: /r }',
        ) +
        NO_CLASS_CLAIM,
    );
    const explanation = explain(cluster, 'data');
    expect(explanation.summary).toBe(
      'Bound to volume "plain". "reserved-many" is reserved for this claim, but volumes are tried by access-mode set, ' +
        'fewest modes first: RWO before RWO,RWX, and the first set with a fit wins (R19, R21).',
    );
    expect(cellOf(explanation, 'reserved-many', 'claimRef').detail).toBe(
      'reserved for this claim (claimRef without uid)',
    );
  });
});

describe('node affinity', () => {
  const nodes = [
    { name: 'node-a', labels: { 'kubernetes.io/hostname': 'node-a' } },
    { name: 'node-b', labels: { 'kubernetes.io/hostname': 'node-b' } },
  ];
  const localVolumeOn = (node: string, className: string) =>
    volume(
      `disk-${node}`,
      `  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${className}\n  local: { path: /mnt/disk }\n` +
        `  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions: [{ key: kubernetes.io/hostname, operator: In, values: [${node}] }]`,
    );

  it('fails a WaitForFirstConsumer volume that no node of the pod can reach', () => {
    const cluster = settled(
      storageClass(
        'local',
        'provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer',
      ) +
        localVolumeOn('node-b', 'local') +
        claim('data', `  storageClassName: local\n${RWO_1GI}`) +
        podUsing('web', 'data', '  nodeSelector: { kubernetes.io/hostname: node-a }\n'),
      { nodes },
    );
    const explanation = explain(cluster, 'data');
    expect(failing(explanation, 'disk-node-b')).toEqual(['nodeAffinity']);
    expect(cellOf(explanation, 'disk-node-b', 'nodeAffinity').detail).toBe(
      'allows none of the nodes the pod can use: node-a',
    );
    expect(explanation.summary).toMatch(
      /^Class "local" has no provisioner \(kubernetes.io\/no-provisioner\)/,
    );
    expect(explanation.summary).toContain('none fits on a node its pod can use (R51)');
  });

  it('passes when the pod can use the volume node, and binds once scheduled', () => {
    const cluster = settled(
      storageClass(
        'local',
        'provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer',
      ) +
        localVolumeOn('node-b', 'local') +
        claim('data', `  storageClassName: local\n${RWO_1GI}`) +
        podUsing('web', 'data', '  nodeSelector: { kubernetes.io/hostname: node-b }\n'),
      { nodes },
    );
    const explanation = explain(cluster, 'data');
    expect(explanation.phase).toBe('Bound');
    expect(cellOf(explanation, 'disk-node-b', 'nodeAffinity')).toMatchObject({
      result: 'pass',
      detail: 'allows node-b',
    });
  });

  it('is n/a for an Immediate claim, which binds whatever the affinity (R48)', () => {
    const cluster = settled(localVolumeOn('node-b', '""') + NO_CLASS_CLAIM, { nodes });
    const explanation = explain(cluster, 'data');
    expect(explanation.phase).toBe('Bound');
    expect(cellOf(explanation, 'disk-node-b', 'nodeAffinity').result).toBe('n/a');
  });
});
