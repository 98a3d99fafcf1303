import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';

/** Applies a manifest and returns the refusal message (or fails the test if it was accepted). */
function refusal(cluster: Cluster, yaml: string): string {
  const result = cluster.apply(yaml);
  if (result.ok) throw new Error('expected a refusal');
  return result.error.message;
}

const pv = (spec: string, name = 'pv-1') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}}\nspec:\n${spec}`;
const claim = (spec: string) =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n${spec}`;
const good = '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/x}\n';

describe('PersistentVolume validation (R8, R9)', () => {
  it.each([
    ['  capacity: {storage: 1Gi}\n  hostPath: {path: /x}\n', 'spec.accessModes: Required value'],
    [
      '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteMany, Sometimes]\n  hostPath: {path: /x}\n',
      'spec.accessModes: Unsupported value: "Sometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ],
    [
      '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOncePod, ReadOnlyMany]\n  hostPath: {path: /x}\n',
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    ],
    ['  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n', 'spec.capacity: Required value'],
    [
      '  capacity: {storage: 0}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n',
      'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
    ],
    [
      '  capacity: {storage: 1Gi, cpu: 1}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n',
      'spec.capacity: Unsupported value: "cpu": supported values: "storage"',
    ],
    [
      '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n',
      'spec: Required value: must specify a volume type',
    ],
    [
      '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n  nfs: {server: s, path: /e}\n',
      'spec.nfs: Forbidden: may not specify more than 1 volume type',
    ],
    [
      '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  local: {path: /x}\n',
      'spec.nodeAffinity: Required value: Local volume requires node affinity',
    ],
    [
      '  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  hostPath: {path: /}\n',
      "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath volume with path '/'",
    ],
    [
      `${good}  persistentVolumeReclaimPolicy: Keep\n`,
      'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep"',
    ],
    [
      `${good}  volumeMode: Raw\n`,
      'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
    ],
    [
      `${good}  storageClassName: Fast_SSD\n`,
      'spec.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain',
    ],
    [
      '  capacity: {storage: -1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n',
      'must be greater than zero',
    ],
    [
      '  capacity: {storage: 10XB}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n',
      'quantities must match the regular expression',
    ],
  ])('refuses %j', (spec, message) => {
    expect(refusal(new Cluster(), pv(spec))).toContain(message);
  });

  it('keeps the source and volumeMode immutable but lets an admin edit the reclaim policy and claimRef', () => {
    const cluster = new Cluster();
    expect(cluster.apply(pv(good)).ok).toBe(true);
    expect(refusal(cluster, pv(good.replace('/mnt/x', '/mnt/y')))).toContain(
      'spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    );
    expect(refusal(cluster, pv(`${good}  volumeMode: Block\n`))).toContain(
      'spec.volumeMode: Invalid value: "Block": field is immutable',
    );
    expect(cluster.apply(pv(`${good}  persistentVolumeReclaimPolicy: Delete\n`)).ok).toBe(true);
  });
});

describe('PersistentVolumeClaim validation (R10-R12)', () => {
  it.each([
    [
      '  resources: {requests: {storage: 1Gi}}\n',
      'spec.accessModes: Required value: at least 1 access mode is required',
    ],
    ['  accessModes: [ReadWriteOnce]\n', 'spec.resources[storage]: Required value'],
    [
      '  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 0Gi}}\n',
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ],
    [
      '  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n  selector: {matchExpressions: [{key: tier, operator: In}]}\n',
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ],
  ])('refuses %j', (spec, message) => {
    expect(refusal(new Cluster(), claim(spec))).toContain(message);
  });

  it('refuses spec changes of a Pending claim, including its requests', () => {
    const cluster = new Cluster();
    expect(
      cluster.apply(
        claim(
          '  accessModes: [ReadWriteOnce]\n  storageClassName: ""\n  resources: {requests: {storage: 1Gi}}\n',
        ),
      ).ok,
    ).toBe(true);
    expect(
      refusal(
        cluster,
        claim(
          '  accessModes: [ReadWriteOnce]\n  storageClassName: ""\n  resources: {requests: {storage: 2Gi}}\n',
        ),
      ),
    ).toContain(
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });
});

describe('StorageClass validation (R13)', () => {
  const storageClass = (body: string) =>
    `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\n${body}`;

  it('needs a provisioner and refuses Recycle', () => {
    expect(refusal(new Cluster(), storageClass('reclaimPolicy: Delete\n'))).toContain(
      'provisioner: Required value',
    );
    expect(
      refusal(new Cluster(), storageClass('provisioner: ebs.csi.aws.com\nreclaimPolicy: Recycle\n')),
    ).toContain('reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"');
  });

  it('refuses changes to parameters, provisioner, reclaimPolicy and binding mode but allows expansion', () => {
    const cluster = new Cluster();
    expect(cluster.apply(storageClass('provisioner: ebs.csi.aws.com\nparameters: {type: gp3}\n')).ok).toBe(
      true,
    );
    expect(
      refusal(cluster, storageClass('provisioner: ebs.csi.aws.com\nparameters: {type: io2}\n')),
    ).toContain('parameters: Forbidden: updates to parameters are forbidden.');
    expect(
      refusal(cluster, storageClass('provisioner: nfs.csi.k8s.io\nparameters: {type: gp3}\n')),
    ).toContain('provisioner: Forbidden: updates to provisioner are forbidden.');
    expect(
      refusal(
        cluster,
        storageClass(
          'provisioner: ebs.csi.aws.com\nparameters: {type: gp3}\nvolumeBindingMode: WaitForFirstConsumer\n',
        ),
      ),
    ).toContain('volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable');
    expect(
      cluster.apply(
        storageClass('provisioner: ebs.csi.aws.com\nparameters: {type: gp3}\nallowVolumeExpansion: true\n'),
      ).ok,
    ).toBe(true);
  });
});

describe('Pod and ConfigMap validation', () => {
  const pod = (volumes: string, mounts: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: busybox\n      volumeMounts: ${mounts}\n  volumes: ${volumes}\n`;

  it('checks volume names, sources and mounts', () => {
    expect(refusal(new Cluster(), pod('[{name: data}]', '[]'))).toContain(
      'spec.volumes[0]: Required value: must specify a volume type',
    );
    expect(
      refusal(new Cluster(), pod('[{name: data, emptyDir: {}}]', '[{name: other, mountPath: /x}]')),
    ).toContain('spec.containers[0].volumeMounts[0].name: Invalid value: "other": Not found');
    expect(
      refusal(new Cluster(), pod('[{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]', '[]')),
    ).toContain('spec.volumes[1].name: Duplicate value: "data"');
    expect(
      refusal(new Cluster(), pod('[{name: data, emptyDir: {}}]', '[{name: data, mountPath: relative}]')),
    ).toContain('must be an absolute path');
  });

  it('checks config keys', () => {
    expect(
      refusal(new Cluster(), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {"bad key": x}\n'),
    ).toContain('data[bad key]: Invalid value: "bad key": a valid config key');
  });
});
