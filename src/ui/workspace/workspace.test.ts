import { afterEach, describe, expect, it } from 'vitest';
import { WORKSPACE_VERSION, loadWorkspace, saveWorkspace, workspaceProblem } from './workspace';

/** An in-memory Storage that can be told to be full. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
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

const workspace = {
  version: WORKSPACE_VERSION,
  savedAt: '2026-11-21T00:00:00Z',
  editorText: 'kind: Pod',
  lesson: { id: 'x', stepIndex: 1 },
  cluster: null,
} as const;

describe('workspace storage', () => {
  it('saves and loads a workspace', () => {
    install();
    expect(saveWorkspace(workspace).ok).toBe(true);
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

  it('sets an unreadable save aside and starts fresh', () => {
    const storage = install();
    storage.setItem('kube-storage-visualized.workspace', '{"version": 1, "editorText": 4');
    expect(loadWorkspace()).toEqual({ kind: 'set-aside', reason: 'the saved workspace is not valid JSON' });
    expect(storage.keys()).toEqual(['kube-storage-visualized.workspace.unreadable']);
    expect(loadWorkspace()).toEqual({ kind: 'none' });
  });

  it('names what is wrong with a save of another version or shape', () => {
    expect(workspaceProblem('{"version": 7}')).toBe('the saved workspace has version 7, this app reads 1');
    expect(workspaceProblem('{"version": 1, "editorText": "", "lesson": {"id": 3}}')).toBe(
      'the saved lesson position is unreadable',
    );
  });
});
