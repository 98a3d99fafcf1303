/**
 * Whether an untrusted value (a saved workspace, an imported file) has the shape of a
 * ClusterState this engine can restore: the right schema version, every table, plain data.
 */
import { KIND_NAMES } from '../model/types';
import type { ClusterState } from './state';
import { STATE_SCHEMA_VERSION } from './state';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A reason the value is not a restorable state, or undefined when it is one. */
export function stateProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not an object';
  if (value['schemaVersion'] !== STATE_SCHEMA_VERSION)
    return `schema version ${String(value['schemaVersion'])}, expected ${STATE_SCHEMA_VERSION}`;
  for (const field of ['clock', 'round']) {
    if (typeof value[field] !== 'number' || !Number.isFinite(value[field])) return `${field} is not a number`;
  }
  const counters = value['counters'];
  if (
    !isRecord(counters) ||
    !['uid', 'resourceVersion', 'handle'].every((key) => Number.isInteger(counters[key]))
  ) {
    return 'counters are missing';
  }
  const settings = value['settings'];
  if (!isRecord(settings) || typeof settings['defaultNamespace'] !== 'string') return 'settings are missing';
  const objects = value['objects'];
  if (!isRecord(objects)) return 'objects are missing';
  for (const kind of KIND_NAMES) {
    const table = objects[kind];
    if (!isRecord(table)) return `the ${kind} table is missing`;
    for (const [key, object] of Object.entries(table)) {
      if (!isRecord(object) || object['kind'] !== kind || !isRecord(object['metadata']))
        return `${kind} ${key} is not a ${kind}`;
    }
  }
  const infra = value['infra'];
  if (!isRecord(infra)) return 'infrastructure is missing';
  for (const field of ['drivers', 'assets', 'pods', 'faults']) {
    if (!isRecord(infra[field])) return `infra.${field} is missing`;
  }
  return undefined;
}

export function isClusterState(value: unknown): value is ClusterState {
  return stateProblem(value) === undefined;
}
