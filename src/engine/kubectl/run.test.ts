import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { STATIC_VOLUME_AND_CLAIM, settledCluster } from '../print/test-support';
import { KUBECTL_COMMANDS } from './run';
import { kubectl, refused } from './test-support';

describe('runKubectl', () => {
  it('prints nothing for an empty line', () => {
    expect(kubectl(new Cluster(), '   ')).toEqual({ exitCode: 0, stdout: '', stderr: '', mutated: false });
  });

  it('accepts the command with or without kubectl, or the alias k', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    const plain = kubectl(cluster, 'get pv');
    expect(kubectl(cluster, 'kubectl get pv')).toEqual(plain);
    expect(kubectl(cluster, 'k get pv')).toEqual(plain);
    expect(plain.stdout).toContain('pv-static');
  });

  it('prints a usage text for kubectl alone, help, and --help', () => {
    const general = kubectl(new Cluster(), 'kubectl');
    expect(general.exitCode).toBe(0);
    for (const command of KUBECTL_COMMANDS) expect(general.stdout).toContain(`\n  ${command.name} `);
    expect(kubectl(new Cluster(), 'kubectl help').stdout).toBe(general.stdout);
    expect(kubectl(new Cluster(), 'kubectl --help').stdout).toBe(general.stdout);
    const getHelp = kubectl(new Cluster(), 'get --help').stdout;
    expect(getHelp).toContain('Usage:\n  kubectl get TYPE[,TYPE...]');
    expect(getHelp).toContain('-o, --output');
    expect(kubectl(new Cluster(), 'help get').stdout).toBe(getHelp);
    expect(kubectl(new Cluster(), 'get -h').stdout).toBe(getHelp);
  });

  it('prints the simulated versions', () => {
    expect(kubectl(new Cluster(), 'version').stdout).toBe(
      'Client Version: v1.35.0\nKustomize Version: v5.6.0\nServer Version: v1.35.0\n',
    );
    expect(kubectl(new Cluster(), 'version --client').stdout).toBe(
      'Client Version: v1.35.0\nKustomize Version: v5.6.0\n',
    );
  });

  it('lists the simulated API resources, core group first', () => {
    const lines = kubectl(new Cluster(), 'api-resources').stdout.split('\n');
    expect(lines[0]).toBe('NAME                     SHORTNAMES   APIVERSION          NAMESPACED   KIND');
    expect(lines).toContain(
      'persistentvolumeclaims   pvc          v1                  true         PersistentVolumeClaim',
    );
    expect(lines).toContain(
      'storageclasses           sc           storage.k8s.io/v1   false        StorageClass',
    );
    expect(lines.findIndex((line) => line.startsWith('pods '))).toBeLessThan(
      lines.findIndex((line) => line.startsWith('csidrivers ')),
    );
  });
});

describe('runKubectl errors', () => {
  it('refuses an unknown command as cobra does, with suggestions', () => {
    expect(refused(new Cluster(), 'kubectl foo')).toBe(
      'error: unknown command "foo" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
    expect(refused(new Cluster(), 'kubectl gte pv')).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n',
    );
  });

  it('names real kubectl commands it does not simulate', () => {
    expect(refused(new Cluster(), 'kubectl logs web')).toBe(
      'error: "kubectl logs" is not simulated here. Simulated commands: get, describe, explain, apply, create, delete, patch, api-resources, version\n',
    );
  });

  it('refuses unknown flags and missing flag values with the usage hint', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(refused(cluster, 'get pv --bogus')).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    );
    expect(refused(cluster, 'delete pv -x')).toBe(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl delete --help' for usage.\n",
    );
    expect(refused(cluster, 'get pv -n')).toBe(
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    );
    expect(refused(cluster, 'kubectl --bogus get pv')).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n",
    );
  });

  it('reports what the shell would refuse', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(refused(cluster, `patch pv pv-static -p '{"a":1}`)).toBe('error: unterminated quote\n');
    expect(refused(cluster, 'get pv | grep static')).toContain(
      'are not simulated: run one kubectl command at a time',
    );
  });
});
