/**
 * Splits a command line into words as a POSIX shell does before running kubectl: blanks separate
 * words; single quotes keep everything literally; double quotes keep everything except that a
 * backslash still escapes `"`, `\`, `$` and `` ` ``; outside quotes a backslash escapes any
 * character; `#` at the start of a word begins a comment. There is no expansion, globbing or
 * piping: the simulated terminal runs one kubectl command, so shell operators are refused rather
 * than silently passed to kubectl as arguments.
 */

export type TokenizeResult =
  { readonly ok: true; readonly words: readonly string[] } | { readonly ok: false; readonly error: string };

const BLANKS = new Set([' ', '\t', '\n', '\r']);
const OPERATORS = new Set(['|', '&', ';', '<', '>']);
/** Inside double quotes a backslash escapes only these (and a newline, which it removes). */
const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);

export const UNTERMINATED_QUOTE = 'error: unterminated quote';
export const SHELL_OPERATOR =
  'error: pipes, redirections and command lists (| & ; < >) are not simulated: run one kubectl command at a time';

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let word = '';
  /** True once the current word has started, even if it is empty so far (`''` is a word). */
  let inWord = false;
  let index = 0;
  const finishWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };

  while (index < line.length) {
    const char = line.charAt(index);
    if (BLANKS.has(char)) {
      finishWord();
      index += 1;
    } else if (char === '#' && !inWord) {
      const endOfLine = line.indexOf('\n', index);
      index = endOfLine < 0 ? line.length : endOfLine;
    } else if (OPERATORS.has(char)) {
      return { ok: false, error: SHELL_OPERATOR };
    } else if (char === "'") {
      const close = line.indexOf("'", index + 1);
      if (close < 0) return { ok: false, error: UNTERMINATED_QUOTE };
      word += line.slice(index + 1, close);
      inWord = true;
      index = close + 1;
    } else if (char === '"') {
      const quoted = readDoubleQuoted(line, index + 1);
      if (!quoted) return { ok: false, error: UNTERMINATED_QUOTE };
      word += quoted.text;
      inWord = true;
      index = quoted.next;
    } else if (char === '\\') {
      const escaped = line.charAt(index + 1);
      // A trailing backslash has nothing to escape: keep it. Backslash-newline joins lines.
      if (index + 1 >= line.length) word += '\\';
      else if (escaped !== '\n') word += escaped;
      inWord = true;
      index += 2;
    } else {
      word += char;
      inWord = true;
      index += 1;
    }
  }
  finishWord();
  return { ok: true, words };
}

/** The text of a double-quoted string starting after its opening quote, and where it ends. */
function readDoubleQuoted(line: string, start: number): { text: string; next: number } | undefined {
  let text = '';
  let index = start;
  while (index < line.length) {
    const char = line.charAt(index);
    if (char === '"') return { text, next: index + 1 };
    if (char === '\\' && index + 1 < line.length) {
      const escaped = line.charAt(index + 1);
      if (DOUBLE_QUOTE_ESCAPES.has(escaped)) text += escaped;
      else if (escaped !== '\n') text += `\\${escaped}`;
      index += 2;
      continue;
    }
    text += char;
    index += 1;
  }
  return undefined;
}
