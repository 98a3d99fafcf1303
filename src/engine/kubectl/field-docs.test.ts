import { describe, expect, it } from 'vitest';
import type { Shape } from '../api/shapes';
import { KIND_SHAPES } from '../api/shapes';
import { documentedFields, fieldDoc, fieldInfo } from './field-docs';

/** Follows a field-docs path (`spec.volumes[].hostPath.path`, `spec.capacity.storage`) in a shape. */
function shapeAt(root: Shape, path: string): Shape | undefined {
  let shape: Shape | undefined = root;
  for (const part of path ? path.split('.') : []) {
    const name = part.replace(/\[\]$/, '');
    if (shape?.type === 'object') shape = shape.fields[name];
    else if (shape?.type === 'map') shape = shape.values;
    else return undefined;
    if (part.endsWith('[]')) shape = shape?.type === 'list' ? shape.items : undefined;
  }
  return shape;
}

describe('field docs', () => {
  it('documents only fields that exist in the kinds the API server accepts', () => {
    const missing = documentedFields().filter(({ kind, path }) => {
      const roots = kind ? [KIND_SHAPES[kind]] : Object.values(KIND_SHAPES);
      return roots.some((root) => !root || !shapeAt(root, path));
    });
    expect(missing).toEqual([]);
  });

  it('looks fields up with the editor schema path convention', () => {
    expect(fieldDoc('Pod', 'spec.volumes[].persistentVolumeClaim.claimName')).toContain(
      'same namespace as the pod',
    );
    expect(fieldDoc('PersistentVolumeClaim', 'spec.resources.requests.storage')).toContain(
      'The minimum size',
    );
    expect(fieldDoc('PersistentVolume', 'spec.accessModes[]')).toContain('ReadWriteOncePod');
    expect(fieldDoc('StorageClass', 'volumeBindingMode')).toContain('WaitForFirstConsumer');
  });

  it('shares metadata docs across kinds, and answers the root fields for kind ""', () => {
    expect(fieldDoc('PersistentVolume', 'metadata.finalizers')).toContain('kubernetes.io/pv-protection');
    expect(fieldDoc('', 'apiVersion')).toContain('storage.k8s.io/v1');
    expect(fieldDoc('', 'kind')).toBeDefined();
  });

  it('documents init containers like containers, and the in-tree sources with one text', () => {
    expect(fieldDoc('Pod', 'spec.initContainers[].volumeMounts[].subPath')).toBe(
      fieldDoc('Pod', 'spec.containers[].volumeMounts[].subPath'),
    );
    expect(fieldDoc('PersistentVolume', 'spec.gcePersistentDisk')).toContain('not simulated');
  });

  it('has nothing for fields it does not know', () => {
    expect(fieldInfo('PersistentVolume', 'spec.nope')).toBeUndefined();
    expect(fieldInfo('Unknown', 'spec')).toBeUndefined();
  });

  it('writes plain text, without Markdown', () => {
    const marked = documentedFields().filter(({ kind, path }) => /[`*_[]/.test(fieldDoc(kind, path) ?? ''));
    expect(marked).toEqual([]);
  });
});
