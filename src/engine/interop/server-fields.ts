/**
 * What the API server and the controllers write into an object, as opposed to what its author
 * wrote. Taking these out turns an object read from a cluster back into a manifest: the import of
 * a real cluster's `kubectl get -o yaml` and the export of the simulator's objects both need it.
 */
import { isPlainObject } from '../api/shapes';
import { LAST_APPLIED } from '../api/requests';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_STORAGE_RESIZER,
} from '../model/well-known';

export type PlainObject = Record<string, unknown>;

/** Metadata the API server owns (read-only for clients). */
export const SERVER_METADATA: readonly string[] = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'managedFields',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/**
 * Annotations the PV controller writes on a claim while binding or provisioning it. A claim that
 * keeps `bind-completed` would be taken for one already bound, so the binder would not bind it.
 */
export const CLAIM_BINDING_ANNOTATIONS: readonly string[] = [
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_STORAGE_PROVISIONER,
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_STORAGE_RESIZER,
];

/** The object without `status`, server-owned metadata, the listed annotations and `kubectl apply`'s record. */
export function withoutServerFields(
  object: PlainObject,
  dropAnnotations: readonly string[] = [],
): PlainObject {
  const result: PlainObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'status') continue;
    result[key] = key === 'metadata' && isPlainObject(value) ? cleanMetadata(value, dropAnnotations) : value;
  }
  return result;
}

function cleanMetadata(metadata: PlainObject, dropAnnotations: readonly string[]): PlainObject {
  const result: PlainObject = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (SERVER_METADATA.includes(key)) continue;
    if (key === 'annotations' && isPlainObject(value)) {
      const kept = Object.entries(value).filter(
        ([name]) => name !== LAST_APPLIED && !dropAnnotations.includes(name),
      );
      if (kept.length > 0) result[key] = Object.fromEntries(kept);
      continue;
    }
    result[key] = value;
  }
  return result;
}

/** `metadata.<field>` of a plain object, if it is a string. */
export function metadataString(object: PlainObject, field: string): string | undefined {
  const metadata = object['metadata'];
  const value = isPlainObject(metadata) ? metadata[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** An object's `spec` (a fresh copy of the top level, so it can be changed). */
export function specOf(object: PlainObject): PlainObject {
  const spec = object['spec'];
  return isPlainObject(spec) ? { ...spec } : {};
}

export { ANN_SELECTED_NODE };
