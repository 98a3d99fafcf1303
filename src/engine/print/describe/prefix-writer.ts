/**
 * kubectl describe's PrefixWriter: text written at an indentation level (two spaces per level,
 * prepended to the start of each write only), later aligned on tabs by the describe tabwriter.
 */
import { DESCRIBE_SETTINGS, alignTabs } from '../tabwriter';

export interface PrefixWriter {
  /** Writes `text` after `level` indents. */
  write(level: number, text: string): void;
  /** Writes `text` and a newline with no indentation (a nested writer indents it, as kubectl's does). */
  writeLine(text: string): void;
}

class BufferWriter implements PrefixWriter {
  private readonly parts: string[] = [];

  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }

  writeLine(text: string): void {
    this.parts.push(`${text}\n`);
  }

  get text(): string {
    return this.parts.join('');
  }
}

/** kubectl's NestedPrefixWriter: every write, writeLine included, gains `indent` levels. */
export function nestedWriter(parent: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => parent.write(level + indent, text),
    writeLine: (text) => parent.write(indent, `${text}\n`),
  };
}

/** describe.tabbedString: runs a describer and aligns what it wrote. */
export function tabbedString(describe: (writer: PrefixWriter) => void): string {
  const writer = new BufferWriter();
  describe(writer);
  return alignTabs(writer.text, DESCRIBE_SETTINGS);
}
