/**
 * How kubectl prints an error from the API server (cmdutil.CheckErr): an Invalid error with its
 * field causes as `The Kind "name" is invalid: ...`; any other status as
 * `Error from server (Reason): message`, where commands reading files first prefix the message
 * with `error when creating "file": ` (cmdutil.AddSourceToErr).
 */
import type { ApiError, FieldError } from '../api/errors';
import { formatFieldError } from '../api/errors';
import type { ObjectRef } from '../model/types';
import { KINDS } from '../model/types';

export interface ErrorSource {
  /** The file as kubectl names it: `editor.yaml`, or `STDIN` for `-f -`. */
  readonly name: string;
  /** What kubectl was doing with the object: `creating`, `deleting`. */
  readonly verb: string;
}

/** apply's update path: the server refused the patch kubectl computed for an existing object. */
export interface RefusedApplyPatch {
  readonly patch: string;
  readonly ref: ObjectRef;
}

export interface ErrorContext {
  readonly source?: ErrorSource;
  readonly applyPatch?: RefusedApplyPatch;
}

const UNKNOWN_FIELD = /^unknown field "(.*)"$/;

/** The text kubectl writes to stderr for a refused request (no final newline). */
export function formatApiError(error: ApiError, context: ErrorContext = {}): string {
  if (error.kind === 'Parse') {
    return `error: error parsing ${context.source?.name ?? 'STDIN'}: ${error.message}`;
  }
  if (error.kind === 'Invalid' && error.object) {
    const unknownFields = unknownFieldsOf(error.causes ?? []);
    if (unknownFields)
      return serverError('BadRequest', strictDecodingMessage(error.object, unknownFields), context);
    return invalidObjectMessage(error.object, error.causes ?? []);
  }
  if (error.kind === 'Invalid') {
    // Client-side checks kubectl makes before sending anything.
    if (error.message.startsWith('error validating data')) {
      return `error: error validating "${context.source?.name ?? 'STDIN'}": ${error.message}; if you choose to ignore these errors, turn validation off with --validate=false`;
    }
    return `error: ${error.message}`;
  }
  return serverError(error.kind, error.message, context);
}

/** checkErr's Invalid branch: the object, then its causes (one inline, several as a list). */
function invalidObjectMessage(ref: ObjectRef, causes: readonly FieldError[]): string {
  const heading = `The ${ref.kind} "${ref.name}" is invalid`;
  const texts = [...new Set(causes.map(formatFieldError))];
  if (texts.length === 0) return heading;
  if (texts.length === 1) return `${heading}: ${texts[0] ?? ''}`;
  return `${heading}: \n${texts.map((text) => `* ${text}`).join('\n')}`;
}

function serverError(reason: string, message: string, context: ErrorContext): string {
  const source = context.source;
  if (!source) return `Error from server (${reason}): ${message}`;
  if (context.applyPatch) {
    const patched = `error when patching "${source.name}": ${message}`;
    return (
      `Error from server (${reason}): error when applying patch:\n${context.applyPatch.patch}\n` +
      `to:\n${resourceInfo(context.applyPatch.ref)}\nfor: "${source.name}": ${patched}`
    );
  }
  return `Error from server (${reason}): error when ${source.verb} "${source.name}": ${message}`;
}

/** resource.Info's String(): the REST mapping, then the object's name and namespace. */
function resourceInfo(ref: ObjectRef): string {
  const info = KINDS[ref.kind];
  const [group, version] = info.apiVersion.includes('/') ? info.apiVersion.split('/') : ['', info.apiVersion];
  const groupVersion = `${group ?? ''}/${version ?? ''}`;
  return (
    `Resource: "${groupVersion}, Resource=${info.resource}", GroupVersionKind: "${groupVersion}, Kind=${ref.kind}"\n` +
    `Name: "${ref.name}", Namespace: "${ref.namespace ?? ''}"`
  );
}

/** The field paths when every cause is an unknown field, which the server reports as BadRequest. */
function unknownFieldsOf(causes: readonly FieldError[]): string[] | undefined {
  if (causes.length === 0) return undefined;
  const fields: string[] = [];
  for (const cause of causes) {
    const match = UNKNOWN_FIELD.exec(cause.detail ?? '');
    if (!match) return undefined;
    fields.push(match[1] ?? cause.field);
  }
  return fields;
}

/** Strict field validation's refusal, as the API server words it. */
function strictDecodingMessage(ref: ObjectRef, fields: readonly string[]): string {
  const version = KINDS[ref.kind].apiVersion;
  const list = fields.map((field) => `unknown field "${field}"`).join(', ');
  return `${ref.kind} in version "${version.split('/').pop() ?? version}" cannot be handled as a ${ref.kind}: strict decoding error: ${list}`;
}
