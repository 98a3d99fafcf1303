import { describe, expect, it } from 'vitest';
import type { AppState } from '../store';
import { createAppStore } from '../store';
import type { KeyTarget } from './key-targets';
import { isTypingTarget } from './key-targets';
import { fasterSpeed, slowerSpeed } from './playback-commands';
import type { KeyEventLike } from './registry';
import { COMMANDS, commandById, commandForKey, shouldRun } from './registry';
import { ariaKeyShortcuts, matchesShortcut, shortcutLabel } from './shortcuts';
import { largerScale, smallerScale } from './view-commands';

const press = (key: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  ...extra,
});

/** An element stub: its tag, and the selectors an ancestor of it would match. */
const element = (tagName: string, ancestors: readonly string[] = []): KeyTarget => ({
  tagName,
  closest: (selector: string) =>
    selector
      .split(',')
      .map((part) => part.trim())
      .some((part) => ancestors.includes(part))
      ? {}
      : null,
});

function readyState(patch: (state: AppState) => void = () => undefined): AppState {
  const store = createAppStore();
  store.getState().setEngineStatus('ready');
  patch(store.getState());
  return store.getState();
}

const demoSession = {
  demoId: 'static-binding',
  position: 0,
  stepStarts: [],
  busy: false,
  queued: null,
  problem: null,
  resumeLive: false,
};

describe('shortcuts', () => {
  it('match letters with their Shift, symbols whatever Shift made them, and never with Ctrl, Alt or Meta', () => {
    expect(matchesShortcut({ key: 'r', shift: true }, press('R', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut({ key: 'r', shift: true }, press('r'))).toBe(false);
    expect(matchesShortcut({ key: 'f' }, press('F', { shiftKey: true }))).toBe(false);
    expect(matchesShortcut({ key: '?' }, press('?', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut({ key: 'ArrowRight' }, press('ArrowRight', { shiftKey: true }))).toBe(false);
    expect(matchesShortcut({ key: 'r', shift: true }, press('R', { shiftKey: true, ctrlKey: true }))).toBe(
      false,
    );
    expect(matchesShortcut({ key: 'f' }, press('f', { metaKey: true }))).toBe(false);
  });

  it('are named for people and for aria-keyshortcuts', () => {
    expect(
      [{ key: ' ' }, { key: 'ArrowRight' }, { key: 'PageDown' }, { key: 'r', shift: true }].map(
        shortcutLabel,
      ),
    ).toEqual(['Space', '→', 'Page Down', 'Shift+R']);
    expect(ariaKeyShortcuts([{ key: ' ' }, { key: 'k' }])).toBe('Space K');
    expect(ariaKeyShortcuts([{ key: '+' }, { key: '=' }])).toBe('=');
  });
});

describe('the registry', () => {
  it('has unique ids, and every command has a key and a label', () => {
    const ids = COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const command of COMMANDS) {
      expect(command.label.trim(), command.id).not.toBe('');
      expect(command.shortcuts.length, command.id).toBeGreaterThan(0);
    }
  });

  it('lets a key belong to two commands only when the first one is for a context (a demo)', () => {
    const claimed = new Map<string, string>();
    for (const command of COMMANDS)
      for (const shortcut of command.shortcuts) {
        const key = `${shortcut.shift ? 'Shift+' : ''}${shortcut.key}`;
        const earlier = claimed.get(key);
        if (earlier)
          expect(
            COMMANDS.find((other) => other.id === earlier)?.when,
            `${key}: ${earlier} and ${command.id}`,
          ).toBeDefined();
        else claimed.set(key, command.id);
      }
  });

  it('gives the arrows to the demo while one runs, and to stepping otherwise', () => {
    expect(commandForKey(press('ArrowRight'), readyState(), null)?.id).toBe('step');
    expect(commandForKey(press('ArrowLeft'), readyState(), null)?.id).toBe('stepBack');
    expect(commandForKey(press('PageDown'), readyState(), null)).toBeUndefined();
    const inDemo = readyState((state) => state.setDemo(demoSession));
    expect(commandForKey(press('ArrowRight'), inDemo, null)?.id).toBe('demoNext');
    expect(commandForKey(press('PageDown'), inDemo, null)?.id).toBe('demoNext');
    expect(commandForKey(press('PageUp'), inDemo, null)?.id).toBe('demoPrevious');
    expect(commandForKey(press('Escape'), inDemo, null)?.id).toBe('leaveDemo');
    expect(commandForKey(press('.'), inDemo, null)?.id).toBe('step');
  });

  it('keeps a busy demo’s arrow from falling through to stepping the cluster: the press waits its turn', async () => {
    const { useAppStore } = await import('../store');
    useAppStore.getState().setDemo({ ...demoSession, busy: true });
    const busy = useAppStore.getState();
    const owner = commandForKey(press('ArrowRight'), busy, null);
    expect(owner?.id).toBe('demoNext');
    expect(owner && shouldRun(owner, press('ArrowRight'), busy)).toBe(true);
    await owner?.run(busy);
    expect(useAppStore.getState().demo).toMatchObject({ position: 0, busy: true, queued: 'next' });
    // At the last pause point there is nothing to queue.
    const atEnd = readyState((state) => state.setDemo({ ...demoSession, position: 5 }));
    expect(shouldRun(commandById('demoNext'), press('ArrowRight'), atEnd)).toBe(false);
    useAppStore.getState().setDemo(null);
  });

  it('never takes keys typed in Monaco, an input, a textarea, a select or an editable element', () => {
    const state = readyState();
    for (const target of [
      element('INPUT'),
      element('TEXTAREA'),
      element('SELECT'),
      element('DIV', ['.monaco-editor']),
      element('DIV', ['.nokey']),
      { ...element('DIV'), isContentEditable: true },
    ]) {
      expect(isTypingTarget(target)).toBe(true);
      for (const key of ['h', '?', ' ', 'ArrowRight', 'Escape'])
        expect(commandForKey(press(key), state, target)).toBeUndefined();
    }
    expect(isTypingTarget(element('BUTTON', ['button']))).toBe(false);
  });

  it('leaves Space to a focused button or graph card, but takes its letter keys', () => {
    const state = readyState();
    const card = element('DIV', ['[role="button"]']);
    expect(commandForKey(press(' '), state, card)).toBeUndefined();
    expect(commandForKey(press(' '), state, element('BODY'))?.id).toBe('playPause');
    expect(commandForKey(press('h'), state, card)?.id).toBe('presenterView');
  });

  it('while a dialog is open, only the help key works (Escape is the dialog’s own)', () => {
    const state = readyState((store) => {
      store.setDemo(demoSession);
      store.openOverlay('help');
    });
    expect(commandForKey(press('h'), state, null)).toBeUndefined();
    expect(commandForKey(press('Escape'), state, null)).toBeUndefined();
    expect(commandForKey(press('?', { shiftKey: true }), state, null)?.id).toBe('help');
  });

  it('repeats stepping while a key is held, but not toggles', () => {
    const state = readyState((store) => store.setPlayback({ playing: false, speed: 2, settled: true }));
    const step = commandForKey(press('.', { repeat: true }), state, null);
    expect(step && shouldRun(step, press('.', { repeat: true }), state)).toBe(true);
    const toggle = commandForKey(press('h', { repeat: true }), state, null);
    expect(toggle?.id).toBe('presenterView');
    expect(toggle && shouldRun(toggle, press('h', { repeat: true }), state)).toBe(false);
  });

  it('runs view commands on the store: presenter view, contrast, type size, help', () => {
    const store = createAppStore();
    const run = (key: string, extra: Partial<KeyEventLike> = {}) => {
      const command = commandForKey(press(key, extra), store.getState(), null);
      if (command && shouldRun(command, press(key, extra), store.getState()))
        void command.run(store.getState());
    };
    run('h');
    run('c');
    run('+');
    run('?', { shiftKey: true });
    expect(store.getState()).toMatchObject({
      chromeHidden: true,
      theme: 'high-contrast',
      uiScale: 1.25,
      overlay: 'help',
    });
    run('?', { shiftKey: true });
    run('-');
    run('-');
    expect(store.getState()).toMatchObject({ overlay: null, uiScale: 1 });
  });
});

describe('steps of speed and type size', () => {
  it('moves speed through the offered values and stops at the ends', () => {
    expect([fasterSpeed(2), slowerSpeed(2), fasterSpeed(8), slowerSpeed(0.5)]).toEqual([
      4,
      1,
      undefined,
      undefined,
    ]);
  });

  it('moves type size in quarters from any scale, within 1 to 2.5', () => {
    expect([largerScale(1), largerScale(1.6), smallerScale(1.6), smallerScale(1.75)]).toEqual([
      1.25, 1.75, 1.5, 1.5,
    ]);
    expect([largerScale(2.5), smallerScale(1), largerScale(2.4)]).toEqual([2.5, 1, 2.5]);
  });
});
