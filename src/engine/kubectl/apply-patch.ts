/**
 * The patch `kubectl apply` sends for an object that already exists (a three-way merge of the
 * last applied configuration, the file and the live object). The engine applies the file itself;
 * this only rebuilds the patch text kubectl prints when the server refuses it.
 */
import { LAST_APPLIED } from '../api/requests';
import { isPlainObject } from '../api/shapes';
import type { KubeObject } from '../model/types';
import { deepEqual } from '../sim/deep-equal';
import { compactGoJson } from './serialize';

/** CreateThreeWayMergePatch(original, modified, current), JSON-encoded as Go does (sorted keys). */
export function applyPatchText(live: KubeObject, desired: Record<string, unknown>): string {
  const { status: _status, ...modifiedObject } = desired;
  const lastApplied = compactGoJson(modifiedObject);
  const modified = withLastApplied(modifiedObject, `${lastApplied}\n`);
  const original = parseLastApplied(live.metadata?.annotations?.[LAST_APPLIED]);
  return compactGoJson(threeWayPatch(original, modified, live) ?? {});
}

function withLastApplied(object: Record<string, unknown>, annotation: string): Record<string, unknown> {
  const metadata = isPlainObject(object['metadata']) ? object['metadata'] : {};
  const annotations = isPlainObject(metadata['annotations']) ? metadata['annotations'] : {};
  return {
    ...object,
    metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED]: annotation } },
  };
}

function parseLastApplied(text: string | undefined): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/** Fields to set (modified differs from current) and to remove (original had, modified dropped). */
function threeWayPatch(
  original: unknown,
  modified: unknown,
  current: unknown,
): Record<string, unknown> | undefined {
  if (!isPlainObject(modified)) return undefined;
  const before = isPlainObject(original) ? original : {};
  const live = isPlainObject(current) ? current : {};
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(modified)) {
    if (isPlainObject(value) && isPlainObject(live[key])) {
      const nested = threeWayPatch(before[key], value, live[key]);
      if (nested && Object.keys(nested).length > 0) patch[key] = nested;
    } else if (!deepEqual(value, live[key])) {
      patch[key] = value;
    }
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(modified, key) && Object.hasOwn(live, key)) patch[key] = null;
  }
  return patch;
}
