/** Ids of graph elements: Kubernetes objects by reference, infrastructure by its own key. */
import type { KindName, ObjectRef, RelationEnd } from '../../engine';
import { isKindName } from '../../engine';

export function objectNodeId(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

export function assetNodeId(assetId: string): string {
  return `asset:${assetId}`;
}

export function driverNodeId(driver: string): string {
  return `driver:${driver}`;
}

/** The card (or driver chip) that stands for one end of a relation. */
export function relationEndNodeId(end: RelationEnd): string {
  if (end.kind === 'Asset') return assetNodeId(end.id);
  if (end.kind === 'Driver') return driverNodeId(end.name);
  return objectNodeId(end);
}

export function zoneNodeId(zone: string): string {
  return `zone:${zone}`;
}

/** The Kubernetes object behind a graph id, if it is one. */
export function refOfNodeId(id: string): ObjectRef | undefined {
  const [kind, first, second] = id.split('/');
  if (!isKindName(kind) || first === undefined) return undefined;
  return second === undefined
    ? { kind: kind satisfies KindName, name: first }
    : { kind, namespace: first, name: second };
}
