/**
 * Fields of a kind as `kubectl explain` walks them: KIND_SHAPES gives which fields exist and their
 * types, field-docs their text. Lists and maps are stepped through to their items, as explain
 * does; a map key is a field only when it is documented (`spec.capacity.storage`).
 */
import type { Shape } from '../api/shapes';
import { KIND_SHAPES } from '../api/shapes';
import { fieldInfo } from './field-docs';

export interface SchemaField {
  readonly kind: string;
  /** The field's path in field-docs form: `spec.volumes[].hostPath.path`; '' for the kind. */
  readonly path: string;
  readonly shape: Shape;
}

export type FieldLookup =
  { readonly ok: true; readonly field: SchemaField } | { readonly ok: false; readonly missing: string };

export function kindSchema(kind: string): SchemaField | undefined {
  const shape = KIND_SHAPES[kind];
  return shape ? { kind, path: '', shape } : undefined;
}

/** Follows `names` (`['spec', 'accessModes']`) from the kind; `missing` is the first unknown name. */
export function lookupField(root: SchemaField, names: readonly string[]): FieldLookup {
  let current = root;
  for (const name of names) {
    const next = childField(current, name);
    if (!next) return { ok: false, missing: name };
    current = next;
  }
  return { ok: true, field: current };
}

/** The fields of an object (or of a list's or map's object items), sorted by name. */
export function childFields(field: SchemaField): SchemaField[] {
  const { shape, path } = itemsOf(field);
  if (shape.type !== 'object') return [];
  return Object.keys(shape.fields)
    .sort()
    .flatMap((name) => {
      const child = shape.fields[name];
      return child ? [{ kind: field.kind, path: join(path, name), shape: child }] : [];
    });
}

export function fieldName(field: SchemaField): string {
  return field.path.split('.').pop()?.replace(/\[\]$/, '') ?? '';
}

/** The type as explain prints it: `string`, `[]string`, `map[string]Quantity`, `PersistentVolumeSpec`. */
export function typeName(field: SchemaField): string {
  const named = fieldInfo(field.kind, field.path)?.typeName;
  if (named) return named;
  const { shape, path, kind } = field;
  switch (shape.type) {
    case 'list':
      return `[]${typeName({ kind, path: `${path}[]`, shape: shape.items })}`;
    case 'map':
      return `map[string]${typeName({ kind, path: `${path}.*`, shape: shape.values })}`;
    case 'quantity':
      return 'Quantity';
    case 'int-or-string':
      return 'IntOrString';
    case 'object':
    case 'any':
      return 'Object';
    default:
      return shape.type;
  }
}

function childField(field: SchemaField, name: string): SchemaField | undefined {
  const { shape, path } = itemsOf(field);
  if (shape.type === 'object') {
    const child = shape.fields[name];
    return child ? { kind: field.kind, path: join(path, name), shape: child } : undefined;
  }
  if (field.shape.type === 'map' && fieldInfo(field.kind, join(field.path, name))) {
    return { kind: field.kind, path: join(field.path, name), shape: field.shape.values };
  }
  return undefined;
}

/** Steps into list items (and map values) until an object or a scalar. */
function itemsOf(field: SchemaField): { shape: Shape; path: string } {
  let { shape, path } = field;
  for (;;) {
    if (shape.type === 'list') {
      shape = shape.items;
      path = `${path}[]`;
    } else if (shape.type === 'map' && shape.values.type === 'object') {
      shape = shape.values;
      path = `${path}.*`;
    } else {
      return { shape, path };
    }
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}
