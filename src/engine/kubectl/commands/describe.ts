/**
 * `kubectl describe`: the printers' describers, one object after another. As kubectl does, it
 * leaves out the Events section when several objects are described, and `describe TYPE PREFIX`
 * falls back to every object whose name starts with PREFIX when none is named exactly that.
 */
import { resourcePhrase } from '../../api/errors';
import type { KindName } from '../../model/types';
import { KINDS, objectKey } from '../../model/types';
import { describeObject } from '../../print/describe';
import { notFoundMessage } from '../../print/result';
import type { ClusterState } from '../../sim/state';
import { boolFlag } from '../flags';
import { failed, succeeded } from '../output';
import { parseResourceArgs } from '../resource-args';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';
import { ALL_NAMESPACES_FLAG } from './command';

const MISSING_RESOURCE =
  'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

export const describeCommand: Command = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'describe TYPE [NAME_PREFIX] | TYPE/NAME [-n NAMESPACE | -A]',
  flags: [ALL_NAMESPACES_FLAG],
  run: runDescribe,
};

interface Described {
  readonly kind: KindName;
  readonly namespace: string | undefined;
  readonly name: string;
}

function runDescribe(context: CommandContext): KubectlOutput {
  if (context.args.length === 0) return failed(MISSING_RESOURCE);
  const parsed = parseResourceArgs(context.args);
  if (!parsed.ok) return failed(parsed.error);
  const state = context.cluster.state;
  const allNamespaces = boolFlag(context.flags, 'all-namespaces');
  const found: Described[] = [];
  const errors: string[] = [];
  for (const target of parsed.targets) {
    if (target.names.length === 0) {
      found.push(...objectsInScope(state, target.kind, context.namespace, allNamespaces));
      continue;
    }
    const namespace = KINDS[target.kind].namespaced ? context.namespace : undefined;
    for (const name of target.names) {
      if (state.objects[target.kind][objectKey(namespace, name)])
        found.push({ kind: target.kind, namespace, name });
      else errors.push(notFoundMessage(resourcePhrase(target.kind), name));
    }
  }
  const [type, prefix] = context.args;
  if (errors.length > 0 && context.args.length === 2 && type && prefix && parsed.targets.length === 1) {
    const kind = parsed.targets[0]?.kind;
    const matching = kind ? objectsInScope(state, kind, context.namespace, false) : [];
    const byPrefix = matching.filter((object) => object.name.startsWith(prefix));
    if (byPrefix.length > 0) {
      return succeeded(byPrefix.map((object) => `${describe(state, object, false)}\n`).join(''));
    }
  }
  const showEvents = errors.length === 0 && found.length <= 1;
  const stdout = found.map((object) => describe(state, object, showEvents)).join('\n\n');
  if (errors.length > 0) return failed(errors.join('\n'), stdout);
  if (found.length === 0) {
    return succeeded(
      '',
      false,
      allNamespaces ? 'No resources found' : `No resources found in ${context.namespace} namespace.`,
    );
  }
  return succeeded(stdout);
}

function objectsInScope(
  state: ClusterState,
  kind: KindName,
  namespace: string,
  allNamespaces: boolean,
): Described[] {
  const namespaced = KINDS[kind].namespaced;
  return Object.keys(state.objects[kind])
    .filter((key) => !namespaced || allNamespaces || key.startsWith(`${namespace}/`))
    .sort()
    .flatMap((key) => {
      const object = state.objects[kind][key];
      if (!object) return [];
      return [{ kind, namespace: object.metadata?.namespace, name: object.metadata?.name ?? '' }];
    });
}

function describe(state: ClusterState, object: Described, showEvents: boolean): string {
  const result = describeObject(state, object.kind, object.namespace, object.name, { showEvents });
  return result.ok ? result.text : result.error;
}
