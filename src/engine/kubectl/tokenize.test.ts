import { describe, expect, it } from 'vitest';
import { SHELL_OPERATOR, UNTERMINATED_QUOTE, tokenize } from './tokenize';

function words(line: string): readonly string[] {
  const result = tokenize(line);
  if (!result.ok) throw new Error(result.error);
  return result.words;
}

describe('tokenize', () => {
  it('splits on runs of blanks and ignores leading and trailing ones', () => {
    expect(words('  kubectl   get\tpvc \n')).toEqual(['kubectl', 'get', 'pvc']);
    expect(words('')).toEqual([]);
    expect(words('   ')).toEqual([]);
  });

  it('keeps single-quoted text literally, backslashes and double quotes included', () => {
    expect(words(`patch pv a -p '{"spec": {"claimRef": null}}'`)).toEqual([
      'patch',
      'pv',
      'a',
      '-p',
      '{"spec": {"claimRef": null}}',
    ]);
    expect(words(`'a\\b "c"'`)).toEqual(['a\\b "c"']);
  });

  it('lets a backslash escape only " \\ $ and ` inside double quotes', () => {
    expect(words(`"say \\"hi\\" \\\\ \\$HOME \\n"`)).toEqual(['say "hi" \\ $HOME \\n']);
  });

  it('joins quoted and unquoted parts of one word', () => {
    expect(words(`-p='{"a":1}'`)).toEqual(['-p={"a":1}']);
    expect(words(`a"b c"'d e'f`)).toEqual(['ab cd ef']);
  });

  it('makes an empty word of empty quotes', () => {
    expect(words(`get pv '' ""`)).toEqual(['get', 'pv', '', '']);
  });

  it('escapes any character with a backslash outside quotes, and keeps a trailing one', () => {
    expect(words("a\\ b c\\'d")).toEqual(['a b', "c'd"]);
    expect(words('end\\')).toEqual(['end\\']);
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(words('get pv # all volumes')).toEqual(['get', 'pv']);
    expect(words('get pv#1')).toEqual(['get', 'pv#1']);
  });

  it('refuses an unterminated quote', () => {
    expect(tokenize(`get pv 'oops`)).toEqual({ ok: false, error: UNTERMINATED_QUOTE });
    expect(tokenize('get pv "oops')).toEqual({ ok: false, error: 'error: unterminated quote' });
    expect(tokenize('get pv "a\\"')).toEqual({ ok: false, error: UNTERMINATED_QUOTE });
  });

  it('refuses unquoted shell operators, but not quoted ones', () => {
    expect(tokenize('get pv | grep data')).toEqual({ ok: false, error: SHELL_OPERATOR });
    expect(tokenize('get pv > out.txt')).toEqual({ ok: false, error: SHELL_OPERATOR });
    expect(tokenize('get pv; get pvc')).toEqual({ ok: false, error: SHELL_OPERATOR });
    expect(words(`-p '{"a":"x|y>z"}'`)).toEqual(['-p', '{"a":"x|y>z"}']);
  });
});
