/**
 * Where a key press lands decides whether commands may take it: never while the user types (an
 * input, a textarea, a select, Monaco, anything editable), and never Space on a focused control.
 */

/** The parts of an Element these checks read (a real Element in the app, a stub in tests). */
export interface KeyTarget {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  closest(selector: string): unknown;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/**
 * Monaco types through an EditContext <div> inside `.monaco-editor`; `.nokey` is React Flow's
 * marker for "keys here are not yours" and wraps the editor too (see stack notes, section 6).
 */
const TYPING_AREAS =
  '.monaco-editor, .nokey, [contenteditable=""], [contenteditable="true"], [role="textbox"]';
const CONTROLS =
  'button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="option"]';

export function isTypingTarget(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (TYPING_TAGS.has(target.tagName.toUpperCase()) || target.isContentEditable) return true;
  return Boolean(target.closest(TYPING_AREAS));
}

/** A focused button, tab or graph card is activated by Space: the key is theirs. */
export function isSpaceControl(target: KeyTarget | null): boolean {
  return target !== null && Boolean(target.closest(CONTROLS));
}
