/**
 * The workspace across reloads. Once the engine is up: open the share link in the address, if any
 * (setting the saved workspace aside), or else restore the saved workspace; then save as the user
 * works. Restoring comes first, so a fresh start never overwrites a good save. A link pasted into
 * the address bar later (only the fragment changes, so the page does not reload) opens too.
 */
import type { ReactNode } from 'react';
import { createElement, useEffect, useMemo } from 'react';
import { useAppStore } from '../store';
import { createAutosave } from './autosave';
import { NoticeMessage } from './NoticeMessage';
import { showNotice, useNoticeStore } from './notice';
import { isShareLink } from './share-link';
import { startingPrefs, workspaceAtLoad } from './prefs-at-load';
import { setAsideSaved } from './workspace';
import type { LoadResult } from './workspace';
import { applyWorkspace } from './workspace-actions';
import { openShareLink } from './workspace-flows';

export interface WorkspaceNotice {
  readonly kind: 'restored' | 'problem';
  readonly message: ReactNode;
}

/** Start-up runs once per page, even when React runs effects twice (StrictMode in development). */
let startedUp: Promise<void> | undefined;

async function restoreSaved(loaded: LoadResult, linkRefusal?: string): Promise<void> {
  const before = linkRefusal ? `This share link cannot be opened: ${linkRefusal}. ` : '';
  if (loaded.kind === 'set-aside') {
    showNotice({
      kind: 'problem',
      text: `${before}A saved workspace could not be read (${loaded.reason}); it was set aside and a fresh one started.`,
    });
    return;
  }
  if (loaded.kind === 'none') return;
  const { workspace } = loaded;
  // The address's preferences still win over the saved ones (both were set before the first paint).
  const applied = await applyWorkspace({ ...workspace, prefs: startingPrefs() });
  if (applied.ok) {
    const when = new Date(workspace.savedAt).toLocaleString();
    showNotice(
      linkRefusal
        ? { kind: 'problem', text: `${before}Your own work (saved ${when}) was restored instead.` }
        : { kind: 'restored', text: `Restored your work from ${when}.` },
    );
    return;
  }
  // The story did not replay: keep the editor text, keep the save out of the autosave's way.
  setAsideSaved();
  useAppStore.getState().setEditorText(workspace.editorText);
  showNotice({
    kind: 'problem',
    text: `${before}Your editor text was restored, but ${applied.reason}. The saved workspace was set aside.`,
  });
}

async function startUp(): Promise<void> {
  const loaded = workspaceAtLoad();
  const hash = window.location.hash;
  if (isShareLink(hash)) {
    const refusal = await openShareLink(hash, loaded.kind === 'loaded' ? loaded.workspace : null);
    if (refusal !== undefined) await restoreSaved(loaded, refusal);
    return;
  }
  await restoreSaved(loaded);
}

export function useWorkspace(): WorkspaceNotice | null {
  const notice = useNoticeStore((store) => store.notice);
  const engineReady = useAppStore((store) => store.engineStatus === 'ready');

  useEffect(() => {
    if (!engineReady) return;
    let cancelled = false;
    const autosave = createAutosave();
    startedUp ??= startUp();
    void startedUp.then(() => {
      if (!cancelled) autosave.start();
    });
    const onHashChange = () => {
      if (isShareLink(window.location.hash)) void openShareLink(window.location.hash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      cancelled = true;
      autosave.stop();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [engineReady]);

  return useMemo(
    () => (notice ? { kind: notice.kind, message: createElement(NoticeMessage, { notice }) } : null),
    [notice],
  );
}
