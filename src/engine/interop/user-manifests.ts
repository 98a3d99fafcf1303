/**
 * The user's objects as manifests for a real cluster: what they created, as they would write it,
 * without what the simulated control plane added. Nodes, drivers, events and attachments belong
 * to the cluster; a dynamically provisioned volume belongs to its provisioner (the real one makes
 * its own); bindings the controllers made (a claim's `volumeName`, a volume's `claimRef`) and the
 * node the scheduler picked are left for the real controllers to make again. Bindings the user
 * wrote (a pre-bound claim or volume, a pod pinned with `nodeName`) are kept.
 */
import { LAST_APPLIED } from '../api/requests';
import { isPlainObject } from '../api/shapes';
import { toYaml } from '../kubectl/serialize';
import type { KindName, KubeObject } from '../model/types';
import {
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  FINALIZER_EXTERNAL_PROVISIONER,
  FINALIZER_PV_PROTECTION,
  FINALIZER_PVC_PROTECTION,
} from '../model/well-known';
import type { ClusterState } from '../sim/state';
import type { PlainObject } from './server-fields';
import { CLAIM_BINDING_ANNOTATIONS, specOf, withoutServerFields } from './server-fields';
import { USER_KINDS } from './user-kinds';

const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
const CONTROLLER_ANNOTATIONS = [...CLAIM_BINDING_ANNOTATIONS, ANN_SELECTED_NODE, ANN_PROVISIONED_BY];
const CONTROLLER_FINALIZERS = [
  FINALIZER_PVC_PROTECTION,
  FINALIZER_PV_PROTECTION,
  FINALIZER_EXTERNAL_PROVISIONER,
];

function annotation(object: KubeObject, key: string): string | undefined {
  return object.metadata?.annotations?.[key];
}

/** What `kubectl apply` last sent for the object, if it was applied. */
function lastApplied(object: KubeObject): PlainObject | undefined {
  try {
    const value: unknown = JSON.parse(annotation(object, LAST_APPLIED) ?? 'null');
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function withoutControllerFinalizers(object: PlainObject): PlainObject {
  const metadata = isPlainObject(object['metadata']) ? { ...object['metadata'] } : {};
  const finalizers = Array.isArray(metadata['finalizers'])
    ? metadata['finalizers'].filter((name) => !CONTROLLER_FINALIZERS.includes(String(name)))
    : [];
  if (finalizers.length > 0) metadata['finalizers'] = finalizers;
  else delete metadata['finalizers'];
  return { ...object, metadata };
}

function manifestOf(kind: KindName, object: KubeObject): PlainObject | undefined {
  if (kind === 'Namespace' && BUILT_IN_NAMESPACES.has(object.metadata?.name ?? '')) return undefined;
  if (kind === 'PersistentVolume' && annotation(object, ANN_PROVISIONED_BY) !== undefined) return undefined;
  const cleaned = withoutControllerFinalizers(
    withoutServerFields(object as unknown as PlainObject, CONTROLLER_ANNOTATIONS),
  );
  const spec = specOf(cleaned);
  const boundByController = annotation(object, ANN_BOUND_BY_CONTROLLER) !== undefined;
  if (kind === 'PersistentVolumeClaim' && boundByController) delete spec['volumeName'];
  if (kind === 'PersistentVolume') {
    if (boundByController) delete spec['claimRef'];
    else if (isPlainObject(spec['claimRef'])) {
      const { uid: _uid, resourceVersion: _version, ...byName } = spec['claimRef'];
      spec['claimRef'] = byName;
    }
  }
  if (kind === 'Pod') {
    const applied = lastApplied(object);
    const userSpec = applied && isPlainObject(applied['spec']) ? applied['spec'] : {};
    if (userSpec['nodeName'] === undefined) delete spec['nodeName'];
  }
  if (kind === 'Namespace') return { apiVersion: 'v1', kind, metadata: cleaned['metadata'] };
  return cleaned['spec'] === undefined ? cleaned : { ...cleaned, spec };
}

/** The user's objects, cleaned, in the order to apply them. */
export function userManifests(state: ClusterState): PlainObject[] {
  return USER_KINDS.flatMap((kind) =>
    Object.values(state.objects[kind] as Readonly<Record<string, KubeObject>>).flatMap((object) => {
      const manifest = manifestOf(kind, object);
      return manifest ? [manifest] : [];
    }),
  );
}

/** The same, as one multi-document YAML text. */
export function userManifestsYaml(state: ClusterState): string {
  return userManifests(state)
    .map((manifest) => toYaml(manifest))
    .join('---\n');
}
