import { describe, expect, it } from 'vitest';
import { STATIC_VOLUME_AND_CLAIM, settledCluster } from '../../print/test-support';
import { kubectl, refused } from '../test-support';

const LABEL_PATCH = `'{"metadata":{"labels":{"tier":"gold"}}}'`;

describe('kubectl patch', () => {
  it('applies a merge patch, then reports no change', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(kubectl(cluster, `kubectl patch pv pv-static --type merge -p ${LABEL_PATCH}`)).toEqual({
      exitCode: 0,
      stdout: 'persistentvolume/pv-static patched\n',
      stderr: '',
      mutated: true,
    });
    expect(cluster.state.objects.PersistentVolume['pv-static']?.metadata?.labels).toEqual({ tier: 'gold' });
    expect(kubectl(cluster, `patch pv/pv-static -p ${LABEL_PATCH}`)).toMatchObject({
      stdout: 'persistentvolume/pv-static patched (no change)\n',
      mutated: false,
    });
  });

  it('accepts every spelling of the flags', () => {
    for (const flags of [
      `--type=merge -p=${LABEL_PATCH}`,
      `--patch ${LABEL_PATCH}`,
      `--type MERGE --patch=${LABEL_PATCH}`,
    ]) {
      const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
      expect(kubectl(cluster, `patch pv pv-static ${flags}`).stdout).toBe(
        'persistentvolume/pv-static patched\n',
      );
    }
  });

  it('reads the patch as YAML too, and clearing a claimRef frees a Released volume', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(kubectl(cluster, 'delete pvc data').exitCode).toBe(0);
    cluster.settle();
    expect(cluster.state.objects.PersistentVolume['pv-static']?.status?.phase).toBe('Released');
    expect(kubectl(cluster, `patch pv pv-static -p '{spec: {claimRef: null}}'`).stdout).toBe(
      'persistentvolume/pv-static patched\n',
    );
    cluster.settle();
    expect(cluster.state.objects.PersistentVolume['pv-static']?.status?.phase).toBe('Available');
  });

  it('patches a claim in the -n namespace', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(refused(cluster, `patch pvc data -n other -p ${LABEL_PATCH}`)).toBe(
      'Error from server (NotFound): persistentvolumeclaims "data" not found\n',
    );
    expect(kubectl(cluster, `patch pvc data -n default -p ${LABEL_PATCH}`).stdout).toBe(
      'persistentvolumeclaim/data patched\n',
    );
  });

  it('reports the API server refusal as kubectl does', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(refused(cluster, `patch pv nope -p ${LABEL_PATCH}`)).toBe(
      'Error from server (NotFound): persistentvolumes "nope" not found\n',
    );
    expect(refused(cluster, `patch pvc data -p '{"spec":{"volumeMode":"Block"}}'`)).toBe(
      'The PersistentVolumeClaim "data" is invalid: \n' +
        '* spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n' +
        '* spec.volumeMode: Invalid value: "Block": field is immutable\n',
    );
    expect(refused(cluster, `patch pv pv-static -p '"just text"'`)).toBe(
      'Error from server (BadRequest): the merge patch must be a JSON object\n',
    );
  });

  it('refuses a patch it cannot parse', () => {
    expect(refused(settledCluster(STATIC_VOLUME_AND_CLAIM), `patch pv pv-static -p '{"spec": bad'`)).toMatch(
      /^error: unable to parse "\{\\"spec\\": bad": yaml: line 1: /,
    );
  });

  it('simulates merge patches only', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    for (const type of ['json', 'strategic']) {
      expect(refused(cluster, `patch pv pv-static --type ${type} -p '[]'`)).toBe(
        `error: --type ${type} is not simulated: this kubectl applies JSON merge patches only ` +
          '(--type merge, which is also what it uses when --type is left out)\n',
      );
    }
    expect(refused(cluster, `patch pv pv-static --type foo -p '{}'`)).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    );
  });

  it('asks for a patch, a resource and a name as kubectl does', () => {
    const cluster = settledCluster(STATIC_VOLUME_AND_CLAIM);
    expect(refused(cluster, 'patch pv pv-static')).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(refused(cluster, `patch pv -p '{}'`)).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(refused(cluster, `patch -p '{}'`)).toContain(
      'error: You must provide one or more resources by argument or filename.\n',
    );
  });
});
