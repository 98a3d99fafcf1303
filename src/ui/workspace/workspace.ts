/**
 * The user's workspace in localStorage. A save is one setItem of a complete JSON text, so a failed
 * or interrupted write never replaces a good save; a quota error is reported, not thrown. What
 * cannot be read is set aside under another key, never trusted and never deleted silently. A
 * workspace replaced by an import or a link is kept on a small stack of previous ones, so it can
 * be brought back.
 */
import type { Workspace } from './workspace-format';
import { parseWorkspaceText } from './workspace-format';

const KEY = 'kube-storage-visualized.workspace';
const SET_ASIDE_KEY = 'kube-storage-visualized.workspace.unreadable';
/** previous.1 is the latest workspace set aside; deeper ones are older. */
const PREVIOUS_KEY = 'kube-storage-visualized.workspace.previous';
const PREVIOUS_DEPTH = 3;
/** Beyond this a save is refused (localStorage quotas are about 5 MB). */
export const MAX_SAVE_BYTES = 4 * 1024 * 1024;

export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly workspace: Workspace }
  | { readonly kind: 'set-aside'; readonly reason: string };

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadWorkspace(): LoadResult {
  const store = storage();
  const text = store?.getItem(KEY);
  if (!store || !text) return { kind: 'none' };
  const workspace = parseWorkspaceText(text);
  if (typeof workspace === 'string') {
    setAside(store, text);
    return { kind: 'set-aside', reason: `the saved workspace: ${workspace}` };
  }
  return { kind: 'loaded', workspace };
}

/** Moves the saved workspace aside (its story would not replay), so the next save cannot replace it. */
export function setAsideSaved(): void {
  const store = storage();
  const text = store?.getItem(KEY);
  if (store && text) setAside(store, text);
}

function setAside(store: Storage, text: string): void {
  try {
    store.setItem(SET_ASIDE_KEY, text);
    store.removeItem(KEY);
  } catch {
    // Leave it where it is; it will be set aside again next time.
  }
}

export type SaveResult =
  | {
      readonly ok: true;
      readonly bytes: number;
      /** The story was too long to keep, so only the shown frame was saved. */
      readonly snapshotOnly: boolean;
    }
  | { readonly ok: false; readonly reason: string };

function write(store: Storage, key: string, text: string): string | undefined {
  if (text.length > MAX_SAVE_BYTES)
    return `the workspace is ${Math.round(text.length / 1024)} KB, more than the browser keeps`;
  try {
    store.setItem(key, text);
    return undefined;
  } catch (error) {
    const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return quota ? 'the browser storage is full' : 'the browser refused to save';
  }
}

/**
 * Saves the workspace. When its story does not fit, the shown frame's state (`snapshot`) is saved
 * in its place, and the result says so.
 */
export function saveWorkspace(workspace: Workspace, snapshot?: unknown): SaveResult {
  const store = storage();
  if (!store) return { ok: false, reason: 'this browser gives the page no local storage' };
  const text = JSON.stringify(workspace);
  const problem = write(store, KEY, text);
  if (problem === undefined) return { ok: true, bytes: text.length, snapshotOnly: false };
  if (workspace.cluster?.kind !== 'timeline' || snapshot === undefined) return { ok: false, reason: problem };
  const smaller = JSON.stringify({ ...workspace, cluster: { kind: 'state', state: snapshot } });
  const again = write(store, KEY, smaller);
  return again === undefined
    ? { ok: true, bytes: smaller.length, snapshotOnly: true }
    : { ok: false, reason: again };
}

// ---- workspaces set aside by an import or a link ------------------------------------------------

const previousKey = (depth: number) => `${PREVIOUS_KEY}.${depth}`;

/**
 * Sets a workspace aside on top of the stack. The oldest one falls off when the stack is full,
 * or when the browser has no room for the new one otherwise; if there is still no room, nothing
 * changes and the reason is returned.
 */
export function pushPrevious(workspace: Workspace): string | undefined {
  const store = storage();
  if (!store) return 'this browser gives the page no local storage';
  const text = JSON.stringify(workspace);
  const texts = [...Array(PREVIOUS_DEPTH).keys()].map((index) => store.getItem(previousKey(index + 1)));
  // Newest first; keep as many of the older ones as fit.
  for (let kept = PREVIOUS_DEPTH - 1; kept >= 0; kept -= 1) {
    const stack = [text, ...texts.slice(0, kept)];
    if (writeStack(store, stack)) return undefined;
  }
  writeStack(store, texts);
  return 'there is no room in this browser to keep your current workspace';
}

/** Writes the stack from the deepest entry up; false (with what was there restored) on failure. */
function writeStack(store: Storage, stack: readonly (string | null)[]): boolean {
  try {
    for (let depth = PREVIOUS_DEPTH; depth >= 1; depth -= 1) {
      const text = stack[depth - 1];
      if (text === null || text === undefined) store.removeItem(previousKey(depth));
      else store.setItem(previousKey(depth), text);
    }
    return true;
  } catch {
    return false;
  }
}

/** The latest workspace set aside, without taking it off the stack. */
export function peekPrevious(): Workspace | undefined {
  const text = storage()?.getItem(previousKey(1));
  if (!text) return undefined;
  const workspace = parseWorkspaceText(text);
  return typeof workspace === 'string' ? undefined : workspace;
}

/** Takes the latest workspace off the stack (once it has been brought back). */
export function dropPrevious(): void {
  const store = storage();
  if (!store) return;
  const texts = [...Array(PREVIOUS_DEPTH).keys()].map((index) => store.getItem(previousKey(index + 1)));
  writeStack(store, [...texts.slice(1), null]);
}
