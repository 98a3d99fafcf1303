/**
 * Whether a value that crossed a boundary (the worker's door, a link, a file) has the shape of an
 * intent. Only the shape: the engine checks the content itself, with Kubernetes' messages.
 */
type Problem = string;

const INTENT_TYPES = new Set([
  'apply',
  'create',
  'delete',
  'patch',
  'write',
  'crash',
  'fault',
  'clearFault',
  'reset',
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refProblem(value: unknown, where: string): Problem | undefined {
  if (!isRecord(value)) return `${where} is not an object`;
  if (typeof value['kind'] !== 'string' || typeof value['name'] !== 'string')
    return `${where} needs a kind and a name`;
  if (value['namespace'] !== undefined && typeof value['namespace'] !== 'string')
    return `${where}.namespace is not a string`;
  return undefined;
}

function targetProblem(value: unknown, where: string): Problem | undefined {
  if (!isRecord(value)) return `${where} is not an object`;
  if (typeof value['driver'] === 'string' || typeof value['node'] === 'string') return undefined;
  return `${where} names neither a driver nor a node`;
}

/** Whether a value has the shape of an intent. The engine checks the content itself. */
export function intentProblem(value: unknown, where: string): Problem | undefined {
  if (!isRecord(value)) return `${where} is not an object`;
  const type = value['type'];
  if (typeof type !== 'string' || !INTENT_TYPES.has(type)) return `${where}.type is not an intent type`;
  switch (type) {
    case 'apply':
    case 'create':
      return typeof value['text'] === 'string' ? undefined : `${where}.text is not a string`;
    case 'delete':
      return refProblem(value['ref'], `${where}.ref`);
    case 'patch':
      return (
        refProblem(value['ref'], `${where}.ref`) ??
        (isRecord(value['patch']) ? undefined : `${where}.patch is not an object`)
      );
    case 'write':
      return (
        refProblem({ kind: 'Pod', ...(isRecord(value['pod']) ? value['pod'] : {}) }, `${where}.pod`) ??
        (typeof value['path'] === 'string' && typeof value['content'] === 'string'
          ? undefined
          : `${where} needs a path and content`)
      );
    case 'crash':
      return refProblem({ kind: 'Pod', ...(isRecord(value['pod']) ? value['pod'] : {}) }, `${where}.pod`);
    case 'fault':
      return (
        targetProblem(value['target'], `${where}.target`) ??
        (typeof value['error'] === 'string' ? undefined : `${where}.error is not a string`)
      );
    case 'clearFault':
      return targetProblem(value['target'], `${where}.target`);
    default:
      return value['options'] === undefined || isRecord(value['options'])
        ? undefined
        : `${where}.options is not an object`;
  }
}
