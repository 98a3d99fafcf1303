/** Writing shell text that says exactly what it holds: quoted words and quoted here-documents. */

/** A word the shell reads back unchanged: bare when plainly safe, else in single quotes. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function shellLine(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}

/**
 * A command fed `text` on its standard input. The delimiter is quoted, so the shell expands
 * nothing inside, and chosen so that no line of the text can end the document early.
 */
export function withHereDocument(command: string, text: string): string {
  const lines = text.split('\n');
  let delimiter = 'MANIFESTS';
  for (let suffix = 2; lines.includes(delimiter); suffix += 1) delimiter = `MANIFESTS_${suffix}`;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${command} <<'${delimiter}'\n${body}${delimiter}`;
}

/** Text as shell comment lines. */
export function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n');
}
