/**
 * `kubectl patch TYPE NAME -p PATCH`. The patch is read as YAML (so JSON too), as kubectl reads it.
 * Only JSON merge patches are simulated. kubectl's default type is a strategic merge patch, which
 * gives the same result for the storage kinds' fields (none of their lists merge by key), so an
 * omitted --type is applied as a merge patch; asking for json or strategic explicitly is refused.
 */
import { load, YAMLException } from 'js-yaml';
import { KINDS } from '../../model/types';
import { qualifiedKindName } from '../../print/resources';
import { formatApiError } from '../api-errors';
import { stringFlag } from '../flags';
import { OutputCollector, failed } from '../output';
import { MUST_PROVIDE_RESOURCES, NO_RESOURCE_NAME, parseResourceArgs } from '../resource-args';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

export const patchCommand: Command = {
  name: 'patch',
  summary: 'Update fields of a resource',
  usage: 'patch TYPE NAME | TYPE/NAME -p PATCH [--type merge] [-n NAMESPACE]',
  flags: [
    {
      name: 'patch',
      shorthand: 'p',
      type: 'string',
      usage: 'The patch to be applied to the resource JSON file',
    },
    { name: 'type', type: 'string', usage: 'The type of patch being provided; only merge is simulated' },
  ],
  run: runPatch,
};

function runPatch(context: CommandContext): KubectlOutput {
  const patchText = stringFlag(context.flags, 'patch') ?? '';
  if (patchText === '')
    return failed('error: must specify --patch or --patch-file containing the contents of the patch');
  const typeRefusal = checkPatchType(stringFlag(context.flags, 'type'));
  if (typeRefusal) return failed(typeRefusal);
  const patch = parsePatch(patchText);
  if (!patch.ok) return failed(patch.error);
  if (context.args.length === 0) return failed(MUST_PROVIDE_RESOURCES);
  const parsed = parseResourceArgs(context.args);
  if (!parsed.ok) return failed(parsed.error);
  if (parsed.targets.some((target) => target.names.length === 0)) return failed(NO_RESOURCE_NAME);

  const output = new OutputCollector();
  for (const target of parsed.targets) {
    const namespace = KINDS[target.kind].namespaced ? context.namespace : undefined;
    for (const name of target.names) {
      const result = context.cluster.patch(
        { kind: target.kind, ...(namespace ? { namespace } : {}), name },
        patch.value,
      );
      if (!result.ok) {
        output.error(formatApiError(result.error));
        continue;
      }
      const changed = result.value.value.outcome !== 'unchanged';
      output.print(
        `${qualifiedKindName(target.kind)}/${name} ${changed ? 'patched' : 'patched (no change)'}`,
      );
      if (changed) output.markMutated();
    }
  }
  return output.result();
}

function checkPatchType(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  const lower = type.toLowerCase();
  if (!PATCH_TYPES.includes(lower))
    return `error: --type must be one of [${PATCH_TYPES.join(' ')}], not "${type}"`;
  if (lower === 'merge') return undefined;
  return (
    `error: --type ${lower} is not simulated: this kubectl applies JSON merge patches only ` +
    `(--type merge, which is also what it uses when --type is left out)`
  );
}

/** yaml.ToJSON: the patch may be written as JSON or YAML. */
function parsePatch(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: load(text) };
  } catch (error) {
    const why =
      error instanceof YAMLException
        ? `yaml: line ${errorLine(text, error)}: ${error.reason}`
        : error instanceof Error
          ? error.message
          : String(error);
    // Go's %q: the patch in double quotes, its own quotes escaped.
    return { ok: false, error: `error: unable to parse ${JSON.stringify(text)}: ${why}` };
  }
}

/** js-yaml marks an unexpected end past the last line; Go's parser names the last line. */
function errorLine(text: string, error: YAMLException): number {
  return Math.min((error.mark?.line ?? 0) + 1, text.split('\n').length);
}
