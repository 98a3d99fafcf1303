import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { printGet } from '../../print/get';
import {
  DYNAMIC_CLAIM,
  FAST_DEFAULT_CLASS,
  STATIC_VOLUME_AND_CLAIM,
  settledCluster,
  tableRows,
  textOf,
} from '../../print/test-support';
import { kubectl, refused } from '../test-support';

const staticCluster = () => settledCluster(STATIC_VOLUME_AND_CLAIM);

describe('kubectl get: tables', () => {
  it('prints the printer table for one kind', () => {
    const cluster = staticCluster();
    expect(kubectl(cluster, 'kubectl get pvc')).toEqual({
      exitCode: 0,
      stdout: textOf(printGet(cluster.state, 'pvc')),
      stderr: '',
      mutated: false,
    });
  });

  it('prints several kinds one table after another, names prefixed with their kind', () => {
    const cluster = settledCluster(`${STATIC_VOLUME_AND_CLAIM}---${FAST_DEFAULT_CLASS}`);
    const output = kubectl(cluster, 'get pvc,pv,sc');
    const tables = output.stdout.split('\n\n');
    expect(tables).toHaveLength(3);
    expect(tableRows(tables[0] ?? '').map((row) => row['NAME'])).toEqual(['persistentvolumeclaim/data']);
    expect(tableRows(tables[1] ?? '').map((row) => row['NAME'])).toEqual(['persistentvolume/pv-static']);
    expect(tableRows(tables[2] ?? '')[0]).toMatchObject({
      NAME: 'storageclass.storage.k8s.io/fast (default)',
      PROVISIONER: 'ebs.csi.aws.com',
    });
    expect(output.stderr).toBe('');
  });

  it('skips a kind with nothing to show when several are listed', () => {
    const cluster = staticCluster();
    const output = kubectl(cluster, 'get sc,pv');
    expect(output.stdout.startsWith('NAME ')).toBe(true);
    expect(tableRows(output.stdout).map((row) => row['NAME'])).toEqual(['persistentvolume/pv-static']);
  });

  it('prints named objects, and the table of those found before a NotFound error', () => {
    const cluster = staticCluster();
    const output = kubectl(cluster, 'get pv pv-static nope');
    expect(output.exitCode).toBe(1);
    expect(tableRows(output.stdout).map((row) => row['NAME'])).toEqual(['pv-static']);
    expect(output.stderr).toBe('Error from server (NotFound): persistentvolumes "nope" not found\n');
  });

  it('accepts TYPE/NAME arguments, with kind prefixes when they name several kinds', () => {
    const cluster = staticCluster();
    const output = kubectl(cluster, 'get pvc/data pv/pv-static');
    expect(output.stdout).toContain('persistentvolumeclaim/data ');
    expect(output.stdout).toContain('persistentvolume/pv-static ');
    expect(tableRows(kubectl(cluster, 'get pvc/data').stdout)[0]?.['NAME']).toBe('data');
  });

  it('adds the wide columns with -o wide and a NAMESPACE column with -A', () => {
    const cluster = staticCluster();
    expect(kubectl(cluster, 'get pvc -o wide').stdout).toContain('VOLUMEMODE');
    expect(kubectl(cluster, 'get pvc --all-namespaces').stdout.startsWith('NAMESPACE   NAME')).toBe(true);
  });

  it('reads -n before or after the command', () => {
    const cluster = settledCluster(`
apiVersion: v1
kind: Namespace
metadata: { name: demo }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: scratch, namespace: demo }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`);
    for (const line of ['kubectl -n demo get pvc', 'kubectl get pvc -n demo', 'get pvc --namespace=demo']) {
      expect(tableRows(kubectl(cluster, line).stdout).map((row) => row['NAME'])).toEqual(['scratch']);
    }
  });

  it('tells on stderr when there is nothing to list', () => {
    const cluster = new Cluster();
    expect(kubectl(cluster, 'get pvc')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      mutated: false,
    });
    expect(kubectl(cluster, 'get pvc -n other').stderr).toBe('No resources found in other namespace.\n');
    expect(kubectl(cluster, 'get pvc,sc').stderr).toBe('No resources found\n');
    expect(kubectl(cluster, 'get pvc -A').stderr).toBe('No resources found\n');
  });
});

describe('kubectl get -o yaml|json|name', () => {
  it('prints a single named object alone, status included, in go-yaml style', () => {
    const cluster = staticCluster();
    const yaml = kubectl(cluster, 'get pvc data -o yaml').stdout;
    expect(yaml.startsWith('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n')).toBe(true);
    expect(yaml).toContain('    pv.kubernetes.io/bind-completed: "yes"\n');
    expect(yaml).toContain('  creationTimestamp: "2026-01-01T00:00:00Z"\n');
    expect(yaml).toContain('spec:\n  accessModes:\n  - ReadWriteOnce\n');
    expect(yaml).toContain('  storageClassName: ""\n');
    expect(yaml).toContain(
      'status:\n  accessModes:\n  - ReadWriteOnce\n  capacity:\n    storage: 10Gi\n  phase: Bound\n',
    );
  });

  it('prints a List when listing, even of one object', () => {
    const cluster = staticCluster();
    const yaml = kubectl(cluster, 'get pvc -o yaml').stdout;
    expect(yaml.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: PersistentVolumeClaim\n')).toBe(
      true,
    );
    expect(yaml.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect(kubectl(new Cluster(), 'get pv -o yaml').stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('prints JSON with sorted keys and four-space indentation', () => {
    const cluster = staticCluster();
    const json = kubectl(cluster, 'get pv pv-static -o json').stdout;
    expect(JSON.parse(json)).toEqual(cluster.state.objects.PersistentVolume['pv-static']);
    expect(
      json.startsWith('{\n    "apiVersion": "v1",\n    "kind": "PersistentVolume",\n    "metadata": {\n'),
    ).toBe(true);
    const list = JSON.parse(kubectl(cluster, 'get pv,pvc -o json').stdout) as {
      kind: string;
      items: unknown[];
    };
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(2);
  });

  it('prints kind/name with -o name', () => {
    const cluster = settledCluster(`${STATIC_VOLUME_AND_CLAIM}---${FAST_DEFAULT_CLASS}---${DYNAMIC_CLAIM}`);
    expect(kubectl(cluster, 'get pvc -o name').stdout).toBe(
      'persistentvolumeclaim/data\npersistentvolumeclaim/dyn\n',
    );
    expect(kubectl(cluster, 'get sc -o name').stdout).toBe('storageclass.storage.k8s.io/fast\n');
  });

  it('reports a missing named object as NotFound', () => {
    const output = kubectl(staticCluster(), 'get pvc nope -o yaml');
    expect(output).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): persistentvolumeclaims "nope" not found\n',
    });
  });
});

describe('kubectl get errors', () => {
  it('asks for a resource type as kubectl does', () => {
    expect(refused(staticCluster(), 'get')).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
  });

  it('refuses an unknown resource type', () => {
    expect(refused(staticCluster(), 'get foo')).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
    expect(refused(staticCluster(), 'get pvc,foo')).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
  });

  it('refuses an unknown output format', () => {
    expect(refused(staticCluster(), 'get pv -o table')).toBe(
      'error: unable to match a printer suitable for the output format "table", allowed formats are: json,name,wide,yaml\n',
    );
  });

  it('refuses names across all namespaces and mixed argument forms', () => {
    expect(refused(staticCluster(), 'get pvc data -A')).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    expect(refused(staticCluster(), 'get pvc pv/pv-static')).toContain(
      'error: there is no need to specify a resource type as a separate argument',
    );
    expect(refused(staticCluster(), 'get pvc/data pv')).toBe(
      'error: arguments in resource/name form must have a single resource and name\n',
    );
  });
});
