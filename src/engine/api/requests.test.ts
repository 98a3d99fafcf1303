import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { LAST_APPLIED } from './requests';

const pvc = (name: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources:
    requests:
      storage: 1Gi
${extra}`;

const pv = (name: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath:
    path: /mnt/data/${name}
`;

function errorOf<T>(
  result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } },
) {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

describe('apply', () => {
  it('creates, then reports configured or unchanged like kubectl apply', () => {
    const cluster = new Cluster();
    const first = cluster.apply(pvc('data'));
    expect(first.ok && first.value.value.map((item) => item.outcome)).toEqual(['created']);
    const again = cluster.apply(pvc('data'));
    expect(again.ok && again.value.value.map((item) => item.outcome)).toEqual(['unchanged']);
    const relabelled = cluster.apply(
      pvc('data').replace('  name: data', '  name: data\n  labels: {app: web}'),
    );
    expect(relabelled.ok && relabelled.value.value.map((item) => item.outcome)).toEqual(['configured']);
  });

  it('is atomic: one bad document refuses the whole apply and changes nothing', () => {
    const cluster = new Cluster();
    const before = cluster.state;
    const result = cluster.apply(
      `${pv('pv-ok')}---\n${pvc('bad').replace('accessModes: [ReadWriteOnce]', 'accessModes: []')}`,
    );
    const error = errorOf(result);
    expect(error.kind).toBe('Invalid');
    expect(error.message).toBe(
      'PersistentVolumeClaim "bad" is invalid: spec.accessModes: Required value: at least 1 access mode is required',
    );
    expect(cluster.state).toBe(before);
  });

  it('points a validation error at the document and line of the field', () => {
    const cluster = new Cluster();
    const result = cluster.apply(`${pv('pv-a')}---\n${pv('pv-b').replace('storage: 5Gi', 'storage: 0')}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.causes?.[0]?.field).toBe('spec.capacity[storage]');
    // Lines count from the top of the whole text, as the editor shows them.
    expect(result.error.position).toEqual({ document: 2, line: 19, column: 5 });
  });

  it('refuses unknown fields and wrong types with their field path', () => {
    const cluster = new Cluster();
    const typo = errorOf(cluster.apply(pvc('x').replace('accessModes', 'accesModes')));
    expect(typo.message).toContain('spec.accesModes: Invalid value');
    const wrongType = errorOf(
      cluster.apply(pvc('x').replace('accessModes: [ReadWriteOnce]', 'accessModes: ReadWriteOnce')),
    );
    expect(wrongType.message).toContain(
      'spec.accessModes: Invalid value: "ReadWriteOnce": expected array, got string',
    );
  });

  it('refuses unknown kinds, missing namespaces, names that are not DNS-1123 and system kinds', () => {
    const cluster = new Cluster();
    expect(errorOf(cluster.apply('apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n')).message).toBe(
      'no matches for kind "Widget" in version "v1"',
    );
    expect(
      errorOf(cluster.apply('apiVersion: storage.k8s.io/v1\nkind: PersistentVolume\nmetadata: {name: w}\n'))
        .kind,
    ).toBe('Invalid');
    const missingNamespace = errorOf(
      cluster.apply(pvc('x').replace('  name: x', '  name: x\n  namespace: shop')),
    );
    expect(missingNamespace).toMatchObject({ kind: 'NotFound', message: 'namespaces "shop" not found' });
    const badName = errorOf(cluster.apply(pvc('Data_1')));
    expect(badName.message).toContain(
      'metadata.name: Invalid value: "Data_1": a lowercase RFC 1123 subdomain',
    );
    expect(errorOf(cluster.apply('apiVersion: v1\nkind: Event\nmetadata: {name: e}\n')).kind).toBe(
      'Forbidden',
    );
  });

  it('keeps fields written by controllers and drops fields the user removed (three-way merge)', () => {
    const cluster = new Cluster();
    cluster.apply(pv('pv-1'));
    cluster.apply(
      pvc('data', '  selector:\n    matchLabels: {}\n').replace('selector', 'volumeName: pv-1\n  selector'),
    );
    cluster.settle();
    const bound = cluster.state.objects.PersistentVolumeClaim['default/data'];
    expect(bound?.status?.phase).toBe('Bound');
    const lastApplied = JSON.parse(bound?.metadata?.annotations?.[LAST_APPLIED] ?? '{}') as { spec?: object };
    expect(lastApplied.spec).toHaveProperty('volumeName', 'pv-1');
    // Re-applying the same manifest keeps the controller's annotations and status.
    const again = cluster.apply(
      pvc('data', '  selector:\n    matchLabels: {}\n').replace('selector', 'volumeName: pv-1\n  selector'),
    );
    expect(again.ok).toBe(true);
    const after = cluster.state.objects.PersistentVolumeClaim['default/data'];
    expect(after?.metadata?.annotations?.['pv.kubernetes.io/bind-completed']).toBe('yes');
    expect(after?.status?.phase).toBe('Bound');
  });

  it('create refuses an existing object with AlreadyExists', () => {
    const cluster = new Cluster();
    cluster.create(pv('pv-1'));
    expect(errorOf(cluster.create(pv('pv-1')))).toMatchObject({
      kind: 'AlreadyExists',
      message: 'persistentvolumes "pv-1" already exists',
    });
  });

  it('applies the items of a List', () => {
    const cluster = new Cluster();
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } }],
    };
    expect(cluster.apply(JSON.stringify(list)).ok).toBe(true);
    expect(cluster.state.objects.ConfigMap['default/a']?.data).toEqual({ k: 'v' });
  });
});

describe('patch and delete', () => {
  it('merge-patches, and refuses what validation refuses', () => {
    const cluster = new Cluster();
    cluster.apply(pv('pv-1'));
    expect(
      cluster.patch(
        { kind: 'PersistentVolume', name: 'pv-1' },
        { spec: { persistentVolumeReclaimPolicy: 'Delete' } },
      ).ok,
    ).toBe(true);
    expect(cluster.state.objects.PersistentVolume['pv-1']?.spec?.persistentVolumeReclaimPolicy).toBe(
      'Delete',
    );
    const refused = errorOf(
      cluster.patch(
        { kind: 'PersistentVolume', name: 'pv-1' },
        { spec: { hostPath: { path: '/elsewhere' } } },
      ),
    );
    expect(refused.message).toContain('spec.persistentvolumesource is immutable after creation');
    expect(errorOf(cluster.patch({ kind: 'PersistentVolume', name: 'nope' }, {})).kind).toBe('NotFound');
  });

  it('deletes at once without finalizers, keeps Terminating with them, and protects system namespaces', () => {
    const cluster = new Cluster();
    cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    cluster.delete({ kind: 'ConfigMap', name: 'c' });
    expect(cluster.state.objects.ConfigMap['default/c']).toBeUndefined();
    cluster.apply(pv('pv-1'));
    cluster.delete({ kind: 'PersistentVolume', name: 'pv-1' });
    // Not Bound: pv-protection lets it go on the next round.
    expect(cluster.state.objects.PersistentVolume['pv-1']?.metadata?.deletionTimestamp).toBeDefined();
    cluster.settle();
    expect(cluster.state.objects.PersistentVolume['pv-1']).toBeUndefined();
    expect(errorOf(cluster.delete({ kind: 'Namespace', name: 'default' }))).toMatchObject({
      kind: 'Forbidden',
      message: 'namespaces "default" is forbidden: this namespace may not be deleted',
    });
  });
});
