/**
 * `kubectl version`. The simulated client matches the simulated server (1.35), so `delete` uses
 * the wording kubectl has printed since 1.34: `... deleted from <namespace> namespace`.
 */
import { boolFlag } from '../flags';
import { succeeded } from '../output';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';

export const CLIENT_VERSION = 'v1.35.0';
export const KUSTOMIZE_VERSION = 'v5.6.0';
export const SERVER_VERSION = 'v1.35.0';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the client and server version information',
  usage: 'version [--client]',
  flags: [{ name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required)' }],
  run: runVersion,
};

function runVersion(context: CommandContext): KubectlOutput {
  const client = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}`;
  if (boolFlag(context.flags, 'client')) return succeeded(client);
  return succeeded(`${client}\nServer Version: ${SERVER_VERSION}`);
}
