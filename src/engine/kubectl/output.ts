/** Building a command's result: what it printed on each stream, its exit code, whether it wrote. */
import type { KubectlOutput } from './types';

/** Text for a stream: each line ends with a newline, as kubectl writes it. */
export function lines(text: string): string {
  if (text === '') return '';
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function succeeded(stdout: string, mutated = false, stderr = ''): KubectlOutput {
  return { exitCode: 0, stdout: lines(stdout), stderr: lines(stderr), mutated };
}

export function failed(stderr: string, stdout = '', mutated = false): KubectlOutput {
  return { exitCode: 1, stdout: lines(stdout), stderr: lines(stderr), mutated };
}

/** Collects a command that reports per object (delete, patch): successes and errors interleave. */
export class OutputCollector {
  private readonly out: string[] = [];
  private readonly errors: string[] = [];
  private changed = false;

  print(line: string): void {
    this.out.push(lines(line));
  }

  error(line: string): void {
    this.errors.push(lines(line));
  }

  markMutated(): void {
    this.changed = true;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  result(): KubectlOutput {
    return {
      exitCode: this.errors.length > 0 ? 1 : 0,
      stdout: this.out.join(''),
      stderr: this.errors.join(''),
      mutated: this.changed,
    };
  }
}
