/**
 * The simulated kubectl line: one command line in, what a terminal would show out. Refused
 * mutating commands leave the cluster as it was (each Cluster call is atomic).
 */
import type { Cluster } from '../cluster';
import { parseFlags, stringFlag, boolFlag } from './flags';
import { failed, succeeded } from './output';
import { tokenize } from './tokenize';
import { unknownCommand } from './unknown-command';
import type { KubectlFiles, KubectlOutput } from './types';
import { apiResourcesCommand } from './commands/api-resources';
import { applyCommand, createCommand } from './commands/apply';
import type { Command } from './commands/command';
import { GLOBAL_FLAGS } from './commands/command';
import { deleteCommand } from './commands/delete';
import { describeCommand } from './commands/describe';
import { explainCommand } from './commands/explain';
import { getCommand } from './commands/get';
import { commandHelp, generalHelp } from './commands/help';
import { patchCommand } from './commands/patch';
import { versionCommand } from './commands/version';

export const KUBECTL_COMMANDS: readonly Command[] = [
  getCommand,
  describeCommand,
  explainCommand,
  applyCommand,
  createCommand,
  deleteCommand,
  patchCommand,
  apiResourcesCommand,
  versionCommand,
];

export function runKubectl(cluster: Cluster, line: string, files: KubectlFiles): KubectlOutput {
  const tokens = tokenize(line);
  if (!tokens.ok) return failed(tokens.error);
  if (tokens.words.length === 0) return succeeded('');
  const words =
    tokens.words[0] === 'kubectl' || tokens.words[0] === 'k' ? tokens.words.slice(1) : tokens.words;

  // Global flags may come before the command: `kubectl -n demo get pvc`.
  const verbAt = firstCommandWord(words);
  const leading = parseFlags(words.slice(0, verbAt), GLOBAL_FLAGS);
  if (!leading.ok) return failed(`error: ${leading.error}\nSee 'kubectl --help' for usage.`);
  const verb = words[verbAt];
  if (verb === undefined || verb === 'help') return help(words[verbAt + 1]);

  const command = KUBECTL_COMMANDS.find((candidate) => candidate.name === verb);
  if (!command) return failed(unknownCommand(verb, KUBECTL_COMMANDS));
  const parsed = parseFlags(words.slice(verbAt + 1), [...command.flags, ...GLOBAL_FLAGS]);
  if (!parsed.ok) return failed(`error: ${parsed.error}\nSee 'kubectl ${command.name} --help' for usage.`);
  if (boolFlag(parsed.flags, 'help') || boolFlag(leading.flags, 'help'))
    return succeeded(commandHelp(command));

  const namespace = stringFlag(parsed.flags, 'namespace') ?? stringFlag(leading.flags, 'namespace');
  return command.run({
    cluster,
    files,
    args: parsed.positionals,
    flags: parsed.flags,
    namespace: namespace || cluster.state.settings.defaultNamespace,
    namespaceGiven: Boolean(namespace),
  });
}

/** Skips the global flags (and `-n`'s value) in front of the command name. */
function firstCommandWord(words: readonly string[]): number {
  let index = 0;
  while (index < words.length) {
    const word = words[index] ?? '';
    if (word === '-n' || word === '--namespace') index += 2;
    else if (word.startsWith('-') && word.length > 1) index += 1;
    else break;
  }
  return Math.min(index, words.length);
}

function help(topic: string | undefined): KubectlOutput {
  const command = KUBECTL_COMMANDS.find((candidate) => candidate.name === topic);
  return succeeded(command ? commandHelp(command) : generalHelp(KUBECTL_COMMANDS));
}
