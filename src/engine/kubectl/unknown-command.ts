/**
 * kubectl's answer to a command it does not have: cobra's "unknown command" with its suggestions,
 * or, for a real kubectl command this terminal does not simulate, a message saying so.
 */
import type { Command } from './commands/command';

/** Real kubectl commands this terminal does not simulate: named as such, not as unknown. */
const NOT_SIMULATED = new Set([
  'annotate',
  'attach',
  'auth',
  'autoscale',
  'certificate',
  'cluster-info',
  'completion',
  'config',
  'cordon',
  'cp',
  'debug',
  'diff',
  'drain',
  'edit',
  'events',
  'exec',
  'expose',
  'kustomize',
  'label',
  'logs',
  'options',
  'plugin',
  'port-forward',
  'proxy',
  'replace',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'top',
  'uncordon',
  'wait',
]);

/** cobra's message, with its "Did you mean this?" suggestions (edit distance 2, or a prefix). */
export function unknownCommand(verb: string, commands: readonly Command[]): string {
  if (NOT_SIMULATED.has(verb)) {
    return `error: "kubectl ${verb}" is not simulated here. Simulated commands: ${commands.map((command) => command.name).join(', ')}`;
  }
  const typed = verb.toLowerCase();
  const suggestions = [...commands.map((command) => command.name), 'help'].filter(
    (name) => editDistance(typed, name) <= 2 || name.startsWith(typed),
  );
  const didYouMean =
    suggestions.length > 0
      ? `\n\nDid you mean this?\n${suggestions.map((name) => `\t${name}\n`).join('')}`
      : '';
  return `error: unknown command "${verb}" for "kubectl"${didYouMean}\nRun 'kubectl --help' for usage.`;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
