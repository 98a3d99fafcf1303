import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { FAST_DEFAULT_CLASS, STATIC_VOLUME_AND_CLAIM, settledCluster } from '../../print/test-support';
import { editor, kubectl, refused } from '../test-support';

const LONELY_CLAIM = (name: string) => `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`;

describe('kubectl delete', () => {
  it('deletes named objects and says so as kubectl 1.35 does', () => {
    const cluster = settledCluster(`${LONELY_CLAIM('a')}---${FAST_DEFAULT_CLASS}`);
    expect(kubectl(cluster, 'delete pvc a')).toEqual({
      exitCode: 0,
      stdout: 'persistentvolumeclaim "a" deleted from default namespace\n',
      stderr: '',
      mutated: true,
    });
    expect(kubectl(cluster, 'delete storageclass/fast').stdout).toBe(
      'storageclass.storage.k8s.io "fast" deleted\n',
    );
    cluster.settle();
    expect(cluster.state.objects.PersistentVolumeClaim['default/a']).toBeUndefined();
    expect(cluster.state.objects.StorageClass['fast']).toBeUndefined();
  });

  it('leaves a protected object Terminating: the simulated kubectl does not wait', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(kubectl(cluster, 'delete pv pv-static').stdout).toBe('persistentvolume "pv-static" deleted\n');
    cluster.settle();
    expect(cluster.state.objects.PersistentVolume['pv-static']?.metadata?.deletionTimestamp).toBeDefined();
  });

  it('reports a missing object as NotFound and changes nothing', () => {
    const cluster = settledCluster(LONELY_CLAIM('a'));
    expect(refused(cluster, 'delete pvc x')).toBe(
      'Error from server (NotFound): persistentvolumeclaims "x" not found\n',
    );
  });

  it('deletes what exists and reports what does not', () => {
    const cluster = settledCluster(`${LONELY_CLAIM('a')}---${LONELY_CLAIM('b')}`);
    expect(kubectl(cluster, 'delete pvc a nope b')).toEqual({
      exitCode: 1,
      stdout:
        'persistentvolumeclaim "a" deleted from default namespace\npersistentvolumeclaim "b" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): persistentvolumeclaims "nope" not found\n',
      mutated: true,
    });
  });

  it('ignores missing objects with --ignore-not-found', () => {
    expect(kubectl(new Cluster(), 'delete pvc x --ignore-not-found')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
      mutated: false,
    });
  });

  it('deletes every object of the namespace with --all', () => {
    const cluster = settledCluster(`${LONELY_CLAIM('b')}---${LONELY_CLAIM('a')}`);
    expect(kubectl(cluster, 'delete pvc --all').stdout).toBe(
      'persistentvolumeclaim "a" deleted from default namespace\npersistentvolumeclaim "b" deleted from default namespace\n',
    );
    expect(kubectl(new Cluster(), 'delete pvc --all').stdout).toBe('No resources found\n');
  });

  it('deletes the objects of a file, naming the file in its errors', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(kubectl(cluster, 'delete -f editor.yaml', editor(STATIC_VOLUME_AND_CLAIM)).stdout).toBe(
      'persistentvolume "pv-static" deleted\npersistentvolumeclaim "data" deleted from default namespace\n',
    );
    const other = new Cluster();
    expect(refused(other, 'delete -f editor.yaml', editor(LONELY_CLAIM('gone')))).toBe(
      'Error from server (NotFound): error when deleting "editor.yaml": persistentvolumeclaims "gone" not found\n',
    );
  });

  it('refuses to delete the default namespace', () => {
    expect(refused(new Cluster(), 'delete namespace default')).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n',
    );
  });

  it('asks for names and resources as kubectl does', () => {
    const cluster = settledCluster(LONELY_CLAIM('a'));
    expect(refused(cluster, 'delete pvc')).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(refused(cluster, 'delete')).toBe(
      'error: You must provide one or more resources by argument or filename.\n' +
        'Example resource specifications include:\n' +
        "   '-f rsrc.yaml'\n" +
        "   '--filename=rsrc.json'\n" +
        "   '<resource> <name>'\n" +
        "   '<resource>'\n",
    );
    expect(refused(cluster, 'delete pvc a -f editor.yaml', editor(LONELY_CLAIM('a')))).toBe(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n',
    );
    expect(refused(cluster, 'delete foo a')).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });
});
