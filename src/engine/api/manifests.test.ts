import { describe, expect, it } from 'vitest';
import { parseManifests, splitDocuments } from './manifests';

describe('manifests', () => {
  it('splits documents at --- and ... markers, keeping line offsets', () => {
    const slices = splitDocuments('a: 1\n---\nb: 2\n...\n--- {c: 3}\n');
    expect(slices.map((slice) => slice.firstLine)).toEqual([0, 2, 4, 4]);
  });

  it('reads many documents and skips empty ones', () => {
    const result = parseManifests('kind: A\n---\n# only a comment\n---\nkind: B\n');
    expect(result.ok && result.manifests.map((manifest) => [manifest.document, manifest.content])).toEqual([
      [1, { kind: 'A' }],
      [3, { kind: 'B' }],
    ]);
  });

  it('reports a syntax error with document, line and column', () => {
    const result = parseManifests('kind: A\n---\napiVersion: v1\nmetadata:\n  name: x\n spec: {}\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('Parse');
    expect(result.error.position?.document).toBe(2);
    expect(result.error.position?.line).toBeGreaterThanOrEqual(5);
    expect(result.error.message).toMatch(/^error converting YAML to JSON: yaml: line \d+: /);
  });

  it('refuses duplicate keys', () => {
    const result = parseManifests('a: 1\na: 2\n');
    expect(result.ok).toBe(false);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 10; level += 1) {
      lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
    }
    const result = parseManifests(lines.join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/too many aliases/);
  });

  it('finds the line of a field, or of its nearest existing parent', () => {
    const text =
      'apiVersion: v1\nkind: PersistentVolumeClaim\n---\napiVersion: v1\nkind: PersistentVolume\nspec:\n  accessModes:\n    - ReadWriteOnce\n    - Bogus\n';
    const result = parseManifests(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const second = result.manifests[1];
    expect(second?.positionOf('spec.accessModes[1]')).toEqual({ document: 2, line: 9, column: 7 });
    expect(second?.positionOf('spec.capacity[storage]')).toEqual({ document: 2, line: 6, column: 1 });
  });
});
