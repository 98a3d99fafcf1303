/** JSON merge patch (RFC 7386) and the three-way merge `kubectl apply` performs. */
import { clonePlain } from '../sim/clone';
import { isPlainObject } from './shapes';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clonePlain(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatch(result[key], value);
    }
  }
  return result;
}

/**
 * What `kubectl apply` sends: fields in the new manifest are set; fields the previous apply set
 * and the new manifest dropped are removed; fields written by others (controllers) are kept.
 * Lists are replaced whole.
 */
export function threeWayMerge(lastApplied: unknown, desired: unknown, live: unknown): unknown {
  if (!isPlainObject(desired)) return clonePlain(desired);
  const result: Record<string, unknown> = isPlainObject(live) ? { ...live } : {};
  const previous = isPlainObject(lastApplied) ? lastApplied : {};
  for (const [key, value] of Object.entries(desired)) {
    result[key] =
      isPlainObject(value) && isPlainObject(result[key])
        ? threeWayMerge(previous[key], value, result[key])
        : clonePlain(value);
  }
  for (const key of Object.keys(previous)) {
    if (!Object.hasOwn(desired, key)) delete result[key];
  }
  return result;
}
