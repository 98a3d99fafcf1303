/** `kubectl get`: tables from the printers, or the objects themselves with `-o yaml|json|name`. */
import { resourcePhrase } from '../../api/errors';
import type { KindName, KubeObject } from '../../model/types';
import { KINDS, objectKey } from '../../model/types';
import { printGet } from '../../print/get';
import { qualifiedKindName } from '../../print/resources';
import { notFoundMessage } from '../../print/result';
import type { ClusterState } from '../../sim/state';
import { boolFlag, stringFlag } from '../flags';
import { failed, succeeded } from '../output';
import type { ResourceTarget } from '../resource-args';
import { parseResourceArgs } from '../resource-args';
import { toJson, toYaml } from '../serialize';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';
import { ALL_NAMESPACES_FLAG } from './command';

const OUTPUT_FORMATS = ['wide', 'yaml', 'json', 'name'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const MISSING_RESOURCE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples";

const BY_NAME_ACROSS_NAMESPACES = 'error: a resource cannot be retrieved by name across all namespaces';

export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'get TYPE[,TYPE...] [NAME...] | TYPE/NAME... [-o wide|yaml|json|name] [-n NAMESPACE | -A]',
  flags: [
    ALL_NAMESPACES_FLAG,
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      usage: 'Output format. One of: (json, name, wide, yaml)',
    },
  ],
  run: runGet,
};

interface GetRequest {
  readonly state: ClusterState;
  readonly targets: readonly ResourceTarget[];
  readonly namespace: string;
  readonly allNamespaces: boolean;
}

function runGet(context: CommandContext): KubectlOutput {
  if (context.args.length === 0) return failed(MISSING_RESOURCE);
  const format = stringFlag(context.flags, 'output');
  if (format !== undefined && !isOutputFormat(format)) {
    return failed(
      `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${[...OUTPUT_FORMATS].sort().join(',')}`,
    );
  }
  const parsed = parseResourceArgs(context.args);
  if (!parsed.ok) return failed(parsed.error);
  const request: GetRequest = {
    state: context.cluster.state,
    targets: parsed.targets,
    namespace: context.namespace,
    allNamespaces: boolFlag(context.flags, 'all-namespaces'),
  };
  if (format === undefined || format === 'wide') return printTables(request, format === 'wide');
  return printObjects(request, format, parsed.singleItem);
}

function isOutputFormat(format: string): format is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(format);
}

/** One table per kind, a blank line between them; names carry their kind when there are several. */
function printTables(request: GetRequest, wide: boolean): KubectlOutput {
  const tables: string[] = [];
  const errors: string[] = [];
  for (const target of request.targets) {
    const result = printGet(request.state, KINDS[target.kind].resource, {
      namespace: request.namespace,
      allNamespaces: request.allNamespaces,
      wide,
      names: target.names,
      withKind: request.targets.length > 1,
    });
    if (result.ok) {
      // The printer returns kubectl's "No resources found" notice as text; it goes to stderr.
      if (!result.text.startsWith('No resources found')) tables.push(result.text);
    } else {
      errors.push(result.error);
      if (result.text) tables.push(result.text);
    }
  }
  const stdout = tables.join('\n');
  if (errors.length > 0) return failed(errors.join('\n'), stdout);
  if (tables.length === 0) return succeeded('', false, noResourcesFound(request));
  return succeeded(stdout);
}

function noResourcesFound(request: GetRequest): string {
  const allNamespaced =
    !request.allNamespaces && request.targets.every((target) => KINDS[target.kind].namespaced);
  return allNamespaced ? `No resources found in ${request.namespace} namespace.` : 'No resources found';
}

/** `-o yaml|json|name`: one object alone when a single one was named, otherwise a List. */
function printObjects(
  request: GetRequest,
  format: 'yaml' | 'json' | 'name',
  singleItem: boolean,
): KubectlOutput {
  if (request.allNamespaces && request.targets.some((target) => target.names.length > 0)) {
    return failed(BY_NAME_ACROSS_NAMESPACES);
  }
  const found: { kind: KindName; object: KubeObject }[] = [];
  const errors: string[] = [];
  for (const target of request.targets) {
    const selection = selectObjects(request, target);
    found.push(...selection.objects.map((object) => ({ kind: target.kind, object })));
    errors.push(...selection.errors);
  }
  let stdout: string;
  if (format === 'name') {
    stdout = found
      .map(({ kind, object }) => `${qualifiedKindName(kind)}/${object.metadata?.name ?? ''}\n`)
      .join('');
  } else if (singleItem && found.length === 1 && found[0]) {
    stdout = serialize(found[0].object, format);
  } else if (singleItem && found.length === 0) {
    stdout = '';
  } else {
    const list = {
      apiVersion: 'v1',
      items: found.map(({ object }) => object),
      kind: 'List',
      metadata: { resourceVersion: '' },
    };
    stdout = serialize(list, format);
  }
  return errors.length > 0 ? failed(errors.join('\n'), stdout) : succeeded(stdout);
}

function serialize(value: unknown, format: 'yaml' | 'json'): string {
  return format === 'yaml' ? toYaml(value) : toJson(value);
}

/** The named objects (a missing one is a NotFound error), or every object in scope by key order. */
function selectObjects(
  request: GetRequest,
  target: ResourceTarget,
): { objects: KubeObject[]; errors: string[] } {
  const info = KINDS[target.kind];
  const table: Readonly<Record<string, KubeObject>> = request.state.objects[target.kind];
  const namespace = info.namespaced ? request.namespace : undefined;
  if (target.names.length > 0) {
    const objects: KubeObject[] = [];
    const errors: string[] = [];
    for (const name of target.names) {
      const object = table[objectKey(namespace, name)];
      if (object) objects.push(object);
      else errors.push(notFoundMessage(resourcePhrase(target.kind), name));
    }
    return { objects, errors };
  }
  const inScope = Object.keys(table)
    .filter((key) => !namespace || request.allNamespaces || key.startsWith(`${namespace}/`))
    .sort();
  return { objects: inScope.flatMap((key) => table[key] ?? []), errors: [] };
}
