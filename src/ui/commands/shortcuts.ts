/** Matching key presses against shortcuts, and naming shortcuts for people and for ARIA. */
import type { Command, Shortcut } from './types';

/** The parts of a KeyboardEvent a shortcut looks at. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

const LETTER = /^[a-z]$/i;

export function matchesShortcut(shortcut: Shortcut, press: KeyPress): boolean {
  // Ctrl, Alt and Meta stay the browser's and the system's (Ctrl+R still reloads).
  if (press.ctrlKey || press.altKey || press.metaKey) return false;
  const pressed = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const wanted = shortcut.key.length === 1 ? shortcut.key.toLowerCase() : shortcut.key;
  if (pressed !== wanted) return false;
  // '?' or '+' already include Shift on most layouts; for letters and named keys Shift is part of the key.
  const shiftMatters = LETTER.test(wanted) || wanted.length > 1;
  return !shiftMatters || Boolean(shortcut.shift) === press.shiftKey;
}

const SPOKEN: Readonly<Record<string, string>> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  Escape: 'Esc',
};

/** For people: "Space", "→", "Shift+R", "?". */
export function shortcutLabel(shortcut: Shortcut): string {
  const key = SPOKEN[shortcut.key] ?? (LETTER.test(shortcut.key) ? shortcut.key.toUpperCase() : shortcut.key);
  return shortcut.shift ? `Shift+${key}` : key;
}

/**
 * For aria-keyshortcuts: space-separated, modifiers joined with "+". A '+' key cannot be written in
 * that syntax, so it is left out (its twin '=' is listed).
 */
export function ariaKeyShortcuts(shortcuts: readonly Shortcut[]): string | undefined {
  const names = shortcuts
    .filter((shortcut) => shortcut.key !== '+')
    .map((shortcut) => {
      const key =
        shortcut.key === ' '
          ? 'Space'
          : LETTER.test(shortcut.key)
            ? shortcut.key.toUpperCase()
            : shortcut.key;
      return shortcut.shift ? `Shift+${key}` : key;
    });
  return names.length > 0 ? names.join(' ') : undefined;
}

/** A button's title: "Play / pause (Space or K)". */
export function commandTitle(command: Command): string {
  const keys = command.shortcuts.map(shortcutLabel);
  return keys.length > 0 ? `${command.label} (${keys.join(' or ')})` : command.label;
}
