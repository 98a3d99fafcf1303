/** The usage texts: `kubectl` alone, `kubectl help [COMMAND]`, and `kubectl COMMAND --help`. */
import type { FlagSpec } from '../flags';
import { TABLE_SETTINGS, alignTabs } from '../../print/tabwriter';
import type { Command } from './command';
import { GLOBAL_FLAGS } from './command';

export function generalHelp(commands: readonly Command[]): string {
  const rows = commands.map((command) => `  ${command.name}\t${command.summary}`).join('\n');
  return (
    'kubectl controls the simulated Kubernetes cluster (its storage side: volumes, claims, classes, pods).\n\n' +
    `Commands:\n${alignTabs(`${rows}\n`, { minWidth: 0, padding: 3 })}\n` +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n'
  );
}

export function commandHelp(command: Command): string {
  const options = command.flags.length > 0 ? `Options:\n${flagRows(command.flags)}\n` : '';
  return (
    `${command.summary}.\n\nUsage:\n  kubectl ${command.usage}\n\n` +
    options +
    `Global options:\n${flagRows(GLOBAL_FLAGS)}`
  );
}

function flagRows(flags: readonly FlagSpec[]): string {
  const rows = flags.map((flag) => {
    const names = flag.shorthand ? `-${flag.shorthand}, --${flag.name}` : `    --${flag.name}`;
    return `  ${names}\t${flag.usage}`;
  });
  return alignTabs(`${rows.join('\n')}\n`, { ...TABLE_SETTINGS, minWidth: 0 });
}
