import { describe, expect, it } from 'vitest';
import { indentLines, wrapWords } from './word-wrap';

describe('wrapWords', () => {
  it('breaks at blanks so that lines stay within the limit', () => {
    expect(wrapWords('the quick brown fox jumps over', 10)).toBe('the quick\nbrown fox\njumps over');
  });

  it('gives a word longer than the limit a line of its own', () => {
    expect(wrapWords('see https://kubernetes.io/docs/concepts/storage for more', 20)).toBe(
      'see\nhttps://kubernetes.io/docs/concepts/storage\nfor more',
    );
  });

  it('keeps existing line breaks and a final one', () => {
    expect(wrapWords('one two\nthree four five\n', 9)).toBe('one two\nthree\nfour five\n');
  });
});

describe('indentLines', () => {
  it('indents every line, including an empty last one', () => {
    expect(indentLines('a\nb\n', 4)).toBe('    a\n    b\n    ');
  });
});
