import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { STATIC_VOLUME_AND_CLAIM, settledCluster } from '../../print/test-support';
import { editor, kubectl, refused } from '../test-support';

const CLAIM_WITHOUT_MODES = `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: x }
spec:
  resources: { requests: { storage: 1Gi } }
`;

const GROWN_STATIC_CLAIM = STATIC_VOLUME_AND_CLAIM.replace('storage: 5Gi', 'storage: 20Gi');

describe('kubectl apply -f', () => {
  it('creates, then leaves unchanged, then configures', () => {
    const cluster = new Cluster();
    expect(kubectl(cluster, 'kubectl apply -f editor.yaml', editor(STATIC_VOLUME_AND_CLAIM))).toEqual({
      exitCode: 0,
      stdout: 'persistentvolume/pv-static created\npersistentvolumeclaim/data created\n',
      stderr: '',
      mutated: true,
    });
    cluster.settle();
    expect(kubectl(cluster, 'apply -f -', editor(STATIC_VOLUME_AND_CLAIM))).toMatchObject({
      stdout: 'persistentvolume/pv-static unchanged\npersistentvolumeclaim/data unchanged\n',
      mutated: false,
    });
    const relabeled = STATIC_VOLUME_AND_CLAIM.replace(
      'name: pv-static',
      'name: pv-static\n  labels: { tier: gold }',
    );
    expect(kubectl(cluster, 'apply -f editor.yaml', editor(relabeled))).toMatchObject({
      stdout: 'persistentvolume/pv-static configured\npersistentvolumeclaim/data unchanged\n',
      mutated: true,
    });
    expect(cluster.state.objects.PersistentVolume['pv-static']?.metadata?.labels).toEqual({ tier: 'gold' });
  });

  it('names storage.k8s.io kinds with their group', () => {
    const output = kubectl(
      new Cluster(),
      'apply -f editor.yaml',
      editor(
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: fast }\nprovisioner: ebs.csi.aws.com\n',
      ),
    );
    expect(output.stdout).toBe('storageclass.storage.k8s.io/fast created\n');
  });

  it('puts objects without a namespace into the -n namespace', () => {
    const cluster = settledCluster('apiVersion: v1\nkind: Namespace\nmetadata: { name: demo }\n');
    const claim = STATIC_VOLUME_AND_CLAIM.split('---')[1] ?? '';
    expect(kubectl(cluster, 'apply -f editor.yaml -n demo', editor(claim)).stdout).toBe(
      'persistentvolumeclaim/data created\n',
    );
    expect(cluster.state.objects.PersistentVolumeClaim['demo/data']).toBeDefined();
    expect(cluster.state.objects.PersistentVolumeClaim['default/data']).toBeUndefined();
    expect(cluster.state.settings.defaultNamespace).toBe('default');
  });

  it('prints the Invalid error as kubectl does, one cause inline', () => {
    const cluster = new Cluster();
    expect(refused(cluster, 'apply -f editor.yaml', editor(CLAIM_WITHOUT_MODES))).toBe(
      'The PersistentVolumeClaim "x" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n',
    );
  });

  it('lists several causes one per line', () => {
    const cluster = new Cluster();
    const volume =
      'apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: bare }\nspec:\n  hostPath: { path: /tmp/x }\n';
    const stderr = refused(cluster, 'apply -f editor.yaml', editor(volume));
    expect(stderr.startsWith('The PersistentVolume "bare" is invalid: \n* spec.')).toBe(true);
    expect(stderr.split('\n').filter((line) => line.startsWith('* ')).length).toBeGreaterThan(1);
  });

  it('refuses the whole file when one object is invalid', () => {
    const cluster = new Cluster();
    refused(cluster, 'apply -f editor.yaml', editor(`${STATIC_VOLUME_AND_CLAIM}---${CLAIM_WITHOUT_MODES}`));
    expect(cluster.state.objects.PersistentVolume['pv-static']).toBeUndefined();
  });

  it('shows the refused patch when an existing object cannot be updated', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    const stderr = refused(cluster, 'apply -f editor.yaml', editor(GROWN_STATIC_CLAIM));
    const lines = stderr.split('\n');
    expect(lines[0]).toBe('Error from server (Forbidden): error when applying patch:');
    expect(lines[1]).toMatch(
      /^\{"metadata":\{"annotations":\{"kubectl.kubernetes.io\/last-applied-configuration":/,
    );
    expect(lines[1]).toContain('"spec":{"resources":{"requests":{"storage":"20Gi"}}}}');
    expect(lines.slice(2, 5)).toEqual([
      'to:',
      'Resource: "/v1, Resource=persistentvolumeclaims", GroupVersionKind: "/v1, Kind=PersistentVolumeClaim"',
      'Name: "data", Namespace: "default"',
    ]);
    expect(lines[5]).toBe(
      'for: "editor.yaml": error when patching "editor.yaml": persistentvolumeclaims "data" is forbidden: ' +
        'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  });

  it('reports unknown fields as strict decoding errors', () => {
    const typo = CLAIM_WITHOUT_MODES.replace('spec:', 'spec:\n  acessModes: [ReadWriteOnce]');
    expect(refused(new Cluster(), 'apply -f editor.yaml', editor(typo))).toBe(
      'Error from server (BadRequest): error when creating "editor.yaml": PersistentVolumeClaim in version "v1" ' +
        'cannot be handled as a PersistentVolumeClaim: strict decoding error: unknown field "spec.acessModes"\n',
    );
  });

  it('reports client-side problems: YAML, unknown kinds, missing apiVersion and kind', () => {
    const cluster = new Cluster();
    expect(refused(cluster, 'apply -f -', editor('kind: PersistentVolume\nmetadata: {name: x\n'))).toMatch(
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /,
    );
    expect(
      refused(cluster, 'apply -f editor.yaml', editor('apiVersion: v1\nkind: Foo\nmetadata: { name: f }\n')),
    ).toBe(
      'error: resource mapping not found for name: "f" namespace: "" from "editor.yaml": no matches for kind "Foo" in version "v1"\n' +
        'ensure CRDs are installed first\n',
    );
    expect(refused(cluster, 'apply -f editor.yaml', editor('metadata: { name: x }\n'))).toBe(
      'error: error validating "editor.yaml": error validating data: [apiVersion not set, kind not set]; ' +
        'if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('reports a missing namespace as the server does', () => {
    const claim = CLAIM_WITHOUT_MODES.replace('name: x }', 'name: x, namespace: nowhere }');
    expect(refused(new Cluster(), 'apply -f editor.yaml', editor(claim))).toBe(
      'Error from server (NotFound): error when creating "editor.yaml": namespaces "nowhere" not found\n',
    );
  });

  it('leaves the same state after a refusal in another -n namespace', () => {
    const cluster = settledCluster('apiVersion: v1\nkind: Namespace\nmetadata: { name: demo }\n');
    expect(refused(cluster, 'apply -f editor.yaml -n demo', editor(CLAIM_WITHOUT_MODES))).toBe(
      'The PersistentVolumeClaim "x" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n',
    );
    expect(cluster.state.settings.defaultNamespace).toBe('default');
  });

  it('refuses a file whose namespace differs from -n', () => {
    const claim = CLAIM_WITHOUT_MODES.replace('name: x }', 'name: x, namespace: other }');
    expect(refused(new Cluster(), 'apply -f editor.yaml -n default', editor(claim))).toBe(
      'error: the namespace from the provided object "other" does not match the namespace "default". ' +
        "You must pass '--namespace=other' to perform this operation.\n",
    );
  });

  it('needs a file that exists, and has objects', () => {
    const cluster = new Cluster();
    expect(refused(cluster, 'apply')).toBe('error: must specify one of -f and -k\n');
    expect(refused(cluster, 'apply -f nope.yaml', editor(''))).toBe(
      'error: the path "nope.yaml" does not exist\n',
    );
    expect(refused(cluster, 'apply -f editor.yaml', editor('# nothing\n'))).toBe(
      'error: no objects passed to apply\n',
    );
    expect(refused(cluster, 'apply extra -f editor.yaml', editor(''))).toBe(
      "error: Unexpected args: [extra]\nSee 'kubectl apply -h' for help and examples\n",
    );
  });
});

describe('kubectl create -f', () => {
  it('creates, and refuses an object that exists', () => {
    const cluster = new Cluster();
    expect(kubectl(cluster, 'create -f editor.yaml', editor(STATIC_VOLUME_AND_CLAIM))).toMatchObject({
      exitCode: 0,
      stdout: 'persistentvolume/pv-static created\npersistentvolumeclaim/data created\n',
      mutated: true,
    });
    expect(refused(cluster, 'create -f -', editor(STATIC_VOLUME_AND_CLAIM))).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": persistentvolumes "pv-static" already exists\n',
    );
  });

  it('words an Invalid error like apply', () => {
    expect(refused(new Cluster(), 'create -f editor.yaml', editor(CLAIM_WITHOUT_MODES))).toBe(
      'The PersistentVolumeClaim "x" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n',
    );
    expect(refused(new Cluster(), 'create')).toBe('Error: must specify one of -f and -k\n');
  });
});
