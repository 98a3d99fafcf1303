/**
 * Reading manifests the way `kubectl apply -f` does: one or more YAML documents, each a Kubernetes
 * object (or a `List` of them). Documents are loaded with js-yaml, which is fast enough for tens of
 * thousands of objects; when an error must point at a field, only that document is parsed again
 * with `yaml`, whose syntax tree knows the line and column of every node.
 */
import type { LoadOptions } from 'js-yaml';
import { load, YAMLException } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ApiError, SourcePosition } from './errors';
import { fieldPathSegments } from './errors';

/** Limits that keep hostile input from exhausting the worker. */
export const MANIFEST_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxDocuments: 100_000,
  /** Values visited per document, counting every use of an alias: stops "billion laughs". */
  maxNodesPerDocument: 200_000,
  maxDepth: 64,
};

/** js-yaml supports maxDepth at run time; its type declarations predate the option. */
const LOAD_OPTIONS = { maxDepth: MANIFEST_LIMITS.maxDepth } as LoadOptions;

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

interface DocumentSlice {
  readonly text: string;
  /** 0-based line of the slice's first line in the whole text. */
  readonly firstLine: number;
}

/** Splits at document markers (`---` or `...` at column 0), which YAML forbids inside content. */
export function splitDocuments(text: string): DocumentSlice[] {
  const slices: DocumentSlice[] = [];
  const lines = text.split('\n');
  let start = 0;
  let buffer: string[] = [];
  const flush = () => {
    slices.push({ text: buffer.join('\n'), firstLine: start });
  };
  for (const [index, line] of lines.entries()) {
    const marker = (line.startsWith('---') || line.startsWith('...')) && /^(---|\.\.\.)(\s|$)/.test(line);
    if (marker) {
      flush();
      // Content may follow the marker on the same line ("--- |", "--- {a: 1}").
      const rest = line.replace(/^(---|\.\.\.)/, '');
      buffer = rest.trim() ? [' '.repeat(3) + rest] : [];
      start = rest.trim() ? index : index + 1;
      continue;
    }
    buffer.push(line);
  }
  flush();
  return slices;
}

export function parseManifests(text: string): ManifestsResult {
  if (text.length > MANIFEST_LIMITS.maxBytes) {
    return parseError(`the manifest is ${text.length} bytes; the limit is ${MANIFEST_LIMITS.maxBytes}`, {
      document: 1,
      line: 1,
      column: 1,
    });
  }
  const slices = splitDocuments(text);
  if (slices.length > MANIFEST_LIMITS.maxDocuments) {
    return parseError(`too many YAML documents (${slices.length})`, { document: 1, line: 1, column: 1 });
  }
  const manifests: Manifest[] = [];
  for (const [index, slice] of slices.entries()) {
    const number = index + 1;
    let content: unknown;
    try {
      content = load(slice.text, LOAD_OPTIONS);
    } catch (error) {
      return parseError(...describeLoadError(error, slice, number));
    }
    if (content === null || content === undefined) continue;
    if (countValues(content, MANIFEST_LIMITS.maxNodesPerDocument) > MANIFEST_LIMITS.maxNodesPerDocument) {
      return parseError(
        `error converting YAML to JSON: document ${number} expands to more than ${MANIFEST_LIMITS.maxNodesPerDocument} values (too many aliases?)`,
        { document: number, line: slice.firstLine + 1, column: 1 },
      );
    }
    manifests.push({
      document: number,
      content,
      positionOf: (field) => positionOfField(slice, number, field),
    });
  }
  return { ok: true, manifests };
}

function describeLoadError(error: unknown, slice: DocumentSlice, number: number): [string, SourcePosition] {
  if (error instanceof YAMLException) {
    const line = slice.firstLine + (error.mark?.line ?? 0) + 1;
    const column = (error.mark?.column ?? 0) + 1;
    return [
      `error converting YAML to JSON: yaml: line ${line}: ${error.reason}`,
      { document: number, line, column },
    ];
  }
  const why = error instanceof Error ? error.message : String(error);
  return [
    `error converting YAML to JSON: ${why}`,
    { document: number, line: slice.firstLine + 1, column: 1 },
  ];
}

/** Counts values reachable from `value` (aliases counted at every use), stopping past `budget`. */
function countValues(value: unknown, budget: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= budget) {
    const item = stack.pop();
    count += 1;
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) stack.push(child);
    }
  }
  return count;
}

function positionOfField(slice: DocumentSlice, number: number, field: string): SourcePosition {
  const lineCounter = new LineCounter();
  const document = parseDocument(slice.text, { lineCounter });
  const segments = field ? fieldPathSegments(field) : [];
  // Walk down as far as the path exists; point at the key of the deepest field found.
  let node: unknown = document.contents;
  let offset = document.contents?.range?.[0] ?? 0;
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
  return { document: number, line: slice.firstLine + line, column: col };
}

function parseError(message: string, position: SourcePosition): ManifestsResult {
  return { ok: false, error: { kind: 'Parse', message, position } };
}
