/**
 * Reading manifests the way `kubectl apply -f` does: one or more YAML documents, each a Kubernetes
 * object (or a `List` of them). Parse errors carry the document, line and column; every object
 * keeps a way to find the line of any of its fields, so later errors can point there too.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { ApiError, SourcePosition } from './errors';
import { fieldPathSegments } from './errors';

/** Limits that keep hostile input from exhausting the worker. */
export const MANIFEST_LIMITS = {
  maxBytes: 8 * 1024 * 1024,
  maxAliasCount: 100,
  maxDocuments: 100_000,
};

export interface Manifest {
  /** 1-based index of the document in the text. */
  readonly document: number;
  /** The document's content as plain data (not yet checked to be an object). */
  readonly content: unknown;
  /** Where a field of this manifest is (`spec.accessModes[0]`), falling back to its nearest parent. */
  readonly positionOf: (field: string) => SourcePosition;
}

export type ManifestsResult =
  | { readonly ok: true; readonly manifests: readonly Manifest[] }
  | { readonly ok: false; readonly error: ApiError };

export function parseManifests(text: string): ManifestsResult {
  if (text.length > MANIFEST_LIMITS.maxBytes) {
    return parseError(`the manifest is ${text.length} bytes; the limit is ${MANIFEST_LIMITS.maxBytes}`, {
      document: 1,
      line: 1,
      column: 1,
    });
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > MANIFEST_LIMITS.maxDocuments) {
    return parseError(`too many YAML documents (${list.length})`, { document: 1, line: 1, column: 1 });
  }
  const manifests: Manifest[] = [];
  for (const [index, document] of list.entries()) {
    const number = index + 1;
    const firstError = document.errors[0];
    if (firstError) {
      const offset = firstError.pos[0];
      const { line, col } = lineCounter.linePos(offset);
      const message = firstError.message.split('\n')[0] ?? firstError.message;
      return parseError(
        `error converting YAML to JSON: yaml: line ${line}: ${lowerFirst(stripLocation(message))}`,
        { document: number, line, column: col },
      );
    }
    let content: unknown;
    try {
      content = document.toJS({ maxAliasCount: MANIFEST_LIMITS.maxAliasCount });
    } catch (error) {
      const range = document.contents?.range ?? [0, 0, 0];
      const { line, col } = lineCounter.linePos(range[0]);
      const why = error instanceof Error ? error.message : String(error);
      return parseError(`error converting YAML to JSON: ${why}`, {
        document: number,
        line,
        column: col,
      });
    }
    if (content === null || content === undefined) continue;
    manifests.push({
      document: number,
      content,
      positionOf: (field) => positionOfField(document, lineCounter, number, field),
    });
  }
  return { ok: true, manifests };
}

function positionOfField(
  document: Document,
  lineCounter: LineCounter,
  number: number,
  field: string,
): SourcePosition {
  const segments = field ? fieldPathSegments(field) : [];
  // Walk down as far as the path exists; point at the key of the deepest field found.
  let node: unknown = document.contents;
  let offset = (document.contents?.range ?? [0])[0];
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key = item.key as { value?: unknown } | null;
        return key !== null && typeof key === 'object' && key.value === segment;
      });
      if (!pair) break;
      const key = pair.key as { range?: [number, number, number] } | null;
      offset = key?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { document: number, line, column: col };
}

function parseError(message: string, position: SourcePosition): ManifestsResult {
  return { ok: false, error: { kind: 'Parse', message, position } };
}

function stripLocation(message: string): string {
  return message.replace(/ at line \d+, column \d+:?$/, '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
