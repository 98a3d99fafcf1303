/**
 * The resource arguments kubectl's resource builder accepts (ResourceTypeOrNameArgs):
 * `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...`, with kubectl's errors for the other forms.
 */
import type { KindName } from '../model/types';
import { resolveResource } from '../print/resources';

export interface ResourceTarget {
  readonly kind: KindName;
  /** The named objects; empty means every object of the kind. */
  readonly names: readonly string[];
}

export type ResourceArgs =
  | {
      readonly ok: true;
      readonly targets: readonly ResourceTarget[];
      /** One object was asked for by name: kubectl prints it alone rather than as a List. */
      readonly singleItem: boolean;
    }
  | { readonly ok: false; readonly error: string };

export const NO_RESOURCE_NAME = 'error: resource(s) were provided, but no name was specified';
export const MUST_PROVIDE_RESOURCES =
  'error: You must provide one or more resources by argument or filename.\n' +
  'Example resource specifications include:\n' +
  "   '-f rsrc.yaml'\n" +
  "   '--filename=rsrc.json'\n" +
  "   '<resource> <name>'\n" +
  "   '<resource>'";

export function unknownResourceType(resource: string): string {
  return `error: the server doesn't have a resource type "${resource}"`;
}

export function parseResourceArgs(args: readonly string[]): ResourceArgs {
  const first = args[0];
  if (first === undefined) return { ok: true, targets: [], singleItem: false };
  return first.includes('/') ? slashForm(args) : typeThenNames(first, args.slice(1));
}

function slashForm(args: readonly string[]): ResourceArgs {
  const targets: { kind: KindName; names: string[] }[] = [];
  for (const arg of args) {
    const [resource = '', name = '', ...rest] = arg.split('/');
    if (!resource || !name || rest.length > 0) {
      return {
        ok: false,
        error: 'error: arguments in resource/name form must have a single resource and name',
      };
    }
    const kind = resolveResource(resource);
    if (!kind) return { ok: false, error: unknownResourceType(resource) };
    const last = targets[targets.length - 1];
    if (last?.kind === kind) last.names.push(name);
    else targets.push({ kind, names: [name] });
  }
  return { ok: true, targets, singleItem: args.length === 1 };
}

function typeThenNames(types: string, names: readonly string[]): ResourceArgs {
  if (names.some((name) => name.includes('/'))) {
    return {
      ok: false,
      error:
        'error: there is no need to specify a resource type as a separate argument when passing arguments in ' +
        "resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource " +
        "resource/<resource_name>')",
    };
  }
  const kinds: KindName[] = [];
  for (const resource of types.split(',')) {
    if (!resource) continue;
    const kind = resolveResource(resource);
    if (!kind) return { ok: false, error: unknownResourceType(resource) };
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  const targets = kinds.map((kind) => ({ kind, names }));
  return { ok: true, targets, singleItem: kinds.length === 1 && names.length === 1 };
}
