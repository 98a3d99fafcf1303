/** What a printing command returns: the text kubectl would print, or the error it would report. */

export type PrintResult =
  /** `text` is kubectl's exact output, final newline included. */
  | { readonly ok: true; readonly text: string }
  /**
   * `error` is kubectl's error message (one line per error, no final newline). When some of the
   * named objects were found, `text` holds the table kubectl prints for them before the errors.
   */
  | { readonly ok: false; readonly error: string; readonly text?: string };

export function printed(text: string): PrintResult {
  return { ok: true, text };
}

export function printFailed(error: string, text?: string): PrintResult {
  return text ? { ok: false, error, text } : { ok: false, error };
}

/** The API server's NotFound, as kubectl shows it: `Error from server (NotFound): pods "x" not found`. */
export function notFoundMessage(resource: string, name: string): string {
  return `Error from server (NotFound): ${resource} "${name}" not found`;
}
