/**
 * Hostile kubectl lines: random words, flags and quotes. kubectl either answers or fails with a
 * kubectl-like message (exit code 1, "error: ..." on stderr); nothing throws, and a failed line
 * leaves the cluster as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { runKubectl } from '../kubectl';
import { SANDBOX_OPTIONS } from '../sim/initial';

const SETUP = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;

function cluster(): Cluster {
  const created = new Cluster(SANDBOX_OPTIONS);
  const applied = created.apply(SETUP);
  if (!applied.ok) throw new Error(applied.error.message);
  created.settle();
  return created;
}

const WORDS = [
  'kubectl',
  'get',
  'describe',
  'delete',
  'apply',
  'create',
  'patch',
  'explain',
  'edit',
  'exec',
  'logs',
  'pvc',
  'pv',
  'pods',
  'sc',
  'nodes',
  'events',
  'data',
  'persistentvolumeclaims',
  'all',
  'sandwich',
  '-n',
  '--namespace',
  'default',
  'kube-system',
  '-A',
  '-o',
  'yaml',
  'json',
  'wide',
  'jsonpath={.spec}',
  '-f',
  '-',
  'editor.yaml',
  '--type',
  'merge',
  'json',
  'strategic',
  '-p',
  '{"spec":',
  '\'{"a":1}\'',
  '"',
  "'",
  '--',
  '--bogus',
  '-zz',
  '--all',
  '--force',
  '--grace-period=0',
  '--dry-run=client',
  '=',
  '\\',
  '$(rm -rf /)',
  '<script>',
  '🙂',
  '\u0000',
];

const line = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('hostile kubectl lines', () => {
  it('answer or fail like kubectl, never throw; a failure changes nothing', () => {
    const subject = cluster();
    fc.assert(
      fc.property(line, (input) => {
        const before = subject.state;
        const output = runKubectl(subject, input, { '-': SETUP, 'editor.yaml': SETUP });
        expect([0, 1]).toContain(output.exitCode);
        if (output.exitCode !== 0) {
          expect(output.stderr.trim().length).toBeGreaterThan(0);
          expect(subject.state).toBe(before);
        }
      }),
      { numRuns: 3000 },
    );
  }, 180_000);

  it.each([
    ['kubectl frobnicate pvc', 'error: unknown command "frobnicate" for "kubectl"'],
    ['kubectl get pvc --frobnicate', 'unknown flag: --frobnicate'],
    ['kubectl get sandwiches', 'error: the server doesn\'t have a resource type "sandwiches"'],
    ['kubectl patch pvc data -p \'{"spec": \'', 'error:'],
    ["kubectl patch pvc data -p 'not json'", 'Error from server (BadRequest)'],
    ['kubectl get pvc "data', 'error: unterminated quote'],
    ['kubectl delete pvc', 'error: resource(s) were provided, but no name was specified'],
  ])('%s fails with a kubectl message', (input, message) => {
    const subject = cluster();
    const before = subject.state;
    const output = runKubectl(subject, input, {});
    expect(output.exitCode).toBe(1);
    expect(output.stderr).toContain(message);
    expect(subject.state).toBe(before);
  });
});
