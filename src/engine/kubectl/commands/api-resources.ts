/** `kubectl api-resources`: the kinds the simulated API server serves, core group first. */
import type { KindName } from '../../model/types';
import { KIND_NAMES, KINDS } from '../../model/types';
import { TABLE_SETTINGS, alignTabs } from '../../print/tabwriter';
import { failed, succeeded } from '../output';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  usage: 'api-resources',
  flags: [],
  run: runApiResources,
};

function runApiResources(context: CommandContext): KubectlOutput {
  if (context.args.length > 0) {
    return failed(
      `error: unexpected arguments: [${context.args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`,
    );
  }
  const rows = [...KIND_NAMES].sort(byGroupThenResource).map((kind) => {
    const info = KINDS[kind];
    return [info.resource, info.shortNames.join(','), info.apiVersion, String(info.namespaced), kind].join(
      '\t',
    );
  });
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'].join('\t');
  return succeeded(alignTabs(`${[header, ...rows].join('\n')}\n`, TABLE_SETTINGS));
}

function byGroupThenResource(a: KindName, b: KindName): number {
  const group = (kind: KindName) => (KINDS[kind].apiVersion.includes('/') ? KINDS[kind].apiVersion : '');
  return group(a).localeCompare(group(b)) || KINDS[a].resource.localeCompare(KINDS[b].resource);
}
