/**
 * What the user does with whole workspaces: open a share link, import a workspace file, bring back
 * the workspace one of those replaced, and save at once. Nothing replaces the user's work without
 * setting it aside first (recoverably, and saying so); a refusal says why and changes nothing.
 */
import { useAppStore } from '../store';
import { showNotice } from './notice';
import { pickPrefs } from './saved-prefs';
import { decodeShareLink } from './share-link';
import { captureWorkspace, applyWorkspace } from './workspace-actions';
import type { ApplyResult } from './workspace-actions';
import { dropPrevious, peekPrevious, pushPrevious, saveWorkspace } from './workspace';
import type { SaveResult } from './workspace';
import { fileTooLarge, readWorkspaceFile } from './workspace-file';
import type { Workspace } from './workspace-format';
import { WORKSPACE_VERSION, isEmptyWorkspace } from './workspace-format';

/** Captures and saves the workspace now (after it was replaced, so a reload keeps the new one). */
export async function saveCurrentWorkspace(): Promise<SaveResult> {
  return saveWorkspace(await captureWorkspace(), useAppStore.getState().frame?.state);
}

type Replaced =
  { readonly ok: true; readonly setAside: boolean } | { readonly ok: false; readonly reason: string };

/**
 * Sets `current` aside (the live workspace when not given; nothing when null or empty), then
 * brings `next` in. If `next` is refused, the set-aside is undone.
 */
async function replaceWorkspace(next: Workspace, current?: Workspace | null): Promise<Replaced> {
  const outgoing = current === undefined ? await captureWorkspace() : current;
  const keep = outgoing !== null && !isEmptyWorkspace(outgoing);
  if (keep) {
    const problem = pushPrevious(outgoing);
    if (problem) return { ok: false, reason: `${problem}; export your workspace to a file first` };
  }
  const applied: ApplyResult = await applyWorkspace(next);
  if (!applied.ok) {
    if (keep) dropPrevious();
    return applied;
  }
  await saveCurrentWorkspace();
  return { ok: true, setAside: keep };
}

function shownRound(): number {
  return useAppStore.getState().frame?.state.round ?? 0;
}

/**
 * Opens the story in a share link. At start-up `saved` is the workspace this browser had saved
 * (it is what gets set aside); later the live workspace is. Returns the refusal, if any, after
 * saying it.
 */
export async function openShareLink(hash: string, saved?: Workspace | null): Promise<string | undefined> {
  const decoded = await decodeShareLink(hash);
  const refuse = (reason: string) => {
    showNotice({
      kind: 'problem',
      text: `This share link cannot be opened: ${reason}. Nothing was changed.`,
    });
    return reason;
  };
  if (!decoded.ok) return refuse(decoded.reason);
  const store = useAppStore.getState();
  const next: Workspace = {
    version: WORKSPACE_VERSION,
    savedAt: new Date().toISOString(),
    editorText: decoded.value.editorText,
    lesson: null,
    prefs: pickPrefs(store),
    progress: {},
    cluster: { kind: 'timeline', log: decoded.value.log, seq: decoded.value.seq },
  };
  const replaced = await replaceWorkspace(next, saved);
  if (!replaced.ok) return refuse(replaced.reason);
  // The story is in the workspace now; a reload must not open the link (and set aside) again.
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  showNotice({
    kind: 'restored',
    text: `Opened a shared story at round ${shownRound()}.${replaced.setAside ? ' Your own workspace was set aside.' : ''}`,
    offerUndo: replaced.setAside,
  });
  return undefined;
}

export async function importWorkspaceFile(file: File): Promise<void> {
  const refuse = (reason: string) => showNotice({ kind: 'problem', text: `${reason}. Nothing was changed.` });
  // Checked before reading: a huge file is never loaded into memory.
  const tooLarge = fileTooLarge(file.name, file.size);
  if (tooLarge) {
    refuse(tooLarge);
    return;
  }
  const workspace = readWorkspaceFile(file.name, file.size, await file.text());
  if (typeof workspace === 'string') {
    refuse(workspace);
    return;
  }
  const replaced = await replaceWorkspace(workspace);
  if (!replaced.ok) {
    refuse(`${file.name} cannot be imported: ${replaced.reason}`);
    return;
  }
  showNotice({
    kind: 'restored',
    text: `Imported ${file.name}.${replaced.setAside ? ' Your previous workspace was set aside.' : ''}`,
    offerUndo: replaced.setAside,
  });
}

/** Brings back the workspace the last import or link set aside (the one shown now is let go). */
export async function bringBackPrevious(): Promise<void> {
  const previous = peekPrevious();
  if (!previous) {
    showNotice({ kind: 'problem', text: 'There is no workspace set aside to bring back.' });
    return;
  }
  const applied = await applyWorkspace(previous);
  if (!applied.ok) {
    showNotice({
      kind: 'problem',
      text: `Your previous workspace could not be brought back: ${applied.reason}. It is still kept.`,
    });
    return;
  }
  dropPrevious();
  await saveCurrentWorkspace();
  const when = previous.savedAt ? ` from ${new Date(previous.savedAt).toLocaleString()}` : '';
  showNotice({
    kind: 'restored',
    text: `Brought back your workspace${when}.`,
    offerUndo: peekPrevious() !== undefined,
  });
}
