/** Test helpers for the kubectl line: run a command, and check that a refusal changed nothing. */
import { expect } from 'vitest';
import type { Cluster } from '../cluster';
import { runKubectl } from './run';
import type { KubectlFiles, KubectlOutput } from './types';

export function kubectl(cluster: Cluster, line: string, files: KubectlFiles = {}): KubectlOutput {
  return runKubectl(cluster, line, files);
}

/** Runs a command that must be refused: exit 1, nothing on stdout, the very same state after. */
export function refused(cluster: Cluster, line: string, files: KubectlFiles = {}): string {
  const before = cluster.state;
  const output = runKubectl(cluster, line, files);
  expect(output).toMatchObject({ exitCode: 1, stdout: '', mutated: false });
  expect(cluster.state).toBe(before);
  return output.stderr;
}

/** The editor's text, under both names the UI passes it as. */
export function editor(text: string): KubectlFiles {
  return { '-': text, 'editor.yaml': text };
}
