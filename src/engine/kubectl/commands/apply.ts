/**
 * `kubectl apply -f` and `kubectl create -f`. Each file goes to the cluster as one atomic request:
 * if any object is refused, nothing from that file is stored (real kubectl would have stored the
 * objects before the refused one), and the error is worded as kubectl words it.
 */
import type { ApiError } from '../../api/errors';
import type { ObjectRef } from '../../model/types';
import { KINDS, objectKey } from '../../model/types';
import { qualifiedKindName } from '../../print/resources';
import type { ClusterState } from '../../sim/state';
import type { ErrorContext } from '../api-errors';
import { formatApiError } from '../api-errors';
import { applyPatchText } from '../apply-patch';
import { stringFlags } from '../flags';
import type { ManifestObject } from '../manifest-objects';
import { readManifestObjects, sourceName } from '../manifest-objects';
import { OutputCollector, failed } from '../output';
import type { KubectlOutput } from '../types';
import type { Command, CommandContext } from './command';
import { FILENAME_FLAG } from './command';

type SubmitMode = 'apply' | 'create';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  usage: 'apply -f FILENAME [-n NAMESPACE]',
  flags: [FILENAME_FLAG],
  run: (context) => runSubmit(context, 'apply'),
};

export const createCommand: Command = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  usage: 'create -f FILENAME [-n NAMESPACE]',
  flags: [FILENAME_FLAG],
  run: (context) => runSubmit(context, 'create'),
};

function runSubmit(context: CommandContext, mode: SubmitMode): KubectlOutput {
  if (context.args.length > 0) {
    return failed(
      `error: Unexpected args: [${context.args.join(' ')}]\nSee 'kubectl ${mode} -h' for help and examples`,
    );
  }
  const fileNames = stringFlags(context.flags, 'filename');
  if (fileNames.length === 0) {
    return failed(
      mode === 'apply' ? 'error: must specify one of -f and -k' : 'Error: must specify one of -f and -k',
    );
  }
  const output = new OutputCollector();
  for (const file of fileNames) {
    const text = context.files[file];
    if (text === undefined) output.error(`error: the path "${file}" does not exist`);
    else submitFile(context, mode, sourceName(file), text, output);
  }
  return output.result();
}

function submitFile(
  context: CommandContext,
  mode: SubmitMode,
  source: string,
  text: string,
  output: OutputCollector,
): void {
  const read = readManifestObjects(text);
  if (!read.ok) {
    output.error(formatApiError(read.error, { source: { name: source, verb: 'creating' } }));
    return;
  }
  if (read.objects.length === 0) {
    output.error(`error: no objects passed to ${mode}`);
    return;
  }
  if (context.namespaceGiven) {
    const mismatch = namespaceMismatch(read.objects, context.namespace);
    if (mismatch) {
      output.error(mismatch);
      return;
    }
  }
  const before = context.cluster.state;
  const options = context.namespaceGiven ? { namespace: context.namespace } : {};
  const result =
    mode === 'apply' ? context.cluster.apply(text, options) : context.cluster.create(text, options);
  if (!result.ok) {
    output.error(describeRefusal(result.error, mode, source, before, read.objects));
    return;
  }
  for (const submitted of result.value.value) {
    output.print(`${qualifiedKindName(submitted.ref.kind)}/${submitted.ref.name} ${submitted.outcome}`);
    if (submitted.outcome !== 'unchanged') output.markMutated();
  }
}

/** kubectl refuses a file whose objects name another namespace than `-n`. */
function namespaceMismatch(objects: readonly ManifestObject[], namespace: string): string | undefined {
  const other = objects.find(
    (object) =>
      object.kind && KINDS[object.kind].namespaced && object.namespace && object.namespace !== namespace,
  );
  if (!other) return undefined;
  return (
    `error: the namespace from the provided object "${other.namespace}" does not match the namespace "${namespace}". ` +
    `You must pass '--namespace=${other.namespace}' to perform this operation.`
  );
}

function describeRefusal(
  error: ApiError,
  mode: SubmitMode,
  source: string,
  before: ClusterState,
  objects: readonly ManifestObject[],
): string {
  if (error.kind === 'Invalid' && !error.object && error.message.startsWith('no matches for kind')) {
    const unknown = objects.find((object) => object.document === error.position?.document && !object.kind);
    if (unknown) {
      return (
        `error: resource mapping not found for name: "${unknown.name}" namespace: "${unknown.namespace}" ` +
        `from "${source}": ${error.message}\nensure CRDs are installed first`
      );
    }
  }
  if (mode === 'create') return formatApiError(error, { source: { name: source, verb: 'creating' } });
  return formatApiError(error, errorContext(error.object, source, before, objects));
}

/** Whether kubectl was creating the object or patching an existing one when it was refused. */
function errorContext(
  ref: ObjectRef | undefined,
  source: string,
  before: ClusterState,
  objects: readonly ManifestObject[],
): ErrorContext {
  const creating: ErrorContext = { source: { name: source, verb: 'creating' } };
  if (!ref) return creating;
  const live =
    before.objects[ref.kind][objectKey(KINDS[ref.kind].namespaced ? ref.namespace : undefined, ref.name)];
  if (!live) return creating;
  const desired = objects.find(
    (object) =>
      object.kind === ref.kind &&
      object.name === ref.name &&
      (!KINDS[ref.kind].namespaced || (object.namespace || ref.namespace) === ref.namespace),
  );
  if (!desired) return creating;
  const content = KINDS[ref.kind].namespaced
    ? {
        ...desired.content,
        metadata: { ...(desired.content['metadata'] as object), namespace: ref.namespace },
      }
    : desired.content;
  return {
    source: { name: source, verb: 'patching' },
    applyPatch: { patch: applyPatchText(live, content), ref },
  };
}
