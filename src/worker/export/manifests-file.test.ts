import { describe, expect, it } from 'vitest';
import { Cluster, SANDBOX_OPTIONS } from '../../engine';
import { manifestsFile } from './manifests-file';

describe('manifests.yaml', () => {
  it("holds the user's objects under a header saying how to use them", () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: fast}\n');
    const file = manifestsFile(cluster.state).split('\n');
    expect(file[0]).toMatch(/^# Your objects from/);
    expect(file).toContain('#   kubectl apply -f manifests.yaml');
    expect(file.slice(file.indexOf('---'))).toEqual([
      '---',
      'apiVersion: v1',
      'data:',
      '  mode: fast',
      'kind: ConfigMap',
      'metadata:',
      '  name: settings',
      '  namespace: default',
      '',
    ]);
  });

  it('says so when there is nothing of the user', () => {
    expect(manifestsFile(new Cluster(SANDBOX_OPTIONS).state)).toContain(
      '# (There are none of your objects in the cluster.)',
    );
  });
});
