/**
 * Importing a real cluster's storage: what `kubectl get pv,pvc,sc,pods -A -o yaml` prints (a
 * `v1/List` with `items`; several documents or a bare object are read too) becomes manifests the
 * simulator accepts, the nodes they need (see import-nodes.ts), and warnings for everything that
 * cannot be simulated. Nothing is refused for being unusual: an object the simulator would refuse
 * is left out with the simulator's reason. Only text that is not YAML, too large, or holds nothing
 * to draw is refused.
 */
import { Cluster } from '../cluster';
import { parseManifests } from '../api/manifests';
import { isPlainObject } from '../api/shapes';
import { toYaml } from '../kubectl/serialize';
import type { KindName, ObjectRef } from '../model/types';
import { isKindName, KINDS } from '../model/types';
import type { ClusterOptions } from '../sim/initial';
import { deriveNodes } from './import-nodes';
import type { Cleaned } from './import-objects';
import {
  cleanClaim,
  cleanPlain,
  cleanPod,
  cleanStorageClass,
  cleanVolume,
  describeObject,
  namespaceManifest,
} from './import-objects';
import type { PlainObject } from './server-fields';
import { metadataString, specOf } from './server-fields';
import type { UserKind } from './user-kinds';
import { USER_KINDS } from './user-kinds';

export const CLUSTER_IMPORT_LIMITS = {
  maxBytes: 8 * 1024 * 1024,
  /** The graph stays readable, and the worker quick, up to about this many objects. */
  maxObjects: 1000,
  /** What a replay log's reset accepts (timeline.ts). */
  maxNodes: 50,
};

export interface ClusterImportOptions {
  /** The sandbox being replaced: its drivers and default namespace are kept. */
  readonly cluster: ClusterOptions;
  /** The control plane's own pods (kube-system) are left out unless asked for. */
  readonly includeSystemPods?: boolean;
}

export interface ClusterImport {
  /** The options to start the cluster afresh with: the sandbox's, with the imported nodes. */
  readonly options: ClusterOptions;
  /** One multi-document YAML text, applied in one go after the fresh start. */
  readonly manifests: string;
  readonly objects: readonly ObjectRef[];
  readonly warnings: readonly string[];
}

export type ClusterImportResult =
  { readonly ok: true; readonly value: ClusterImport } | { readonly ok: false; readonly reason: string };

const IMPORTED_KINDS: ReadonlySet<string> = new Set<string>(USER_KINDS);
/** Written by the cluster itself; the simulated control plane makes its own. */
const CLUSTER_WRITTEN: ReadonlySet<string> = new Set(['Event', 'VolumeAttachment', 'CSIDriver']);
const SYSTEM_NAMESPACE = 'kube-system';

function refuse(reason: string): ClusterImportResult {
  return { ok: false, reason };
}

function itemsOf(content: unknown): unknown[] {
  if (isPlainObject(content) && content['kind'] === 'List' && Array.isArray(content['items']))
    return content['items'];
  return [content];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function importClusterList(text: string, options: ClusterImportOptions): ClusterImportResult {
  if (text.length > CLUSTER_IMPORT_LIMITS.maxBytes)
    return refuse(
      `the text is ${Math.round(text.length / 1024)} KB; at most ${CLUSTER_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB is read`,
    );
  if (!text.trim())
    return refuse('the text is empty: paste the output of kubectl get pv,pvc,sc,pods -A -o yaml');
  const parsed = parseManifests(text);
  if (!parsed.ok) return refuse(`the text is not YAML that kubectl prints: ${parsed.error.message}`);
  const items = parsed.manifests.flatMap((manifest) => itemsOf(manifest.content));
  if (items.length > CLUSTER_IMPORT_LIMITS.maxObjects)
    return refuse(
      `the output has ${items.length} objects; at most ${CLUSTER_IMPORT_LIMITS.maxObjects} are drawn. Narrow it to a namespace (kubectl get pv,pvc,sc,pods -n NAME -o yaml)`,
    );

  const warnings: string[] = [];
  const byKind = new Map<UserKind, PlainObject[]>(USER_KINDS.map((kind) => [kind, []]));
  const nodeObjects: PlainObject[] = [];
  const notSimulated = new Map<string, number>();
  let systemPods = 0;
  for (const item of items) {
    const kind = isPlainObject(item) ? item['kind'] : undefined;
    const apiVersion = isPlainObject(item) ? item['apiVersion'] : undefined;
    const known = isKindName(kind) && KINDS[kind].apiVersion === apiVersion;
    if (!isPlainObject(item) || !known) {
      const label = typeof kind === 'string' && kind ? kind : 'something that is not an object';
      notSimulated.set(label, (notSimulated.get(label) ?? 0) + 1);
    } else if (kind === 'Node') nodeObjects.push(item);
    else if (CLUSTER_WRITTEN.has(kind)) continue;
    else if (!IMPORTED_KINDS.has(kind)) notSimulated.set(kind, (notSimulated.get(kind) ?? 0) + 1);
    else if (
      kind === 'Pod' &&
      metadataString(item, 'namespace') === SYSTEM_NAMESPACE &&
      !options.includeSystemPods
    )
      systemPods += 1;
    else byKind.get(kind as UserKind)?.push(item);
  }
  if (notSimulated.size > 0)
    warnings.push(
      `left out what the simulator does not model: ${[...notSimulated].map(([kind, count]) => `${count} ${kind}`).join(', ')}`,
    );
  if (systemPods > 0)
    warnings.push(
      `left out ${plural(systemPods, 'pod')} in ${SYSTEM_NAMESPACE} (the cluster's own components)`,
    );

  const list = (kind: UserKind) => byKind.get(kind) ?? [];
  const claimKeys = new Set(list('PersistentVolumeClaim').map((claim) => describeObject(claim)));
  const volumeNames = new Set(list('PersistentVolume').map((volume) => metadataString(volume, 'name') ?? ''));
  const drivers = options.cluster.drivers ?? [];
  const cleaners: Record<UserKind, (object: PlainObject) => Cleaned> = {
    Namespace: (object) => ({
      object: namespaceManifest(metadataString(object, 'name') ?? '', labelsOf(object)),
      warnings: [],
    }),
    ConfigMap: cleanPlain,
    StorageClass: (object) => cleanStorageClass(object, drivers),
    PersistentVolume: (object) => cleanVolume(object, claimKeys),
    PersistentVolumeClaim: (object) => cleanClaim(object, volumeNames),
    Pod: cleanPod,
  };
  const cleaned = new Map<UserKind, PlainObject[]>();
  for (const kind of USER_KINDS) {
    const results = list(kind).map((object) => cleaners[kind](object));
    warnings.push(...results.flatMap((result) => result.warnings));
    cleaned.set(
      kind,
      results.map((result) => result.object),
    );
  }

  const derived = deriveNodes(
    {
      nodeObjects,
      volumes: list('PersistentVolume'),
      claims: list('PersistentVolumeClaim'),
      pods: list('Pod'),
    },
    CLUSTER_IMPORT_LIMITS.maxNodes,
  );
  warnings.push(...derived.warnings);
  const clusterOptions: ClusterOptions =
    derived.nodes.length > 0 ? { ...options.cluster, nodes: derived.nodes } : options.cluster;
  const nodeNames = new Set(derived.nodes.map((node) => node.name));
  cleaned.set(
    'Pod',
    (cleaned.get('Pod') ?? []).map((pod) => unpinnedIfNodeMissing(pod, nodeNames)),
  );
  warnings.push(...missingConfigMaps(cleaned.get('Pod') ?? [], cleaned.get('ConfigMap') ?? []));
  cleaned.set('Namespace', namespacesNeeded(cleaned, clusterOptions));

  // Each object is tried on a scratch cluster, in order: one the simulator refuses is left out
  // with its reason instead of failing the whole import.
  const scratch = new Cluster(clusterOptions);
  const accepted: string[] = [];
  const objects: ObjectRef[] = [];
  for (const kind of USER_KINDS) {
    for (const object of cleaned.get(kind) ?? []) {
      const manifest = toYaml(object);
      const result = scratch.apply(manifest);
      if (!result.ok) {
        warnings.push(`${kind} ${describeObject(object)} was left out: ${result.error.message}`);
        continue;
      }
      accepted.push(manifest);
      objects.push(refOfImported(kind, object));
    }
  }
  if (objects.filter((ref) => ref.kind !== 'Namespace').length === 0)
    return refuse(
      `found no PersistentVolumes, PersistentVolumeClaims, StorageClasses or Pods to draw${warnings.length > 0 ? ` (${warnings.join('; ')})` : ''}`,
    );
  return {
    ok: true,
    value: { options: clusterOptions, manifests: accepted.join('---\n'), objects, warnings },
  };
}

function labelsOf(object: PlainObject): unknown {
  const metadata = object['metadata'];
  return isPlainObject(metadata) ? metadata['labels'] : undefined;
}

function refOfImported(kind: KindName, object: PlainObject): ObjectRef {
  const name = metadataString(object, 'name') ?? '';
  const namespace = metadataString(object, 'namespace');
  return KINDS[kind].namespaced ? { kind, namespace: namespace ?? 'default', name } : { kind, name };
}

/** A pod on a node the sandbox does not get (an invalid name, beyond the limit) is scheduled again. */
function unpinnedIfNodeMissing(pod: PlainObject, nodes: ReadonlySet<string>): PlainObject {
  const spec = specOf(pod);
  const nodeName = spec['nodeName'];
  if (typeof nodeName !== 'string' || nodes.has(nodeName)) return pod;
  delete spec['nodeName'];
  return { ...pod, spec };
}

function missingConfigMaps(pods: readonly PlainObject[], configMaps: readonly PlainObject[]): string[] {
  const present = new Set(configMaps.map((configMap) => describeObject(configMap)));
  const warnings: string[] = [];
  for (const pod of pods) {
    const volumes = specOf(pod)['volumes'];
    for (const volume of Array.isArray(volumes) ? volumes : []) {
      const source = isPlainObject(volume) ? volume['configMap'] : undefined;
      if (!isPlainObject(source) || source['optional'] === true) continue;
      const key = `${metadataString(pod, 'namespace') ?? ''}/${String(source['name'])}`;
      if (!present.has(key))
        warnings.push(
          `pod ${describeObject(pod)} mounts ConfigMap ${key}, which is not in the output: it waits for it (add configmaps to the kubectl get to bring them)`,
        );
    }
  }
  return warnings;
}

/** The namespaces the objects live in that a fresh sandbox does not have, plus any in the output. */
function namespacesNeeded(
  cleaned: ReadonlyMap<UserKind, PlainObject[]>,
  options: ClusterOptions,
): PlainObject[] {
  const existing = new Set(['default', SYSTEM_NAMESPACE, options.defaultNamespace ?? 'default']);
  const result = new Map<string, PlainObject>();
  for (const namespace of cleaned.get('Namespace') ?? []) {
    const name = metadataString(namespace, 'name') ?? '';
    if (!existing.has(name)) result.set(name, namespace);
  }
  for (const kind of ['ConfigMap', 'PersistentVolumeClaim', 'Pod'] as const) {
    for (const object of cleaned.get(kind) ?? []) {
      const name = metadataString(object, 'namespace');
      if (name && !existing.has(name) && !result.has(name)) result.set(name, namespaceManifest(name));
    }
  }
  return [...result.values()];
}
