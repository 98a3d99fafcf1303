/**
 * The API server's request pipeline, applied to a writer: decode, default, admit, validate,
 * store. A caller commits the writer only when every object of a request succeeded, so a refused
 * request changes nothing.
 */
import type {
  KindName,
  KubeObject,
  ObjectRef,
  PersistentVolume,
  PersistentVolumeClaim,
} from '../model/types';
import { isKindName, KINDS, objectKey } from '../model/types';
import type { ClusterWriter } from '../sim/writer';
import type { ApiError, FieldError, Result, SourcePosition } from './errors';
import {
  alreadyExistsError,
  fail,
  forbiddenError,
  invalidError,
  notFoundError,
  ok,
  withPosition,
} from './errors';
import { admitClaimCreate, admitClaimUpdate, admitVolumeCreate } from './admission';
import { applyDefaults } from './defaults';
import type { Manifest } from './manifests';
import { parseManifests } from './manifests';
import { mergePatch, threeWayMerge } from './merge';
import { checkShape, isPlainObject, KIND_SHAPES } from './shapes';
import { validateObject } from './validation';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Metadata the API server owns: whatever a manifest says there is ignored. */
const SERVER_OWNED_METADATA: ReadonlySet<string> = new Set([
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'managedFields',
]);

/** Kinds only the simulated control plane writes. */
const SYSTEM_KINDS: readonly KindName[] = ['Event', 'VolumeAttachment'];

export type SubmitMode = 'apply' | 'create';
export type SubmitOutcome = 'created' | 'configured' | 'unchanged';

export interface SubmittedObject {
  readonly ref: ObjectRef;
  readonly outcome: SubmitOutcome;
}

const USER = { actor: 'user' } as const;

/** `kubectl apply -f` (or `create -f`) of a text of one or more YAML documents. */
export interface SubmitOptions {
  /** The namespace for objects that name none (`kubectl apply -n`); default: the cluster's. */
  readonly namespace?: string;
}

export function submitManifestText(
  writer: ClusterWriter,
  text: string,
  mode: SubmitMode,
  options: SubmitOptions = {},
): Result<SubmittedObject[]> {
  const parsed = parseManifests(text);
  if (!parsed.ok) return fail(parsed.error);
  const results: SubmittedObject[] = [];
  for (const manifest of parsed.manifests) {
    for (const item of expandList(manifest)) {
      const result = submitObject(
        writer,
        item.content,
        mode,
        (field) => manifest.positionOf(item.prefix + field),
        options,
      );
      if (!result.ok) return result;
      results.push(result.value);
    }
  }
  return ok(results);
}

function expandList(manifest: Manifest): { content: unknown; prefix: string }[] {
  const content = manifest.content;
  if (isPlainObject(content) && content['kind'] === 'List' && Array.isArray(content['items'])) {
    return (content['items'] as unknown[]).map((item, index) => ({
      content: item,
      prefix: `items[${index}].`,
    }));
  }
  return [{ content, prefix: '' }];
}

type PositionOf = (field: string) => SourcePosition;

/** Decodes one object and creates or updates it. */
export function submitObject(
  writer: ClusterWriter,
  content: unknown,
  mode: SubmitMode,
  positionOf: PositionOf,
  options: SubmitOptions = {},
): Result<SubmittedObject> {
  const decoded = decodeObject(writer, content, positionOf, options.namespace);
  if (!decoded.ok) return decoded;
  const { kind, object } = decoded.value;
  const ref = refFor(kind, object);
  const at = (error: ApiError, field = ''): Result<SubmittedObject> =>
    fail(withPosition(error, positionOf(field)));

  if (object.metadata?.generateName && !object.metadata.name) {
    return at(
      { kind: 'Invalid', message: 'cannot use generate name with apply', object: ref },
      'metadata.generateName',
    );
  }
  if (ref.namespace && !writer.get('Namespace', ref.namespace)) {
    return at(notFoundError({ kind: 'Namespace', name: ref.namespace }), 'metadata.namespace');
  }
  const existing = writer.get(kind, objectKey(ref.namespace, ref.name));
  if (existing && mode === 'create') return at(alreadyExistsError(ref), 'metadata.name');
  const result = existing
    ? updateObject(writer, kind, existing, lastAppliedMerge(existing, object), withLastApplied(object, mode))
    : createObject(writer, kind, withLastApplied(object, mode));
  if (!result.ok) return at(result.error, fieldOfFirstCause(result.error));
  return result;
}

interface Decoded {
  readonly kind: KindName;
  readonly object: KubeObject;
}

function decodeObject(
  writer: ClusterWriter,
  content: unknown,
  positionOf: PositionOf,
  requestNamespace?: string,
): Result<Decoded> {
  if (!isPlainObject(content)) {
    return fail({
      kind: 'Parse',
      message: `error decoding manifest: expected an object with apiVersion and kind, got ${Array.isArray(content) ? 'a list' : typeof content}`,
      position: positionOf(''),
    });
  }
  const apiVersion = content['apiVersion'];
  const kindText = content['kind'];
  const missing: FieldError[] = [];
  if (typeof apiVersion !== 'string' || !apiVersion)
    missing.push({ field: 'apiVersion', type: 'Required value', detail: 'apiVersion not set' });
  if (typeof kindText !== 'string' || !kindText)
    missing.push({ field: 'kind', type: 'Required value', detail: 'kind not set' });
  if (missing.length > 0) {
    const field = missing[0]?.field ?? '';
    return fail({
      kind: 'Invalid',
      message: `error validating data: [${missing.map((error) => error.detail).join(', ')}]`,
      causes: missing,
      position: positionOf(field === 'kind' && typeof apiVersion === 'string' ? '' : ''),
    });
  }
  if (isKindName(kindText) && KINDS[kindText].apiVersion === apiVersion && SYSTEM_KINDS.includes(kindText)) {
    return fail(
      withPosition(
        forbiddenError(
          { kind: kindText, name: metadataName(content) },
          `${kindText} objects are written by the simulated control plane, not by users`,
        ),
        positionOf('kind'),
      ),
    );
  }
  if (!isKindName(kindText) || KINDS[kindText].apiVersion !== apiVersion || !KIND_SHAPES[kindText]) {
    return fail({
      kind: 'Invalid',
      message: `no matches for kind "${String(kindText)}" in version "${String(apiVersion)}"`,
      causes: [{ field: 'kind', type: 'Unsupported value', badValue: JSON.stringify(kindText) }],
      position: positionOf('kind'),
    });
  }
  const kind = kindText;
  const rawMetadata = isPlainObject(content['metadata']) ? content['metadata'] : {};
  const name = typeof rawMetadata['name'] === 'string' ? rawMetadata['name'] : '';
  const declared = rawMetadata['namespace'];
  if (
    KINDS[kind].namespaced &&
    requestNamespace &&
    typeof declared === 'string' &&
    declared !== requestNamespace
  ) {
    // kubectl refuses before sending anything.
    return fail({
      kind: 'BadRequest',
      message: `the namespace from the provided object "${declared}" does not match the namespace "${requestNamespace}". You must pass '--namespace=${declared}' to perform this operation.`,
      position: positionOf('metadata.namespace'),
    });
  }
  const ref: ObjectRef = KINDS[kind].namespaced
    ? {
        kind,
        namespace:
          typeof rawMetadata['namespace'] === 'string'
            ? rawMetadata['namespace']
            : (requestNamespace ?? writer.settings.defaultNamespace),
        name,
      }
    : { kind, name };
  const shapeErrors = checkShape(content, KIND_SHAPES[kind] ?? { type: 'any' });
  if (shapeErrors.length > 0) {
    return fail(withPosition(invalidError(ref, shapeErrors), positionOf(shapeErrors[0]?.field ?? '')));
  }
  // Freshly loaded YAML belongs to this request alone and is never mutated: no copy needed.
  const object = content as unknown as KubeObject;
  // Built by filtering, not `delete`: deleting keys drops objects into V8's slow dictionary mode.
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object.metadata ?? {})) {
    if (!SERVER_OWNED_METADATA.has(key) && key !== 'namespace') metadata[key] = value;
  }
  if (KINDS[kind].namespaced) metadata['namespace'] = ref.namespace;
  return ok({ kind, object: { ...object, metadata } });
}

function metadataName(content: Record<string, unknown>): string {
  const metadata = content['metadata'];
  return isPlainObject(metadata) && typeof metadata['name'] === 'string' ? metadata['name'] : '';
}

function refFor(kind: KindName, object: KubeObject): ObjectRef {
  const name = object.metadata?.name ?? '';
  return KINDS[kind].namespaced
    ? { kind, namespace: object.metadata?.namespace ?? '', name }
    : { kind, name };
}

function withLastApplied(object: KubeObject, mode: SubmitMode): KubeObject {
  if (mode !== 'apply') return object;
  const { status: _status, ...withoutStatus } = object as KubeObject & { status?: unknown };
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { ...object.metadata?.annotations, [LAST_APPLIED]: JSON.stringify(withoutStatus) },
    },
  };
}

/** The object `kubectl apply` asks for, merged into what is stored. */
function lastAppliedMerge(existing: KubeObject, desired: KubeObject): KubeObject {
  const { status: _ignored, ...desiredWithoutStatus } = desired as KubeObject & { status?: unknown };
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(existing.metadata?.annotations?.[LAST_APPLIED] ?? '{}');
  } catch {
    lastApplied = {};
  }
  const merged = threeWayMerge(lastApplied, desiredWithoutStatus, existing) as KubeObject;
  return merged;
}

function createObject(writer: ClusterWriter, kind: KindName, desired: KubeObject): Result<SubmittedObject> {
  const { status: _status, ...withoutStatus } = desired as KubeObject & { status?: unknown };
  let object = applyDefaults(kind, withoutStatus);
  const notes: string[] = [];
  if (kind === 'PersistentVolumeClaim') {
    const admitted = admitClaimCreate(writer, object as PersistentVolumeClaim);
    object = admitted.object;
    notes.push(...admitted.notes);
  } else if (kind === 'PersistentVolume') {
    const admitted = admitVolumeCreate(object as PersistentVolume);
    object = admitted.object;
    notes.push(...admitted.notes);
  }
  const ref = refFor(kind, object);
  const errors = validateObject(kind, object);
  if (errors.length > 0) return fail(invalidError(ref, errors));
  writer.create(kind, object, {
    ...USER,
    rule: kind === 'PersistentVolume' ? 'R1' : kind === 'PersistentVolumeClaim' ? 'R2' : undefined,
    message: `created ${describeRef(ref)}${notes.length ? `; admission ${notes.join(' and ')}` : ''}`,
  } as never);
  return ok({ ref, outcome: 'created' });
}

/** Stores a changed version of an existing object: validation (R7 order) then admission. */
function updateObject(
  writer: ClusterWriter,
  kind: KindName,
  existing: KubeObject,
  merged: KubeObject,
  desired: KubeObject,
): Result<SubmittedObject> {
  const annotations = { ...merged.metadata?.annotations };
  const lastApplied = desired.metadata?.annotations?.[LAST_APPLIED];
  if (lastApplied !== undefined) annotations[LAST_APPLIED] = lastApplied;
  const candidate = preserveServerFields(existing, {
    ...merged,
    metadata: { ...merged.metadata, annotations },
  });
  return storeUpdate(writer, kind, existing, candidate, 'configured');
}

function preserveServerFields(existing: KubeObject, next: KubeObject): KubeObject {
  const metadata = existing.metadata ?? {};
  const status = (existing as { status?: unknown }).status;
  return {
    ...next,
    metadata: {
      ...next.metadata,
      name: metadata.name,
      ...(metadata.namespace ? { namespace: metadata.namespace } : {}),
      uid: metadata.uid,
      creationTimestamp: metadata.creationTimestamp,
      resourceVersion: metadata.resourceVersion,
      ...(metadata.deletionTimestamp ? { deletionTimestamp: metadata.deletionTimestamp } : {}),
      ...(metadata.deletionGracePeriodSeconds !== undefined
        ? { deletionGracePeriodSeconds: metadata.deletionGracePeriodSeconds }
        : {}),
    },
    ...(status !== undefined ? { status } : {}),
  } as KubeObject;
}

function storeUpdate(
  writer: ClusterWriter,
  kind: KindName,
  existing: KubeObject,
  candidate: KubeObject,
  outcome: SubmitOutcome,
): Result<SubmittedObject> {
  const object = applyDefaults(kind, candidate);
  const ref = refFor(kind, existing);
  const errors = validateObject(kind, object, existing);
  if (errors.length > 0) return fail(invalidError(ref, errors));
  if (kind === 'PersistentVolumeClaim') {
    const refusal = admitClaimUpdate(
      writer,
      object as PersistentVolumeClaim,
      existing as PersistentVolumeClaim,
    );
    if (refusal) return fail(refusal);
  }
  const stored = writer.update(kind, object, { ...USER, message: `updated ${describeRef(ref)}` });
  return ok({ ref, outcome: stored === existing ? 'unchanged' : outcome });
}

/** `kubectl patch --type merge`: a JSON merge patch on the stored object (status is ignored). */
export function patchObject(writer: ClusterWriter, ref: ObjectRef, patch: unknown): Result<SubmittedObject> {
  const existing = writer.get(
    ref.kind,
    objectKey(KINDS[ref.kind].namespaced ? ref.namespace : undefined, ref.name),
  );
  if (!existing) return fail(notFoundError(ref));
  if (!isPlainObject(patch)) {
    return fail({ kind: 'BadRequest', message: 'the merge patch must be a JSON object', object: ref });
  }
  const { status: _status, ...patchWithoutStatus } = patch;
  const patched = mergePatch(existing, patchWithoutStatus);
  const shapeErrors = checkShape(patched, KIND_SHAPES[ref.kind] ?? { type: 'any' });
  if (shapeErrors.length > 0) return fail(invalidError(ref, shapeErrors));
  const candidate = preserveServerFields(existing, patched as KubeObject);
  const result = storeUpdate(writer, ref.kind, existing, candidate, 'configured');
  return result.ok
    ? ok({ ...result.value, outcome: result.value.outcome === 'unchanged' ? 'unchanged' : 'configured' })
    : result;
}

const PROTECTED_NAMESPACES = ['default', 'kube-system'];
/** Pods on a node are deleted gracefully: kubelet stops them, then the object goes. */
const POD_GRACE_PERIOD_SECONDS = 30;

/** `kubectl delete`: at once, or Terminating while finalizers or a running pod hold it. */
export function deleteObject(writer: ClusterWriter, ref: ObjectRef): Result<SubmittedObject> {
  const key = objectKey(KINDS[ref.kind].namespaced ? ref.namespace : undefined, ref.name);
  const existing = writer.get(ref.kind, key);
  if (!existing) return fail(notFoundError(ref));
  if (ref.kind === 'Namespace' && PROTECTED_NAMESPACES.includes(ref.name)) {
    return fail(forbiddenError(ref, 'this namespace may not be deleted'));
  }
  if (SYSTEM_KINDS.includes(ref.kind)) {
    return fail(
      forbiddenError(ref, `${ref.kind} objects are written by the simulated control plane, not by users`),
    );
  }
  const nodeName =
    ref.kind === 'Pod' ? (existing as { spec?: { nodeName?: string } }).spec?.nodeName : undefined;
  const graceful = nodeName !== undefined && writer.get('Node', nodeName) !== undefined;
  const finalizers = existing.metadata?.finalizers ?? [];
  const message = existing.metadata?.deletionTimestamp
    ? `asked again to delete ${describeRef(ref)}, which is already Terminating`
    : graceful
      ? `deleted ${describeRef(ref)}: it stays Terminating until kubelet on ${nodeName} stops it`
      : finalizers.length > 0
        ? `deleted ${describeRef(ref)}: it stays Terminating while finalizers ${finalizers.join(', ')} remain (R18)`
        : `deleted ${describeRef(ref)}`;
  writer.delete(ref.kind, key, { ...USER, message }, graceful ? POD_GRACE_PERIOD_SECONDS : 0);
  return ok({ ref, outcome: 'configured' });
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

function fieldOfFirstCause(error: ApiError): string {
  return error.causes?.[0]?.field ?? '';
}
