/**
 * Saves the workspace as the user works: shortly after the last change, and at least every few
 * seconds while changes keep coming (rounds play every 500 ms, so a pure debounce would never
 * fire). When the page is hidden or closed with a change not yet saved, the latest story is saved
 * at once, synchronously, with the current editor text.
 */
import { useAppStore } from '../store';
import type { AppState } from '../store';
import { showNotice } from './notice';
import { prefsChanged } from './saved-prefs';
import type { SaveResult } from './workspace';
import { saveWorkspace } from './workspace';
import { captureWorkspace, isBringingInWorkspace, workspaceWith } from './workspace-actions';
import type { SavedCluster } from './workspace-format';

const SAVE_DELAY_MS = 800;
const SAVE_AT_LEAST_EVERY_MS = 2000;

function changed(state: AppState, previous: AppState): boolean {
  return (
    state.frame !== previous.frame ||
    state.editorText !== previous.editorText ||
    state.lessonId !== previous.lessonId ||
    state.stepIndex !== previous.stepIndex ||
    state.completedSteps !== previous.completedSteps ||
    prefsChanged(state, previous)
  );
}

export interface Autosave {
  start(): void;
  stop(): void;
}

export function createAutosave(): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unsaved change happened; undefined when everything is saved. */
  let pendingSince: number | undefined;
  let saving = false;
  let saveAgain = false;
  let snapshotNoted = false;
  /** The story as last captured, for the synchronous save when the page goes away. */
  let lastCluster: SavedCluster | null = null;
  let unsubscribe: (() => void) | undefined;

  const report = (result: SaveResult) => {
    if (!result.ok) {
      showNotice({
        kind: 'problem',
        text: `Your work could not be saved: ${result.reason}. It is still here; export it to keep it.`,
      });
    } else if (result.snapshotOnly && !snapshotNoted) {
      snapshotNoted = true;
      showNotice({
        kind: 'problem',
        text: 'Your story is too long to keep in this browser, so only the cluster as it is now was saved: after a reload its history starts there. Export the workspace to keep the whole story.',
      });
    }
  };

  const save = async () => {
    if (isBringingInWorkspace()) {
      schedule();
      return;
    }
    if (saving) {
      saveAgain = true;
      return;
    }
    saving = true;
    try {
      const workspace = await captureWorkspace();
      lastCluster = workspace.cluster;
      report(saveWorkspace(workspace, useAppStore.getState().frame?.state));
    } finally {
      saving = false;
      if (saveAgain) {
        saveAgain = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    const now = Date.now();
    pendingSince ??= now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(SAVE_DELAY_MS, pendingSince + SAVE_AT_LEAST_EVERY_MS - now));
    timer = setTimeout(() => {
      timer = undefined;
      pendingSince = undefined;
      void save();
    }, wait);
  };

  const saveBeforeLeaving = () => {
    if (pendingSince === undefined || lastCluster === null || isBringingInWorkspace()) return;
    saveWorkspace(workspaceWith(lastCluster), useAppStore.getState().frame?.state);
    pendingSince = undefined;
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') saveBeforeLeaving();
  };

  return {
    start() {
      unsubscribe = useAppStore.subscribe((state, previous) => {
        if (changed(state, previous)) schedule();
      });
      window.addEventListener('pagehide', saveBeforeLeaving);
      document.addEventListener('visibilitychange', onVisibility);
      void captureWorkspace().then((workspace) => {
        lastCluster ??= workspace.cluster;
      });
    },
    stop() {
      if (timer) clearTimeout(timer);
      unsubscribe?.();
      window.removeEventListener('pagehide', saveBeforeLeaving);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
