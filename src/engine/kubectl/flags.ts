/**
 * Command-line flags as kubectl's flag library (spf13/pflag) reads them: `--name value`,
 * `--name=value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-Ah`), flags
 * anywhere among the arguments, and `--` ending the flags. Its error texts are pflag's.
 */

export interface FlagSpec {
  /** The long name, without dashes: `namespace`. */
  readonly name: string;
  /** One letter, without the dash: `n`. */
  readonly shorthand?: string;
  /** A boolean flag needs no value (`-A`); a string flag does (`-n demo`). */
  readonly type: 'bool' | 'string';
  /** One line for `--help`. */
  readonly usage: string;
}

export interface ParsedFlags {
  /** Every value given to each string flag, in order (`-f a -f b`). */
  readonly strings: ReadonlyMap<string, readonly string[]>;
  readonly bools: ReadonlyMap<string, boolean>;
}

export type FlagParseResult =
  | { readonly ok: true; readonly positionals: readonly string[]; readonly flags: ParsedFlags }
  | { readonly ok: false; readonly error: string };

/** The last value of a string flag, as pflag keeps it. */
export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const values = flags.strings.get(name);
  return values ? values[values.length - 1] : undefined;
}

export function stringFlags(flags: ParsedFlags, name: string): readonly string[] {
  return flags.strings.get(name) ?? [];
}

export function boolFlag(flags: ParsedFlags, name: string): boolean {
  return flags.bools.get(name) ?? false;
}

export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): FlagParseResult {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShorthand = new Map(specs.flatMap((spec) => (spec.shorthand ? [[spec.shorthand, spec]] : [])));
  const strings = new Map<string, string[]>();
  const bools = new Map<string, boolean>();
  const positionals: string[] = [];

  const setValue = (spec: FlagSpec, value: string, shown: string): string | undefined => {
    if (spec.type === 'string') {
      strings.set(spec.name, [...(strings.get(spec.name) ?? []), value]);
      return undefined;
    }
    const parsed = parseBool(value);
    if (parsed === undefined) {
      const flagName = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
      return `invalid argument "${value}" for "${flagName}" flag: strconv.ParseBool: parsing "${shown}": invalid syntax`;
    }
    bools.set(spec.name, parsed);
    return undefined;
  };

  let index = 0;
  while (index < words.length) {
    const word = words[index] ?? '';
    index += 1;
    if (word === '--') {
      positionals.push(...words.slice(index));
      break;
    }
    if (word.startsWith('--')) {
      const [name = '', inlineValue] = splitOnce(word.slice(2), '=');
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let value = inlineValue;
      if (value === undefined && spec.type === 'string') {
        if (index >= words.length) return { ok: false, error: `flag needs an argument: --${name}` };
        value = words[index] ?? '';
        index += 1;
      }
      const error = setValue(spec, value ?? 'true', value ?? 'true');
      if (error) return { ok: false, error };
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      // Grouped shorthands: booleans in a row, then at most one that takes the rest as its value.
      let position = 1;
      while (position < word.length) {
        const letter = word.charAt(position);
        const spec = byShorthand.get(letter);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${word}` };
        position += 1;
        const rest = word.slice(position);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            const error = setValue(spec, rest.slice(1), rest.slice(1));
            if (error) return { ok: false, error };
            break;
          }
          bools.set(spec.name, true);
          continue;
        }
        let value: string;
        if (rest.length > 0) {
          value = rest.startsWith('=') ? rest.slice(1) : rest;
        } else {
          if (index >= words.length) {
            return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
          }
          value = words[index] ?? '';
          index += 1;
        }
        setValue(spec, value, value);
        break;
      }
      continue;
    }
    positionals.push(word);
  }
  return { ok: true, positionals, flags: { strings, bools } };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Go's strconv.ParseBool. */
function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
