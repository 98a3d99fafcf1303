/** What every simulated kubectl command is: its help, its flags, and how it runs. */
import type { Cluster } from '../../cluster';
import type { FlagSpec, ParsedFlags } from '../flags';
import type { KubectlFiles, KubectlOutput } from '../types';

export interface CommandContext {
  readonly cluster: Cluster;
  readonly files: KubectlFiles;
  /** The arguments left once flags are read. */
  readonly args: readonly string[];
  readonly flags: ParsedFlags;
  /** `-n`, or the cluster's default namespace. */
  readonly namespace: string;
  /** True when `-n`/`--namespace` was given. */
  readonly namespaceGiven: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for `kubectl help`. */
  readonly summary: string;
  /** The usage line after `kubectl `: `get TYPE [NAME...] [flags]`. */
  readonly usage: string;
  /** Flags of this command; the global ones (`-n`, `-h`) are added by the runner. */
  readonly flags: readonly FlagSpec[];
  readonly run: (context: CommandContext) => KubectlOutput;
}

export const NAMESPACE_FLAG: FlagSpec = {
  name: 'namespace',
  shorthand: 'n',
  type: 'string',
  usage: 'If present, the namespace scope for this CLI request',
};

export const HELP_FLAG: FlagSpec = {
  name: 'help',
  shorthand: 'h',
  type: 'bool',
  usage: 'help for this command',
};

export const FILENAME_FLAG: FlagSpec = {
  name: 'filename',
  shorthand: 'f',
  type: 'string',
  usage: "The file that contains the configuration: the editor's text is '-' or 'editor.yaml'",
};

export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  shorthand: 'A',
  type: 'bool',
  usage: 'If present, list the requested object(s) across all namespaces',
};

/** Global flags every command accepts, as kubectl's root command defines them. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [NAMESPACE_FLAG, HELP_FLAG];
