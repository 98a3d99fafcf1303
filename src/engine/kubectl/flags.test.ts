import { describe, expect, it } from 'vitest';
import type { FlagSpec } from './flags';
import { boolFlag, parseFlags, stringFlag, stringFlags } from './flags';

const SPECS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', usage: '' },
  { name: 'output', shorthand: 'o', type: 'string', usage: '' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: '' },
  { name: 'filename', shorthand: 'f', type: 'string', usage: '' },
];

function parse(...words: string[]) {
  const result = parseFlags(words, SPECS);
  if (!result.ok) throw new Error(result.error);
  return result;
}

function errorOf(...words: string[]): string {
  const result = parseFlags(words, SPECS);
  if (result.ok) throw new Error('expected a flag error');
  return result.error;
}

describe('parseFlags', () => {
  it('reads every spelling of a string flag', () => {
    for (const words of [
      ['--namespace=demo'],
      ['--namespace', 'demo'],
      ['-n', 'demo'],
      ['-ndemo'],
      ['-n=demo'],
    ]) {
      expect(stringFlag(parse(...words).flags, 'namespace')).toBe('demo');
    }
  });

  it('keeps positionals in order around the flags', () => {
    const result = parse('pvc', '-n', 'demo', 'data', '-A', 'more');
    expect(result.positionals).toEqual(['pvc', 'data', 'more']);
    expect(boolFlag(result.flags, 'all-namespaces')).toBe(true);
  });

  it('reads grouped shorthands, the last one taking a value', () => {
    const result = parse('-Ao', 'wide');
    expect(boolFlag(result.flags, 'all-namespaces')).toBe(true);
    expect(stringFlag(result.flags, 'output')).toBe('wide');
  });

  it('takes the next word as a value even when it is "-" (the editor)', () => {
    expect(stringFlag(parse('-f', '-').flags, 'filename')).toBe('-');
  });

  it('keeps every value of a repeated flag, the last one winning as a single value', () => {
    const result = parse('-f', 'a.yaml', '--filename', 'b.yaml');
    expect(stringFlags(result.flags, 'filename')).toEqual(['a.yaml', 'b.yaml']);
    expect(stringFlag(result.flags, 'filename')).toBe('b.yaml');
  });

  it('stops reading flags after --', () => {
    expect(parse('--', '-n', 'x').positionals).toEqual(['-n', 'x']);
  });

  it('reads explicit boolean values as Go does', () => {
    expect(boolFlag(parse('--all-namespaces=false').flags, 'all-namespaces')).toBe(false);
    expect(boolFlag(parse('-A=true').flags, 'all-namespaces')).toBe(true);
    expect(errorOf('--all-namespaces=maybe')).toBe(
      'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
  });

  it('words errors as pflag does', () => {
    expect(errorOf('--bogus')).toBe('unknown flag: --bogus');
    expect(errorOf('--bogus=1')).toBe('unknown flag: --bogus');
    expect(errorOf('-x')).toBe("unknown shorthand flag: 'x' in -x");
    expect(errorOf('-Ax')).toBe("unknown shorthand flag: 'x' in -Ax");
    expect(errorOf('-n')).toBe("flag needs an argument: 'n' in -n");
    expect(errorOf('--namespace')).toBe('flag needs an argument: --namespace');
  });
});
