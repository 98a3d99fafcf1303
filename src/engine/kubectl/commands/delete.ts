/**
 * `kubectl delete TYPE NAME...`, `delete TYPE --all` and `delete -f FILE`. Like kubectl, each
 * object is deleted on its own: a missing one is reported and the others are still deleted. The
 * simulated kubectl does not wait for finalizers (real kubectl does, by default): a protected
 * object is reported deleted and stays Terminating until its finalizers go.
 */
import type { KubeObject, ObjectRef } from '../../model/types';
import { KINDS } from '../../model/types';
import { qualifiedKindName } from '../../print/resources';
import { formatApiError } from '../api-errors';
import { boolFlag, stringFlags } from '../flags';
import { readManifestObjects, sourceName } from '../manifest-objects';
import { OutputCollector, failed, succeeded } from '../output';
import { MUST_PROVIDE_RESOURCES, NO_RESOURCE_NAME, parseResourceArgs } from '../resource-args';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';
import { FILENAME_FLAG } from './command';

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names',
  usage: 'delete (-f FILENAME | TYPE NAME... | TYPE/NAME... | TYPE --all) [-n NAMESPACE]',
  flags: [
    FILENAME_FLAG,
    { name: 'all', type: 'bool', usage: 'Delete all resources of the given types in the namespace' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete' },
  ],
  run: runDelete,
};

function runDelete(context: CommandContext): KubectlOutput {
  const files = stringFlags(context.flags, 'filename');
  if (files.length > 0 && context.args.length > 0) {
    return failed(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  }
  const output = new OutputCollector();
  if (files.length > 0) {
    for (const file of files) deleteFileObjects(context, file, output);
    return output.result();
  }
  if (context.args.length === 0) return failed(MUST_PROVIDE_RESOURCES);
  const parsed = parseResourceArgs(context.args);
  if (!parsed.ok) return failed(parsed.error);
  const refs: ObjectRef[] = [];
  for (const target of parsed.targets) {
    let names = target.names;
    if (names.length === 0) {
      if (!boolFlag(context.flags, 'all')) return failed(NO_RESOURCE_NAME);
      names = namesInNamespace(context, target.kind);
    }
    const namespace = KINDS[target.kind].namespaced ? context.namespace : undefined;
    refs.push(...names.map((name) => ({ kind: target.kind, ...(namespace ? { namespace } : {}), name })));
  }
  if (refs.length === 0) return succeeded('No resources found');
  for (const ref of refs) deleteOne(context, ref, undefined, output);
  return output.result();
}

function namesInNamespace(context: CommandContext, kind: ObjectRef['kind']): string[] {
  const namespaced = KINDS[kind].namespaced;
  const table: Readonly<Record<string, KubeObject>> = context.cluster.state.objects[kind];
  return Object.values(table)
    .filter((object) => !namespaced || object.metadata?.namespace === context.namespace)
    .map((object) => object.metadata?.name ?? '')
    .sort();
}

function deleteFileObjects(context: CommandContext, file: string, output: OutputCollector): void {
  const text = context.files[file];
  if (text === undefined) {
    output.error(`error: the path "${file}" does not exist`);
    return;
  }
  const source = sourceName(file);
  const read = readManifestObjects(text);
  if (!read.ok) {
    output.error(formatApiError(read.error, { source: { name: source, verb: 'deleting' } }));
    return;
  }
  for (const object of read.objects) {
    if (!object.kind) {
      output.error(
        `error: resource mapping not found for name: "${object.name}" namespace: "${object.namespace}" from "${source}": ` +
          `no matches for kind "${object.kindText}" in version "${object.apiVersion}"\nensure CRDs are installed first`,
      );
      continue;
    }
    const namespaced = KINDS[object.kind].namespaced;
    if (namespaced && context.namespaceGiven && object.namespace && object.namespace !== context.namespace) {
      output.error(
        `error: the namespace from the provided object "${object.namespace}" does not match the namespace "${context.namespace}". ` +
          `You must pass '--namespace=${object.namespace}' to perform this operation.`,
      );
      continue;
    }
    const namespace = namespaced ? object.namespace || context.namespace : undefined;
    deleteOne(
      context,
      { kind: object.kind, ...(namespace ? { namespace } : {}), name: object.name },
      source,
      output,
    );
  }
}

/** kubectl 1.33's wording (see commands/version.ts); 1.34+ appends ` from <namespace> namespace`. */
function deletedMessage(ref: ObjectRef): string {
  const where = ref.namespace ? ` from ${ref.namespace} namespace` : '';
  return `${qualifiedKindName(ref.kind)} "${ref.name}" deleted${where}`;
}

function deleteOne(
  context: CommandContext,
  ref: ObjectRef,
  source: string | undefined,
  output: OutputCollector,
) {
  const result = context.cluster.delete(ref);
  if (result.ok) {
    output.print(deletedMessage(ref));
    output.markMutated();
    return;
  }
  if (result.error.kind === 'NotFound' && boolFlag(context.flags, 'ignore-not-found')) return;
  output.error(formatApiError(result.error, source ? { source: { name: source, verb: 'deleting' } } : {}));
}
