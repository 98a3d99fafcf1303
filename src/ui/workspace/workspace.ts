/**
 * The user's workspace in localStorage: editor text, the cluster (a state snapshot: plain data),
 * and the lesson position, versioned. A save is one setItem of a complete JSON text, so a failed
 * or interrupted write never replaces a good save; a quota error is reported, not thrown. What
 * cannot be read is set aside under another key, never trusted and never deleted silently.
 */
const KEY = 'kube-storage-visualized.workspace';
const SET_ASIDE_KEY = 'kube-storage-visualized.workspace.unreadable';
export const WORKSPACE_VERSION = 1;
/** Beyond this a save is refused (localStorage quotas are about 5 MB). */
const MAX_BYTES = 4 * 1024 * 1024;

export interface Workspace {
  readonly version: typeof WORKSPACE_VERSION;
  readonly savedAt: string;
  readonly editorText: string;
  readonly lesson: { readonly id: string; readonly stepIndex: number } | null;
  /** A ClusterState; checked by the engine before it is used. */
  readonly cluster: unknown;
}

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
  const problem = workspaceProblem(text);
  if (typeof problem === 'string') {
    setAside(store, text);
    return { kind: 'set-aside', reason: problem };
  }
  return { kind: 'loaded', workspace: problem };
}

/** The parsed workspace, or why the text is not one. */
export function workspaceProblem(text: string): Workspace | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'the saved workspace is not valid JSON';
  }
  if (typeof value !== 'object' || value === null) return 'the saved workspace is not an object';
  const record = value as Record<string, unknown>;
  if (record['version'] !== WORKSPACE_VERSION)
    return `the saved workspace has version ${String(record['version'])}, this app reads ${WORKSPACE_VERSION}`;
  if (typeof record['editorText'] !== 'string') return 'the saved workspace has no editor text';
  const lesson = record['lesson'];
  if (
    lesson !== null &&
    (typeof lesson !== 'object' ||
      typeof (lesson as Record<string, unknown>)['id'] !== 'string' ||
      !Number.isInteger((lesson as Record<string, unknown>)['stepIndex']))
  ) {
    return 'the saved lesson position is unreadable';
  }
  return value as Workspace;
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
  { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly reason: string };

export function saveWorkspace(workspace: Workspace): SaveResult {
  const store = storage();
  if (!store) return { ok: false, reason: 'this browser gives the page no local storage' };
  const text = JSON.stringify(workspace);
  if (text.length > MAX_BYTES)
    return {
      ok: false,
      reason: `the workspace is ${Math.round(text.length / 1024)} KB, more than the browser keeps`,
    };
  try {
    store.setItem(KEY, text);
    return { ok: true, bytes: text.length };
  } catch (error) {
    const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return { ok: false, reason: quota ? 'the browser storage is full' : 'the browser refused to save' };
  }
}
