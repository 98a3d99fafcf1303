/**
 * Go's text/tabwriter, which lays out both `kubectl get` and `kubectl describe`: tab-terminated
 * cells are padded to the width of their column, where a column is a run of consecutive lines
 * that all have a cell at that position (so a line without tabs ends every column above it).
 * The text after a line's last tab is never padded.
 */

export interface TabWriterSettings {
  /** Minimal cell width, padding included. */
  readonly minWidth: number;
  /** Spaces added to the widest cell of a column. */
  readonly padding: number;
}

/** `kubectl get` (cli-runtime printers.GetNewTabWriter). */
export const TABLE_SETTINGS: TabWriterSettings = { minWidth: 6, padding: 3 };
/** `kubectl describe` (describe.tabbedString). */
export const DESCRIBE_SETTINGS: TabWriterSettings = { minWidth: 0, padding: 2 };

export function alignTabs(text: string, settings: TabWriterSettings): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  formatColumns(lines, [], 0, lines.length, settings, out);
  return out.join('\n');
}

/** Go's Writer.format: finds each column block at depth `widths.length`, sizes it, recurses. */
function formatColumns(
  lines: readonly (readonly string[])[],
  widths: number[],
  first: number,
  end: number,
  settings: TabWriterSettings,
  out: string[],
): void {
  const column = widths.length;
  let unwritten = first;
  for (let index = first; index < end; index += 1) {
    if (!hasCell(lines[index], column)) continue;
    writeLines(lines, widths, unwritten, index, out);
    let width = settings.minWidth;
    let blockEnd = index;
    for (; blockEnd < end && hasCell(lines[blockEnd], column); blockEnd += 1) {
      width = Math.max(width, textWidth(lines[blockEnd]?.[column] ?? '') + settings.padding);
    }
    widths.push(width);
    formatColumns(lines, widths, index, blockEnd, settings, out);
    widths.pop();
    unwritten = blockEnd;
    index = blockEnd;
  }
  writeLines(lines, widths, unwritten, end, out);
}

/** Whether the line has a tab-terminated cell at `column` (its last cell never counts). */
function hasCell(line: readonly string[] | undefined, column: number): boolean {
  return line !== undefined && column < line.length - 1;
}

function writeLines(
  lines: readonly (readonly string[])[],
  widths: readonly number[],
  first: number,
  end: number,
  out: string[],
): void {
  for (let index = first; index < end; index += 1) {
    const cells = lines[index] ?? [];
    out.push(
      cells
        .map((cell, position) => {
          const width = widths[position];
          return width === undefined ? cell : cell + ' '.repeat(Math.max(0, width - textWidth(cell)));
        })
        .join(''),
    );
  }
}

/** Go measures cells in runes (code points), not UTF-16 units. */
function textWidth(text: string): number {
  return Array.from(text).length;
}
