/** The resource names kubectl accepts for the kinds the simulator stores: plural, singular, short, kind. */
import type { KindName } from '../model/types';
import { KIND_NAMES, KINDS } from '../model/types';

const ALIASES: ReadonlyMap<string, KindName> = new Map(
  KIND_NAMES.flatMap((kind) => {
    const info = KINDS[kind];
    const group = info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : undefined;
    const singular = kind.toLowerCase();
    const names = [info.resource, singular, ...info.shortNames];
    // `kubectl get storageclasses.storage.k8s.io` names the group too.
    const qualified = group ? [info.resource, singular].map((name) => `${name}.${group}`) : [];
    return [...names, ...qualified].map((name) => [name, kind] as const);
  }),
);

/** The kind a `kubectl get|describe` resource argument names ("pvc", "StorageClass", "pods"), if any. */
export function resolveResource(resource: string): KindName | undefined {
  return ALIASES.get(resource.trim().toLowerCase());
}

/**
 * How kubectl names a kind in `kind/name` and `kind "name" deleted`: the lower-case kind, then
 * the API group when there is one (`persistentvolumeclaim`, `storageclass.storage.k8s.io`).
 */
export function qualifiedKindName(kind: KindName): string {
  const apiVersion = KINDS[kind].apiVersion;
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : undefined;
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}
