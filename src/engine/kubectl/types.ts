/**
 * The contract of the simulated `kubectl` line: one command line in, what a terminal shows out.
 * The interpreter runs inside the engine's worker against a Cluster.
 */

/** Files a command can name with `-f`: the editor's text is `-` and `editor.yaml`. */
export interface KubectlFiles {
  readonly [name: string]: string;
}

export interface KubectlOutput {
  /** 0 on success, 1 on an error, as kubectl exits. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the command changed the cluster (apply, create, delete, patch). */
  readonly mutated: boolean;
}
