/**
 * What kubectl's resource builder reads from a `-f` file before it talks to the server: each
 * object's kind, name and namespace (a `List` counts as its items). `delete -f` needs only these;
 * `apply` uses them to check `-n` against the file and to word its errors.
 */
import type { ApiError } from '../api/errors';
import { parseManifests } from '../api/manifests';
import { isPlainObject } from '../api/shapes';
import type { KindName } from '../model/types';
import { isKindName, KINDS } from '../model/types';

export interface ManifestObject {
  /** 1-based YAML document the object came from. */
  readonly document: number;
  readonly apiVersion: string;
  readonly kindText: string;
  /** The stored kind, when apiVersion and kind name one the simulator serves. */
  readonly kind?: KindName;
  readonly name: string;
  /** As written in the file; empty when the file leaves it to `-n` or the default. */
  readonly namespace: string;
  readonly content: Record<string, unknown>;
}

export type ManifestObjects =
  | { readonly ok: true; readonly objects: readonly ManifestObject[] }
  | { readonly ok: false; readonly error: ApiError };

export function readManifestObjects(text: string): ManifestObjects {
  const parsed = parseManifests(text);
  if (!parsed.ok) return parsed;
  const objects: ManifestObject[] = [];
  for (const manifest of parsed.manifests) {
    const content = manifest.content;
    const items =
      isPlainObject(content) && content['kind'] === 'List' && Array.isArray(content['items'])
        ? (content['items'] as unknown[])
        : [content];
    for (const item of items) {
      if (isPlainObject(item)) objects.push(describeObject(manifest.document, item));
    }
  }
  return { ok: true, objects };
}

function describeObject(document: number, content: Record<string, unknown>): ManifestObject {
  const metadata = isPlainObject(content['metadata']) ? content['metadata'] : {};
  const apiVersion = typeof content['apiVersion'] === 'string' ? content['apiVersion'] : '';
  const kindText = typeof content['kind'] === 'string' ? content['kind'] : '';
  const served = isKindName(kindText) && KINDS[kindText].apiVersion === apiVersion;
  return {
    document,
    apiVersion,
    kindText,
    ...(served ? { kind: kindText } : {}),
    name: typeof metadata['name'] === 'string' ? metadata['name'] : '',
    namespace: typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '',
    content,
  };
}

/** The source name kubectl uses for a `-f` argument in its messages. */
export function sourceName(file: string): string {
  return file === '-' ? 'STDIN' : file;
}
