import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { describeObject } from '../../print/describe';
import { STATIC_VOLUME_AND_CLAIM, settledCluster, textOf } from '../../print/test-support';
import { kubectl, refused } from '../test-support';

/** Two Pending claims: each has events (FailedBinding), so the Events section shows when allowed. */
const TWO_LONELY_CLAIMS = ['data', 'logs']
  .map(
    (name) => `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`,
  )
  .join('---');

describe('kubectl describe', () => {
  it('prints the describer output of one object, events included', () => {
    const cluster = settledCluster(TWO_LONELY_CLAIMS);
    const output = kubectl(cluster, 'describe pvc data');
    expect(output).toEqual({
      exitCode: 0,
      stdout: textOf(describeObject(cluster.state, 'PersistentVolumeClaim', 'default', 'data')),
      stderr: '',
      mutated: false,
    });
    expect(output.stdout).toContain('Normal  FailedBinding');
    expect(kubectl(cluster, 'describe pvc/data').stdout).toBe(output.stdout);
  });

  it('describes every object of the kind, separated by blank lines and without events', () => {
    const cluster = settledCluster(TWO_LONELY_CLAIMS);
    const settings = { showEvents: false };
    const data = textOf(describeObject(cluster.state, 'PersistentVolumeClaim', 'default', 'data', settings));
    const logs = textOf(describeObject(cluster.state, 'PersistentVolumeClaim', 'default', 'logs', settings));
    const output = kubectl(cluster, 'describe pvc');
    expect(output.stdout).toBe(`${data}\n\n${logs}`);
    expect(output.stdout).not.toContain('Events:');
  });

  it('falls back to the objects whose name starts with the given one', () => {
    const cluster = settledCluster(TWO_LONELY_CLAIMS);
    const data = textOf(
      describeObject(cluster.state, 'PersistentVolumeClaim', 'default', 'data', { showEvents: false }),
    );
    expect(kubectl(cluster, 'describe pvc da')).toMatchObject({
      exitCode: 0,
      stdout: `${data}\n`,
      stderr: '',
    });
  });

  it('reports a missing object as NotFound', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(refused(cluster, 'describe pv nope')).toBe(
      'Error from server (NotFound): persistentvolumes "nope" not found\n',
    );
    expect(refused(cluster, 'describe sc nope')).toBe(
      'Error from server (NotFound): storageclasses.storage.k8s.io "nope" not found\n',
    );
  });

  it('says when there is nothing to describe', () => {
    expect(kubectl(new Cluster(), 'describe pvc')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      mutated: false,
    });
  });

  it('asks for a resource type as kubectl does', () => {
    expect(refused(new Cluster(), 'describe')).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  });
});
