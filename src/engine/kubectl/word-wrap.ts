/**
 * mitchellh/go-wordwrap's WrapString, which `kubectl explain` wraps descriptions with: breaks at
 * blanks so lines stay within `limit`, keeps existing line breaks, never splits a word (a longer
 * word gets a line of its own).
 */
export function wrapWords(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let spaces = '';
  const flushWord = () => {
    current += spaces.length + word.length;
    out += spaces + word;
    spaces = '';
    word = '';
  };
  for (const char of text) {
    if (char === '\n') {
      if (word.length === 0) {
        if (current + spaces.length <= limit) out += spaces;
        spaces = '';
      } else {
        flushWord();
      }
      out += '\n';
      current = 0;
    } else if (/\s/.test(char) && char !== '\u00a0') {
      if (spaces.length === 0 || word.length > 0) flushWord();
      spaces += char;
    } else {
      word += char;
      if (current + spaces.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        spaces = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + spaces.length <= limit) out += spaces;
  } else {
    out += spaces + word;
  }
  return out;
}

/** sprig's indent: `spaces` before the text and after every line break. */
export function indentLines(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return pad + text.replaceAll('\n', `\n${pad}`);
}
