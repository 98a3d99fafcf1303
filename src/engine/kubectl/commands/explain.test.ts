import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { fieldDoc } from '../field-docs';
import { kubectl, refused } from '../test-support';

function explain(path: string, flags = ''): string {
  const output = kubectl(new Cluster(), `kubectl explain ${path} ${flags}`);
  expect(output).toMatchObject({ exitCode: 0, stderr: '', mutated: false });
  return output.stdout;
}

/** The DESCRIPTION paragraph, unwrapped back to one line. */
function descriptionOf(text: string): string {
  const body = text.split('DESCRIPTION:\n')[1]?.split('\nFIELDS:\n')[0] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
}

describe('kubectl explain', () => {
  it('prints the kind, the field and its type, then the description wrapped and indented', () => {
    const text = explain('pvc.spec.accessModes');
    expect(
      text.startsWith(
        'KIND:       PersistentVolumeClaim\nVERSION:    v1\n\nFIELD: accessModes <[]string>\n\n\nDESCRIPTION:\n',
      ),
    ).toBe(true);
    expect(text.endsWith('\n    \n\n')).toBe(true);
    expect(descriptionOf(text)).toBe(fieldDoc('PersistentVolumeClaim', 'spec.accessModes'));
    const lines = text.split('DESCRIPTION:\n')[1]?.split('\n') ?? [];
    expect(
      lines.filter((line) => line.length > 0).every((line) => line.startsWith('    ') && line.length <= 80),
    ).toBe(true);
  });

  it('lists the accepted values under the field', () => {
    expect(explain('pv.spec.persistentVolumeReclaimPolicy')).toContain(
      'FIELD: persistentVolumeReclaimPolicy <string>\nENUM:\n    Delete\n    Recycle\n    Retain\n\nDESCRIPTION:\n',
    );
  });

  it('names the API group of storage.k8s.io kinds', () => {
    expect(
      explain('storageclass.volumeBindingMode').startsWith(
        'GROUP:      storage.k8s.io\nKIND:       StorageClass\nVERSION:    v1\n\n' +
          'FIELD: volumeBindingMode <string>\nENUM:\n    Immediate\n    WaitForFirstConsumer\n\nDESCRIPTION:\n',
      ),
    ).toBe(true);
  });

  it('lists the fields of an object, by name, with types, requirements and values', () => {
    const text = explain('pv.spec');
    expect(text).toContain('FIELD: spec <PersistentVolumeSpec>\n');
    expect(text).toContain('\nFIELDS:\n  accessModes\t<[]string>\n    How the volume can be mounted');
    expect(text).toContain('\n  capacity\t<map[string]Quantity>\n');
    expect(text).toContain('\n  nodeAffinity\t<VolumeNodeAffinity>\n');
    expect(text).toContain('\n  persistentVolumeReclaimPolicy\t<string>\n  enum: Delete, Recycle, Retain\n');
    expect(explain('pod.spec.volumes.configMap.items')).toContain('FIELDS:\n  key\t<string> -required-\n');
  });

  it('explains a kind with its top-level fields', () => {
    const text = explain('persistentvolumeclaims');
    expect(
      text.startsWith(
        'KIND:       PersistentVolumeClaim\nVERSION:    v1\n\nDESCRIPTION:\n    A PersistentVolumeClaim',
      ),
    ).toBe(true);
    expect(text).toContain('\n  spec\t<PersistentVolumeClaimSpec>\n');
    expect(text).toContain('\n  status\t<PersistentVolumeClaimStatus>\n');
  });

  it('prints only names and types, nested, with --recursive', () => {
    expect(explain('pod.spec.volumes.persistentVolumeClaim', '--recursive')).toContain(
      'FIELDS:\n  claimName\t<string> -required-\n  readOnly\t<boolean>\n',
    );
    expect(explain('pv.spec.nodeAffinity', '--recursive')).toContain(
      '  required\t<NodeSelector> -required-\n    nodeSelectorTerms\t<[]NodeSelectorTerm> -required-\n      matchExpressions\t<[]NodeSelectorRequirement>\n',
    );
  });

  it('documents every storage field the lessons rely on', () => {
    const paths: [string, string][] = [
      ['pv.spec.capacity', 'map[string]Quantity'],
      ['pv.spec.accessModes', '[]string'],
      ['pv.spec.persistentVolumeReclaimPolicy', 'string'],
      ['pv.spec.storageClassName', 'string'],
      ['pv.spec.volumeMode', 'string'],
      ['pv.spec.nodeAffinity', 'VolumeNodeAffinity'],
      ['pv.spec.mountOptions', '[]string'],
      ['pv.spec.claimRef', 'ObjectReference'],
      ['pvc.spec.volumeName', 'string'],
      ['pvc.spec.resources.requests', 'map[string]Quantity'],
      ['pvc.spec.resources.requests.storage', 'Quantity'],
      ['pvc.spec.selector', 'LabelSelector'],
      ['pvc.spec.storageClassName', 'string'],
      ['sc.provisioner', 'string'],
      ['sc.parameters', 'map[string]string'],
      ['sc.reclaimPolicy', 'string'],
      ['sc.volumeBindingMode', 'string'],
      ['sc.allowVolumeExpansion', 'boolean'],
      ['sc.allowedTopologies', '[]TopologySelectorTerm'],
      ['pod.spec.volumes.persistentVolumeClaim.claimName', 'string'],
      ['pod.spec.volumes.emptyDir.sizeLimit', 'Quantity'],
      ['pod.spec.volumes.configMap.items', '[]KeyToPath'],
      ['pod.spec.volumes.hostPath.path', 'string'],
      ['pod.spec.volumes.hostPath.type', 'string'],
      ['pod.spec.containers.volumeMounts.mountPath', 'string'],
      ['pod.spec.containers.volumeMounts.readOnly', 'boolean'],
      ['pod.spec.containers.volumeMounts.subPath', 'string'],
    ];
    for (const [path, type] of paths) {
      const text = explain(path);
      const field = path.split('.').pop() ?? '';
      expect(text, path).toContain(`FIELD: ${field} <${type}>\n`);
      expect(descriptionOf(text), path).not.toBe('<empty>');
      expect(descriptionOf(text).length, path).toBeGreaterThan(30);
    }
  });
});

describe('kubectl explain errors', () => {
  it('words them as kubectl does', () => {
    const cluster = new Cluster();
    expect(refused(cluster, 'explain')).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(refused(cluster, 'explain pvc.spec.nope')).toBe('error: field "nope" does not exist\n');
    expect(refused(cluster, 'explain pv.spec.capacity.nope')).toBe('error: field "nope" does not exist\n');
    expect(refused(cluster, 'explain widgets')).toBe(
      'error: the server doesn\'t have a resource type "widgets"\n',
    );
    expect(refused(cluster, 'explain pv pvc')).toBe('error: We accept only this format: explain RESOURCE\n');
  });

  it('says which kinds it cannot explain', () => {
    expect(refused(new Cluster(), 'explain events')).toBe('error: explain is not simulated for events\n');
  });
});
