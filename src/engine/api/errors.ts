/**
 * Structured API errors, shaped like the API server's Status responses: a kind (reason), a
 * Kubernetes-style message, the field errors behind it, and where in the YAML the problem is.
 */
import type { ObjectRef } from '../model/types';

export type ApiErrorKind = 'Invalid' | 'NotFound' | 'AlreadyExists' | 'Forbidden' | 'Parse' | 'BadRequest';

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Too long'
  | 'Too many';

/** One problem with one field, as field.Error prints it. */
export interface FieldError {
  /** Dotted path with indexes and map keys: `spec.accessModes[0]`, `spec.capacity[storage]`. */
  readonly field: string;
  readonly type: FieldErrorType;
  readonly detail?: string;
  readonly badValue?: string;
}

/** Where in the submitted text the problem is (1-based line and column). */
export interface SourcePosition {
  /** 1-based index of the YAML document in a multi-document text. */
  readonly document: number;
  readonly line: number;
  readonly column: number;
}

export interface ApiError {
  readonly kind: ApiErrorKind;
  readonly message: string;
  readonly causes?: readonly FieldError[];
  readonly object?: ObjectRef;
  readonly position?: SourcePosition;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ApiError): Result<T> {
  return { ok: false, error };
}

/** `spec.accessModes: Required value: at least 1 access mode is required` */
export function formatFieldError(error: FieldError): string {
  const value = error.badValue !== undefined ? `: ${error.badValue}` : '';
  const detail = error.detail ? `: ${error.detail}` : '';
  return `${error.field}: ${error.type}${value}${detail}`;
}

/** `PersistentVolumeClaim "x" is invalid: <field error>` (several in brackets, as the API server). */
export function invalidError(ref: ObjectRef, causes: readonly FieldError[]): ApiError {
  const list = causes.map(formatFieldError);
  const body = list.length === 1 ? (list[0] ?? '') : `[${list.join(', ')}]`;
  return {
    kind: 'Invalid',
    message: `${ref.kind} "${ref.name}" is invalid: ${body}`,
    causes,
    object: ref,
  };
}

const RESOURCE_PHRASE: Record<string, string> = {
  Namespace: 'namespaces',
  Node: 'nodes',
  StorageClass: 'storageclasses.storage.k8s.io',
  PersistentVolume: 'persistentvolumes',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  Pod: 'pods',
  ConfigMap: 'configmaps',
  VolumeAttachment: 'volumeattachments.storage.k8s.io',
  CSIDriver: 'csidrivers.storage.k8s.io',
  Event: 'events',
};

/** `persistentvolumeclaims "x" not found` */
export function notFoundError(ref: ObjectRef): ApiError {
  return {
    kind: 'NotFound',
    message: `${RESOURCE_PHRASE[ref.kind] ?? ref.kind} "${ref.name}" not found`,
    object: ref,
  };
}

export function alreadyExistsError(ref: ObjectRef): ApiError {
  return {
    kind: 'AlreadyExists',
    message: `${RESOURCE_PHRASE[ref.kind] ?? ref.kind} "${ref.name}" already exists`,
    object: ref,
  };
}

/** `persistentvolumeclaims "x" is forbidden: <why>` */
export function forbiddenError(ref: ObjectRef, why: string): ApiError {
  return {
    kind: 'Forbidden',
    message: `${RESOURCE_PHRASE[ref.kind] ?? ref.kind} "${ref.name}" is forbidden: ${why}`,
    object: ref,
  };
}

export function resourcePhrase(kind: string): string {
  return RESOURCE_PHRASE[kind] ?? kind;
}

/** Adds where the error is in the submitted text. */
export function withPosition(error: ApiError, position: SourcePosition | undefined): ApiError {
  return position ? { ...error, position } : error;
}

/** Splits `spec.capacity[storage]` / `spec.accessModes[0]` into YAML path segments. */
export function fieldPathSegments(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of field.split(/\.(?![^[]*\])/)) {
    const match = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[([^\]]*)\]/g)) {
      const raw = index[1] ?? '';
      segments.push(/^\d+$/.test(raw) ? Number(raw) : raw);
    }
  }
  return segments;
}
