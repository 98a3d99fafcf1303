/**
 * The conformance scenario format (../shared/conformance/README.md), read strictly: an unknown
 * step or field is an error, never silently ignored.
 */
import { parse } from 'yaml';
import type { ApiErrorKind } from '../api/errors';
import type { KindName, ObjectRef } from '../model/types';
import { isKindName, KINDS } from '../model/types';
import type { NodeConfig } from '../sim/initial';
import { isPlainObject } from '../api/shapes';

export interface ObjectExpectation {
  readonly object: ObjectRef;
  readonly phase?: string;
  readonly claim?: string | null;
  readonly volume?: string;
  readonly capacity?: string;
  readonly storageClassName?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
  readonly deleting?: boolean;
  readonly event?: string;
  readonly noEvent?: string;
  readonly node?: string | null;
  readonly absent?: boolean;
}

export interface CountExpectation {
  readonly count: { readonly kind: KindName; readonly phase?: string; readonly equals: number };
}

export interface ReadExpectation {
  readonly read: {
    readonly pod: { namespace?: string; name: string };
    readonly path: string;
    readonly content?: string;
    readonly absent?: boolean;
  };
}

export type Expectation = ObjectExpectation | CountExpectation | ReadExpectation;

export type Step =
  | { readonly apply: string }
  | { readonly delete: ObjectRef }
  | { readonly patch: { readonly object: ObjectRef; readonly merge: unknown } }
  | { readonly settle: true }
  | { readonly tick: number }
  | {
      readonly write: {
        readonly pod: { namespace?: string; name: string };
        readonly path: string;
        readonly content: string;
      };
    }
  | { readonly crash: ObjectRef }
  | {
      readonly fault: {
        readonly provisioner?: string;
        readonly node?: string;
        readonly error?: string;
        readonly clear?: boolean;
      };
    }
  | { readonly expect: readonly Expectation[] }
  | { readonly expectError: ApiErrorKind };

export interface Scenario {
  readonly name: string;
  readonly source?: string;
  readonly tags: readonly string[];
  readonly cluster: {
    readonly nodes?: readonly NodeConfig[];
    readonly defaultNamespace?: string;
    readonly drivers?: readonly string[];
  };
  readonly steps: readonly Step[];
}

export class ScenarioFormatError extends Error {}

const ERROR_KINDS: readonly ApiErrorKind[] = [
  'Invalid',
  'NotFound',
  'AlreadyExists',
  'Forbidden',
  'Parse',
  'BadRequest',
];

function expectKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new ScenarioFormatError(`${where}: unknown field "${key}" (known: ${allowed.join(', ')})`);
  }
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new ScenarioFormatError(`${where}: expected a mapping`);
  return value;
}

/** A YAML scalar as text (quantities and contents may be written unquoted as numbers). */
function scalarText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ScenarioFormatError(`${where}: expected a scalar value`);
}

function asString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ScenarioFormatError(`${where}: expected a string`);
  return value;
}

/** "Kind/namespace/name" or "Kind/name" (cluster-scoped, or the default namespace). */
export function parseRef(text: unknown, where: string, defaultNamespace: string): ObjectRef {
  const parts = asString(text, where).split('/');
  const kind = parts[0];
  if (!isKindName(kind)) throw new ScenarioFormatError(`${where}: unknown kind "${String(kind)}"`);
  if (KINDS[kind].namespaced) {
    if (parts.length === 3) return { kind, namespace: parts[1] ?? '', name: parts[2] ?? '' };
    if (parts.length === 2) return { kind, namespace: defaultNamespace, name: parts[1] ?? '' };
  } else if (parts.length === 2) {
    return { kind, name: parts[1] ?? '' };
  }
  throw new ScenarioFormatError(
    `${where}: expected Kind/namespace/name or Kind/name, got "${parts.join('/')}"`,
  );
}

function parsePodRef(
  text: unknown,
  where: string,
  defaultNamespace: string,
): { namespace: string; name: string } {
  const parts = asString(text, where).split('/');
  if (parts.length === 2) return { namespace: parts[0] ?? '', name: parts[1] ?? '' };
  if (parts.length === 1) return { namespace: defaultNamespace, name: parts[0] ?? '' };
  throw new ScenarioFormatError(`${where}: expected namespace/name`);
}

const OBJECT_FIELDS = [
  'object',
  'phase',
  'claim',
  'volume',
  'capacity',
  'storageClassName',
  'annotations',
  'finalizers',
  'deleting',
  'event',
  'noEvent',
  'node',
  'absent',
];

function parseExpectation(raw: unknown, where: string, ns: string): Expectation {
  const item = asObject(raw, where);
  if ('count' in item) {
    expectKeys(item, ['count'], where);
    const count = asObject(item['count'], `${where}.count`);
    expectKeys(count, ['kind', 'phase', 'equals'], `${where}.count`);
    const kind = count['kind'];
    if (!isKindName(kind))
      throw new ScenarioFormatError(`${where}.count.kind: unknown kind "${String(kind)}"`);
    if (typeof count['equals'] !== 'number')
      throw new ScenarioFormatError(`${where}.count.equals: expected a number`);
    return {
      count: {
        kind,
        equals: count['equals'],
        ...(count['phase'] !== undefined ? { phase: asString(count['phase'], `${where}.count.phase`) } : {}),
      },
    };
  }
  if ('read' in item) {
    expectKeys(item, ['read'], where);
    const read = asObject(item['read'], `${where}.read`);
    expectKeys(read, ['pod', 'path', 'content', 'absent'], `${where}.read`);
    if (read['content'] === undefined && read['absent'] !== true)
      throw new ScenarioFormatError(`${where}.read: needs content or absent: true`);
    return {
      read: {
        pod: parsePodRef(read['pod'], `${where}.read.pod`, ns),
        path: asString(read['path'], `${where}.read.path`),
        ...(read['content'] !== undefined
          ? { content: scalarText(read['content'], `${where}.read.content`) }
          : {}),
        ...(read['absent'] === true ? { absent: true } : {}),
      },
    };
  }
  expectKeys(item, OBJECT_FIELDS, where);
  if (!('object' in item))
    throw new ScenarioFormatError(`${where}: an expectation needs object, count or read`);
  const expectation: Record<string, unknown> = { object: parseRef(item['object'], `${where}.object`, ns) };
  for (const field of ['phase', 'volume', 'capacity', 'storageClassName', 'event', 'noEvent']) {
    if (item[field] !== undefined) expectation[field] = scalarText(item[field], `${where}.${field}`);
  }
  for (const field of ['claim', 'node']) {
    if (item[field] !== undefined)
      expectation[field] = item[field] === null ? null : scalarText(item[field], `${where}.${field}`);
  }
  for (const field of ['deleting', 'absent']) {
    if (item[field] !== undefined) {
      if (typeof item[field] !== 'boolean')
        throw new ScenarioFormatError(`${where}.${field}: expected true or false`);
      expectation[field] = item[field];
    }
  }
  if (item['annotations'] !== undefined) {
    expectation['annotations'] = Object.fromEntries(
      Object.entries(asObject(item['annotations'], `${where}.annotations`)).map(([key, value]) => [
        key,
        String(value),
      ]),
    );
  }
  if (item['finalizers'] !== undefined) {
    if (!Array.isArray(item['finalizers']))
      throw new ScenarioFormatError(`${where}.finalizers: expected a list`);
    expectation['finalizers'] = item['finalizers'].map((value, index) =>
      scalarText(value, `${where}.finalizers[${index}]`),
    );
  }
  return expectation as unknown as ObjectExpectation;
}

function parseStep(raw: unknown, where: string, ns: string): Step {
  const step = asObject(raw, where);
  const keys = Object.keys(step);
  if (keys.length !== 1)
    throw new ScenarioFormatError(`${where}: a step has exactly one key, got ${keys.join(', ') || 'none'}`);
  const key = keys[0] ?? '';
  const value = step[key];
  switch (key) {
    case 'apply':
      return { apply: asString(value, `${where}.apply`) };
    case 'delete':
      return { delete: parseRef(value, `${where}.delete`, ns) };
    case 'patch': {
      const patch = asObject(value, `${where}.patch`);
      expectKeys(patch, ['object', 'merge'], `${where}.patch`);
      return {
        patch: { object: parseRef(patch['object'], `${where}.patch.object`, ns), merge: patch['merge'] },
      };
    }
    case 'settle':
      if (value !== null && !(isPlainObject(value) && Object.keys(value).length === 0))
        throw new ScenarioFormatError(`${where}.settle: takes {}`);
      return { settle: true };
    case 'tick':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        throw new ScenarioFormatError(`${where}.tick: expected a whole number`);
      return { tick: value };
    case 'write': {
      const write = asObject(value, `${where}.write`);
      expectKeys(write, ['pod', 'path', 'content'], `${where}.write`);
      return {
        write: {
          pod: parsePodRef(write['pod'], `${where}.write.pod`, ns),
          path: asString(write['path'], `${where}.write.path`),
          content: scalarText(write['content'] ?? '', `${where}.write.content`),
        },
      };
    }
    case 'crash':
      return { crash: parseRef(value, `${where}.crash`, ns) };
    case 'fault': {
      const fault = asObject(value, `${where}.fault`);
      expectKeys(fault, ['provisioner', 'node', 'error', 'clear'], `${where}.fault`);
      if ((fault['provisioner'] === undefined) === (fault['node'] === undefined))
        throw new ScenarioFormatError(`${where}.fault: name exactly one of provisioner or node`);
      if (fault['clear'] !== true && typeof fault['error'] !== 'string')
        throw new ScenarioFormatError(`${where}.fault: needs error or clear: true`);
      return {
        fault: {
          ...(fault['provisioner'] !== undefined
            ? { provisioner: asString(fault['provisioner'], `${where}.fault.provisioner`) }
            : {}),
          ...(fault['node'] !== undefined ? { node: asString(fault['node'], `${where}.fault.node`) } : {}),
          ...(typeof fault['error'] === 'string' ? { error: fault['error'] } : {}),
          ...(fault['clear'] === true ? { clear: true } : {}),
        },
      };
    }
    case 'expect':
      if (!Array.isArray(value)) throw new ScenarioFormatError(`${where}.expect: expected a list`);
      return { expect: value.map((item, index) => parseExpectation(item, `${where}.expect[${index}]`, ns)) };
    case 'expectError':
      if (!ERROR_KINDS.includes(value as ApiErrorKind))
        throw new ScenarioFormatError(`${where}.expectError: expected one of ${ERROR_KINDS.join(', ')}`);
      return { expectError: value as ApiErrorKind };
    default:
      throw new ScenarioFormatError(`${where}: unknown step "${key}"`);
  }
}

export function parseScenario(text: string): Scenario {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ScenarioFormatError(
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const top = asObject(raw, 'scenario');
  expectKeys(top, ['name', 'source', 'tags', 'cluster', 'steps'], 'scenario');
  const clusterRaw = top['cluster'] === undefined ? {} : asObject(top['cluster'], 'cluster');
  expectKeys(clusterRaw, ['nodes', 'defaultNamespace', 'drivers'], 'cluster');
  const defaultNamespace =
    clusterRaw['defaultNamespace'] === undefined
      ? 'default'
      : asString(clusterRaw['defaultNamespace'], 'cluster.defaultNamespace');
  let nodes: NodeConfig[] | undefined;
  if (clusterRaw['nodes'] !== undefined) {
    if (!Array.isArray(clusterRaw['nodes'])) throw new ScenarioFormatError('cluster.nodes: expected a list');
    nodes = clusterRaw['nodes'].map((item, index) => {
      const node = asObject(item, `cluster.nodes[${index}]`);
      expectKeys(node, ['name', 'zone', 'labels'], `cluster.nodes[${index}]`);
      const labels =
        node['labels'] === undefined
          ? undefined
          : Object.fromEntries(
              Object.entries(asObject(node['labels'], `cluster.nodes[${index}].labels`)).map(
                ([key, value]) => [key, String(value)],
              ),
            );
      return {
        name: asString(node['name'], `cluster.nodes[${index}].name`),
        ...(node['zone'] !== undefined
          ? { zone: asString(node['zone'], `cluster.nodes[${index}].zone`) }
          : {}),
        ...(labels ? { labels } : {}),
      };
    });
  }
  let drivers: string[] | undefined;
  if (clusterRaw['drivers'] !== undefined) {
    if (!Array.isArray(clusterRaw['drivers']))
      throw new ScenarioFormatError('cluster.drivers: expected a list');
    drivers = clusterRaw['drivers'].map((item, index) => asString(item, `cluster.drivers[${index}]`));
  }
  if (!Array.isArray(top['steps'])) throw new ScenarioFormatError('steps: expected a list');
  return {
    name: asString(top['name'], 'name'),
    ...(top['source'] !== undefined ? { source: scalarText(top['source'], 'source') } : {}),
    tags: Array.isArray(top['tags'])
      ? top['tags'].map((tag, index) => scalarText(tag, `tags[${index}]`))
      : [],
    cluster: { defaultNamespace, ...(nodes ? { nodes } : {}), ...(drivers ? { drivers } : {}) },
    steps: top['steps'].map((step, index) => parseStep(step, `steps[${index}]`, defaultNamespace)),
  };
}
