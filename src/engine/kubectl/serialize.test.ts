import { describe, expect, it } from 'vitest';
import { compactGoJson, toJson, toYaml } from './serialize';

describe('toYaml', () => {
  it('sorts keys and leaves list items unindented', () => {
    expect(toYaml({ spec: { b: 1, a: ['p', 'q'] }, kind: 'K' })).toBe(
      'kind: K\nspec:\n  a:\n  - p\n  - q\n  b: 1\n',
    );
  });

  it('double-quotes strings that would read back as another type, as go-yaml does', () => {
    const yaml = toYaml({
      a: 'yes',
      b: '10',
      c: '2026-01-01T00:00:00Z',
      d: '',
      e: 'on',
      f: '1e3',
      g: 'null',
    });
    expect(yaml).toBe('a: "yes"\nb: "10"\nc: "2026-01-01T00:00:00Z"\nd: ""\ne: "on"\nf: "1e3"\ng: "null"\n');
  });

  it('leaves quantities and names plain, and single-quotes what YAML syntax needs', () => {
    expect(toYaml({ size: '10Gi', name: 'pvc-1', json: '{"a":1}', colon: 'a: b' })).toBe(
      "colon: 'a: b'\njson: '{\"a\":1}'\nname: pvc-1\nsize: 10Gi\n",
    );
  });

  it('writes multi-line text as a literal block, and empty containers in flow style', () => {
    expect(toYaml({ text: 'line1\nline2\n', none: {}, empty: [] })).toBe(
      'empty: []\nnone: {}\ntext: |\n  line1\n  line2\n',
    );
  });
});

describe('toJson', () => {
  it('indents by four spaces, sorts keys and escapes HTML characters as Go does', () => {
    expect(toJson({ b: '<a&b>', a: [1] })).toBe(
      '{\n    "a": [\n        1\n    ],\n    "b": "\\u003ca\\u0026b\\u003e"\n}\n',
    );
  });

  it('has a compact form for patches', () => {
    expect(compactGoJson({ spec: { z: null, a: '>' } })).toBe('{"spec":{"a":"\\u003e","z":null}}');
  });
});
