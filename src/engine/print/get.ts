/** `kubectl get <resource>`: the server-side table, laid out as kubectl prints it. */
import type { KindMap, KindName } from '../model/types';
import { KINDS, objectKey } from '../model/types';
import type { ClusterState } from '../sim/state';
import { qualifiedKindName, resolveResource } from './resources';
import { resourcePhrase } from '../api/errors';
import type { PrintResult } from './result';
import { notFoundMessage, printed, printFailed } from './result';
import { TABLE_SETTINGS, alignTabs } from './tabwriter';
import { TABLES } from './tables';

export interface GetOptions {
  /** `-n`: defaults to the cluster's default namespace. Ignored for cluster-scoped kinds. */
  readonly namespace?: string;
  /** `-A`: every namespace, with a leading NAMESPACE column for namespaced kinds. */
  readonly allNamespaces?: boolean;
  /** `-o wide`: the priority-1 columns too. */
  readonly wide?: boolean;
  /** Only these objects, in this order; a missing one is a NotFound error. */
  readonly names?: readonly string[];
  /** Names as `kind/name`, as kubectl prints them when one command lists several kinds. */
  readonly withKind?: boolean;
}

/**
 * `kubectl get <resource> [names...]`. An empty listing is the text kubectl writes to stderr
 * ("No resources found in default namespace."), returned as an ok result.
 */
export function printGet(state: ClusterState, resource: string, options: GetOptions = {}): PrintResult {
  const kind = resolveResource(resource);
  if (!kind) return printFailed(`error: the server doesn't have a resource type "${resource}"`);
  if (options.allNamespaces && (options.names ?? []).length > 0) {
    return printFailed('error: a resource cannot be retrieved by name across all namespaces');
  }
  return printKind(state, kind, options);
}

function printKind<K extends KindName>(state: ClusterState, kind: K, options: GetOptions): PrintResult {
  const info = KINDS[kind];
  const namespace = options.namespace ?? state.settings.defaultNamespace;
  const allNamespaces = info.namespaced && options.allNamespaces === true;
  const { objects, errors } = selectObjects(state, kind, namespace, allNamespaces, options.names);
  if (objects.length === 0 && errors.length === 0) {
    return printed(
      info.namespaced && !allNamespaces
        ? `No resources found in ${namespace} namespace.\n`
        : 'No resources found\n',
    );
  }
  const text =
    objects.length > 0
      ? renderTable(state, kind, objects, allNamespaces, options.wide ?? false, options.withKind)
      : '';
  return errors.length > 0 ? printFailed(errors.join('\n'), text) : printed(text);
}

interface Selection<K extends KindName> {
  readonly objects: KindMap[K][];
  readonly errors: string[];
}

function selectObjects<K extends KindName>(
  state: ClusterState,
  kind: K,
  namespace: string,
  allNamespaces: boolean,
  names: readonly string[] | undefined,
): Selection<K> {
  const info = KINDS[kind];
  const table = state.objects[kind];
  if (names && names.length > 0) {
    const objects: KindMap[K][] = [];
    const errors: string[] = [];
    for (const name of names) {
      const object = table[objectKey(info.namespaced ? namespace : undefined, name)];
      if (object) objects.push(object);
      else errors.push(notFoundMessage(resourcePhrase(kind), name));
    }
    return { objects, errors };
  }
  // The API server lists in storage-key order (namespace, then name); a table with its own order
  // starts from creation order instead, so that ties keep the order things happened in.
  const order = TABLES[kind].order;
  const keys = order ? Object.keys(table) : Object.keys(table).sort();
  const inScope = keys.filter((key) => !info.namespaced || allNamespaces || key.startsWith(`${namespace}/`));
  const objects = inScope.map((key) => table[key]).filter((object) => object !== undefined);
  return { objects: order ? order(objects) : objects, errors: [] };
}

function renderTable<K extends KindName>(
  state: ClusterState,
  kind: K,
  objects: readonly KindMap[K][],
  withNamespace: boolean,
  wide: boolean,
  withKind = false,
): string {
  const definition = TABLES[kind];
  const namePrefix = withKind ? `${qualifiedKindName(kind)}/` : '';
  const shown = definition.columns.map((column) => wide || column.wide !== true);
  const visible = <T>(cells: readonly T[]): T[] => cells.filter((_, index) => shown[index]);
  const header = visible(definition.columns.map((column) => column.name.toUpperCase()));
  const nameColumn = header.indexOf('NAME');
  const lines = [withNamespace ? ['NAMESPACE', ...header] : header];
  for (const object of objects) {
    const cells = visible(definition.row(object, { clock: state.clock })).map(singleLine);
    if (namePrefix && nameColumn >= 0) cells[nameColumn] = namePrefix + (cells[nameColumn] ?? '');
    lines.push(withNamespace ? [object.metadata?.namespace ?? '', ...cells] : cells);
  }
  return alignTabs(lines.map((cells) => cells.join('\t')).join('\n') + '\n', TABLE_SETTINGS);
}

/** A cell stops at its first line break, marked with "...", as the table printer cuts it. */
function singleLine(cell: string): string {
  const lineBreak = cell.search(/[\f\n\r]/);
  return lineBreak < 0 ? cell : `${cell.slice(0, lineBreak)}...`;
}
