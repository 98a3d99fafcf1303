/**
 * Hostile input for the apply path: random text, mutated manifests and a catalogue of known
 * troublemakers. For every input the engine either applies it or answers with a structured error
 * (kind, message; the field path or the line and column), nothing throws, and a refusal leaves
 * the cluster exactly as it was.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/errors';
import { Cluster } from '../cluster';
import { SANDBOX_OPTIONS } from '../sim/initial';
import { SEED_MANIFESTS, mutatedManifest } from './mutations';

function freshCluster(): Cluster {
  const cluster = new Cluster(SANDBOX_OPTIONS);
  const seeded = cluster.apply(SEED_MANIFESTS.map((manifest) => dump(manifest)).join('---\n'));
  if (!seeded.ok) throw new Error(seeded.error.message);
  cluster.settle();
  return cluster;
}

/** The invariant: applied, or refused with a usable error and nothing changed. */
function expectAppliedOrRefused(cluster: Cluster, text: string): ApiError | undefined {
  const before = cluster.state;
  const result = cluster.apply(text);
  if (result.ok) return undefined;
  const error = result.error;
  expect(cluster.state).toBe(before);
  expect(typeof error.kind).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  // Somewhere to look: a field path, or a line and column in the text.
  const located =
    error.position !== undefined ||
    (error.causes ?? []).every((cause) => cause.field.length > 0) ||
    error.kind === 'NotFound' ||
    error.kind === 'AlreadyExists';
  expect(located, error.message).toBe(true);
  if (error.position) {
    expect(error.position.line).toBeGreaterThanOrEqual(1);
    expect(error.position.column).toBeGreaterThanOrEqual(1);
  }
  // The cluster still works after a refusal.
  expect(() => cluster.step()).not.toThrow();
  return error;
}

describe('hostile manifests', () => {
  const cluster = freshCluster();

  it('any text at all: applied or refused with a located error, never a throw', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.stringMatching(/^[ \t\n:\-[\]{}&*!|>'"%@`#,?a-z0-9]{0,200}$/),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => String.fromCharCode(...bytes)),
    );
    fc.assert(
      fc.property(text, (input) => {
        expectAppliedOrRefused(cluster, input);
      }),
      { numRuns: 2000 },
    );
  }, 180_000);

  it('mutated manifests (wrong types, missing fields, huge numbers, odd quantities and names)', () => {
    fc.assert(
      fc.property(mutatedManifest(), (mutated) => {
        expectAppliedOrRefused(cluster, mutated.text);
      }),
      { numRuns: 2000 },
    );
  }, 180_000);
});

const claimWith = (field: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  ${field}
`;

describe('known troublemakers', () => {
  const cluster = new Cluster(SANDBOX_OPTIONS);
  const refusal = (text: string): ApiError => {
    const error = expectAppliedOrRefused(cluster, text);
    if (!error) throw new Error(`expected a refusal of:\n${text.slice(0, 300)}`);
    return error;
  };

  it.each(['-1Gi', '1.5.3Mi', '10XB', '1e400Gi', 'Gi', '0x10Gi', '1 Gi'])(
    'refuses the quantity %s',
    (size) => {
      const error = refusal(claimWith(`resources: {requests: {storage: "${size}"}}`));
      expect(error.message).toMatch(
        /spec\.resources\.requests\[?.?storage|quantities must match|must be greater than zero/,
      );
    },
  );

  it.each([
    ['Data', 'a lowercase RFC 1123 subdomain'],
    ['dätä', 'a lowercase RFC 1123 subdomain'],
    ['a\u0000b', 'a lowercase RFC 1123 subdomain'],
    ['-data', 'a lowercase RFC 1123 subdomain'],
    ['x'.repeat(254), 'must be no more than 253 characters'],
    ['<script>alert(1)</script>', 'a lowercase RFC 1123 subdomain'],
  ])('refuses the name %j with Kubernetes’ message', (name, message) => {
    const error = refusal(
      claimWith('resources: {requests: {storage: 1Gi}}').replace(
        'name: data',
        `name: ${JSON.stringify(name)}`,
      ),
    );
    expect(error.message).toContain('metadata.name');
    expect(error.message).toContain(message);
  });

  it('refuses unknown kinds and apiVersions by name', () => {
    expect(refusal('apiVersion: v1\nkind: Sandwich\nmetadata: {name: lunch}\n').message).toContain(
      'Sandwich',
    );
    expect(
      refusal('apiVersion: storage.k8s.io/v9\nkind: StorageClass\nmetadata: {name: x}\nprovisioner: a\n')
        .message,
    ).toContain('storage.k8s.io/v9');
  });

  it('refuses an alias bomb before it expands', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 12; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const error = refusal(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  ${levels.join('\n  ')}\n`,
    );
    expect(error.message).toContain('too many aliases');
  });

  it('refuses tabs used for indentation, with the line and column', () => {
    const error = refusal('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabs\n');
    expect(error.position).toMatchObject({ line: 4 });
  });

  it('refuses very deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    refusal(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${deep}\n`);
    const deepMap = `${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`;
    refusal(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${deepMap}\n`);
  });

  it('refuses the same object twice in one paste as kubectl would not silently merge them', () => {
    const map = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: twice}\ndata: {a: "1"}\n';
    const result = cluster.apply(`${map}---\n${map.replace('"1"', '"2"')}`);
    // kubectl applies documents in order; the second wins. Either way, nothing throws.
    expect(result.ok).toBe(true);
    expect(cluster.state.objects.ConfigMap['default/twice']?.data).toEqual({ a: '2' });
  });

  it('answers a 5 MB paste without throwing', () => {
    const many = Array.from(
      { length: 20_000 },
      (_, index) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "cm-${index}"}\ndata: {k: "${'x'.repeat(200)}"}\n`,
    ).join('---\n');
    expect(many.length).toBeGreaterThan(5_000_000);
    const garbage = `${'\u0001\u00ff%&*'.repeat(1_100_000)}`;
    expect(garbage.length).toBeGreaterThan(5_000_000);
    refusal(garbage);
    const fresh = new Cluster(SANDBOX_OPTIONS);
    const result = fresh.apply(many);
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
  }, 60_000);
});
