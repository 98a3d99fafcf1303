import { afterEach, describe, expect, it } from 'vitest';
import { createClusterState } from '../../engine';
import { REPLAY_LOG_VERSION } from '../../worker/replay-log';
import { prefsFromSearch } from '../presenter/url-prefs';
import { SAVED_PREF_KEYS, pickPrefs, prefsAtLoad, readPrefs } from './saved-prefs';
import {
  MAX_SAVE_BYTES,
  dropPrevious,
  loadWorkspace,
  peekPrevious,
  pushPrevious,
  saveWorkspace,
  setAsideSaved,
} from './workspace';
import type { Workspace } from './workspace-format';
import { WORKSPACE_VERSION, isEmptyWorkspace, parseWorkspace, parseWorkspaceText } from './workspace-format';

const KEY = 'kube-storage-visualized.workspace';

/** An in-memory Storage that can be told to be full (or to hold at most some characters). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  full = false;
  capacity = Infinity;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : v.length), 0);
    if (this.full || used + value.length > this.capacity)
      throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

function install(): MemoryStorage {
  const storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return storage;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

const story = {
  version: REPLAY_LOG_VERSION,
  options: {},
  moves: [
    { kind: 'intent', intent: { type: 'apply', text: 'kind: ConfigMap' } },
    { kind: 'rounds', count: 3 },
  ],
} as const;

const workspace: Workspace = {
  version: WORKSPACE_VERSION,
  savedAt: '2026-11-21T00:00:00Z',
  editorText: 'kind: Pod',
  lesson: { id: 'x', stepIndex: 1 },
  prefs: { reducedMotion: true, sidePanel: 'terminal' },
  progress: { 'why-pods-lose-data': ['see-it'] },
  cluster: { kind: 'timeline', log: story, seq: 2 },
};

describe('workspace storage (version 2)', () => {
  it('saves and loads the story, the frame shown, the editor, the lesson and the preferences', () => {
    install();
    expect(saveWorkspace(workspace)).toMatchObject({ ok: true, snapshotOnly: false });
    expect(loadWorkspace()).toEqual({ kind: 'loaded', workspace });
  });

  it('reports a full storage instead of throwing, and keeps the previous save', () => {
    const storage = install();
    saveWorkspace(workspace);
    storage.full = true;
    expect(saveWorkspace({ ...workspace, editorText: 'newer' })).toEqual({
      ok: false,
      reason: 'the browser storage is full',
    });
    expect(loadWorkspace()).toEqual({ kind: 'loaded', workspace });
  });

  it('keeps a snapshot of the shown frame when the story is too long, and says so', () => {
    const storage = install();
    const longStory = {
      ...story,
      moves: [{ kind: 'intent', intent: { type: 'apply', text: 'x'.repeat(MAX_SAVE_BYTES) } }],
    } as const;
    const state = createClusterState();
    expect(
      saveWorkspace({ ...workspace, cluster: { kind: 'timeline', log: longStory, seq: 1 } }, state),
    ).toMatchObject({
      ok: true,
      snapshotOnly: true,
    });
    const loaded = loadWorkspace();
    expect(loaded.kind === 'loaded' && loaded.workspace.cluster).toEqual({ kind: 'state', state });
    // A quota error (not only the size limit) falls back the same way.
    storage.capacity = JSON.stringify(workspace).length - 1;
    expect(saveWorkspace(workspace, { tiny: true })).toMatchObject({ ok: true, snapshotOnly: true });
    storage.capacity = 10;
    expect(saveWorkspace(workspace, { tiny: true })).toEqual({
      ok: false,
      reason: 'the browser storage is full',
    });
  });

  it('sets a save aside on request (its story did not replay), so autosave cannot replace it', () => {
    const storage = install();
    saveWorkspace(workspace);
    setAsideSaved();
    expect(storage.keys()).toEqual(['kube-storage-visualized.workspace.unreadable']);
    expect(parseWorkspaceText(storage.getItem('kube-storage-visualized.workspace.unreadable') ?? '')).toEqual(
      workspace,
    );
  });

  it('sets an unreadable save aside and starts fresh', () => {
    const storage = install();
    storage.setItem(KEY, '{"version": 2, "editorText": 4');
    expect(loadWorkspace()).toEqual({
      kind: 'set-aside',
      reason: 'the saved workspace: it is not valid JSON',
    });
    expect(storage.keys()).toEqual(['kube-storage-visualized.workspace.unreadable']);
    expect(loadWorkspace()).toEqual({ kind: 'none' });
  });
});

describe('reading workspaces', () => {
  it('migrates a version 1 save: its state snapshot is restored as before', () => {
    const state = createClusterState();
    const version1 = {
      version: 1,
      savedAt: '2026-11-01T10:00:00Z',
      editorText: 'kind: PersistentVolumeClaim',
      lesson: null,
      cluster: state,
    };
    expect(parseWorkspaceText(JSON.stringify(version1))).toEqual({
      version: 2,
      savedAt: '2026-11-01T10:00:00Z',
      editorText: 'kind: PersistentVolumeClaim',
      lesson: null,
      prefs: {},
      progress: {},
      cluster: { kind: 'state', state },
    });
    expect(parseWorkspace({ ...version1, cluster: null })).toMatchObject({ version: 2, cluster: null });
  });

  it('names what is wrong with a save of another version or shape', () => {
    expect(parseWorkspaceText('{"version": 7}')).toBe('it has version 7; this app reads versions 1 and 2');
    expect(parseWorkspace({ ...workspace, lesson: { id: 3 } })).toBe('the lesson position is unreadable');
    expect(
      parseWorkspace({
        ...workspace,
        cluster: { kind: 'timeline', log: { ...story, moves: 'all' }, seq: 0 },
      }),
    ).toBe('cluster.log: moves is not a list');
    expect(parseWorkspace({ ...workspace, cluster: { kind: 'timeline', log: story, seq: -1 } })).toBe(
      'cluster.seq is not a frame number',
    );
    expect(parseWorkspace({ ...workspace, progress: { lesson: [1] } })).toBe(
      'the lesson progress is unreadable',
    );
  });

  it('keeps only preferences it knows, with values that pass their check', () => {
    expect(readPrefs({ reducedMotion: 'yes', sidePanel: 'terminal', futurePref: 1 })).toEqual({
      sidePanel: 'terminal',
    });
    expect(readPrefs({ sidePanel: '<img src=x onerror=alert(1)>' })).toEqual({});
    expect(readPrefs('nonsense')).toEqual({});
    expect(
      Object.keys(
        pickPrefs({
          reducedMotion: null,
          sidePanel: 'events',
          chromeHidden: false,
          uiScale: 1,
          theme: 'default',
          paneLayout: null,
        }),
      ),
    ).toEqual([...SAVED_PREF_KEYS]);
  });

  it('keeps how the panes share the window, and drops layouts that do not add up', () => {
    const paneLayout = { editor: 20, graph: 55, side: 25 };
    expect(readPrefs({ paneLayout })).toEqual({ paneLayout });
    expect(readPrefs({ paneLayout: { editor: 20, graph: 90, side: 25 } })).toEqual({});
    expect(readPrefs({ paneLayout: { editor: -5, graph: 80, side: 25 } })).toEqual({});
    expect(readPrefs({ paneLayout: { editor: '20', graph: 55, side: 25 } })).toEqual({});
  });

  it('keeps presenter view, type scale and theme, and ignores bad values for them', () => {
    const presenter = { chromeHidden: true, uiScale: 1.6, theme: 'high-contrast' };
    expect(readPrefs(presenter)).toEqual(presenter);
    expect(readPrefs({ chromeHidden: false, uiScale: 1, theme: 'default' })).toEqual({
      chromeHidden: false,
      uiScale: 1,
      theme: 'default',
    });
    for (const chromeHidden of ['true', 1, null]) expect(readPrefs({ chromeHidden })).toEqual({});
    for (const uiScale of [0.5, 2.6, Number.NaN, Infinity, '1.6', null])
      expect(readPrefs({ uiScale }), String(uiScale)).toEqual({});
    for (const theme of ['neon', 'HIGH-CONTRAST', '', 2, null]) expect(readPrefs({ theme })).toEqual({});
    // A bad value drops only itself.
    expect(readPrefs({ chromeHidden: 'yes', uiScale: 99, theme: 'high-contrast' })).toEqual({
      theme: 'high-contrast',
    });
  });

  it('a saved workspace brings its presenter preferences back, checked again on the way in', () => {
    install();
    const presenter: Workspace = {
      ...workspace,
      prefs: { chromeHidden: true, uiScale: 1.4, theme: 'high-contrast' },
    };
    saveWorkspace(presenter);
    expect(loadWorkspace()).toMatchObject({ kind: 'loaded', workspace: { prefs: presenter.prefs } });
    const tampered = JSON.stringify({
      ...workspace,
      prefs: { uiScale: 40, theme: 'neon', chromeHidden: 'no' },
    });
    expect(parseWorkspaceText(tampered)).toMatchObject({ prefs: {} });
  });

  it('at load, the address wins over what was saved, and what it does not say stays as saved', () => {
    const saved = readPrefs({ sidePanel: 'events', chromeHidden: true, uiScale: 2, theme: 'high-contrast' });
    expect(prefsAtLoad(saved, prefsFromSearch('?scale=1.4&presenter=0'))).toEqual({
      sidePanel: 'events',
      chromeHidden: false,
      uiScale: 1.4,
      theme: 'high-contrast',
    });
    expect(prefsAtLoad(saved, prefsFromSearch('?theme=default'))).toMatchObject({ theme: 'default' });
    // A bad address value is no value: the saved one stays.
    expect(prefsAtLoad(saved, prefsFromSearch('?scale=9&theme=neon'))).toEqual(saved);
    expect(prefsAtLoad({}, prefsFromSearch('?presenter=1'))).toEqual({ chromeHidden: true });
  });

  it('knows a workspace with nothing in it', () => {
    expect(isEmptyWorkspace(workspace)).toBe(false);
    expect(
      isEmptyWorkspace({
        ...workspace,
        editorText: ' ',
        lesson: null,
        cluster: { kind: 'timeline', log: { ...story, moves: [] }, seq: 0 },
      }),
    ).toBe(true);
  });
});

describe('workspaces set aside', () => {
  it('stacks them newest first and brings them back in turn', () => {
    install();
    for (const editorText of ['first', 'second'])
      expect(pushPrevious({ ...workspace, editorText })).toBeUndefined();
    expect(peekPrevious()?.editorText).toBe('second');
    dropPrevious();
    expect(peekPrevious()?.editorText).toBe('first');
    dropPrevious();
    expect(peekPrevious()).toBeUndefined();
  });

  it('lets the oldest go to make room, and refuses (changing nothing) when even that is not enough', () => {
    const storage = install();
    const size = JSON.stringify(workspace).length;
    storage.capacity = size * 2 + 10;
    pushPrevious({ ...workspace, editorText: 'kind: Pod' });
    pushPrevious(workspace);
    expect(pushPrevious({ ...workspace, editorText: 'kind: Pod' })).toBeUndefined();
    expect(storage.keys().length).toBeLessThanOrEqual(2);
    expect(pushPrevious({ ...workspace, editorText: 'x'.repeat(size * 3) })).toBe(
      'there is no room in this browser to keep your current workspace',
    );
    expect(peekPrevious()?.editorText).toBe('kind: Pod');
  });
});
