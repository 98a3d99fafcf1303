/**
 * Restores the saved workspace once the engine is up, then saves the workspace as the user works
 * (debounced). Restoring comes first, so a fresh start never overwrites a good save.
 */
import { useEffect, useState } from 'react';
import { engineClient } from '../engine/connection';
import { lessonById } from '../lesson/lesson-actions';
import { useAppStore } from '../store';
import { WORKSPACE_VERSION, loadWorkspace, saveWorkspace } from './workspace';

const SAVE_DELAY_MS = 800;
/** While changes keep coming (rounds play every 500 ms), a save still happens this often. */
const SAVE_AT_LEAST_EVERY_MS = 2000;

export interface WorkspaceNotice {
  readonly kind: 'restored' | 'problem';
  readonly message: string;
}

export function useWorkspace(): WorkspaceNotice | null {
  const [notice, setNotice] = useState<WorkspaceNotice | null>(null);
  const engineReady = useAppStore((store) => store.engineStatus === 'ready');

  useEffect(() => {
    if (!engineReady) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** When the oldest unsaved change happened; undefined when everything is saved. */
    let pendingSince: number | undefined;
    let unsubscribe: (() => void) | undefined;

    const startSaving = () => {
      unsubscribe = useAppStore.subscribe((state, previous) => {
        const changed =
          state.frame !== previous.frame ||
          state.editorText !== previous.editorText ||
          state.lessonId !== previous.lessonId ||
          state.stepIndex !== previous.stepIndex;
        if (!changed) return;
        const now = Date.now();
        pendingSince ??= now;
        if (timer) clearTimeout(timer);
        const wait = Math.max(0, Math.min(SAVE_DELAY_MS, pendingSince + SAVE_AT_LEAST_EVERY_MS - now));
        timer = setTimeout(() => {
          pendingSince = undefined;
          const current = useAppStore.getState();
          const result = saveWorkspace({
            version: WORKSPACE_VERSION,
            savedAt: new Date().toISOString(),
            editorText: current.editorText,
            lesson: current.lessonId ? { id: current.lessonId, stepIndex: current.stepIndex } : null,
            cluster: current.frame?.state ?? null,
          });
          if (!result.ok)
            setNotice({
              kind: 'problem',
              message: `Your work could not be saved: ${result.reason}. It is still here; export it to keep it.`,
            });
        }, wait);
      });
    };

    void (async () => {
      const loaded = loadWorkspace();
      if (loaded.kind === 'set-aside') {
        setNotice({
          kind: 'problem',
          message: `A saved workspace could not be read (${loaded.reason}); it was set aside and a fresh one started.`,
        });
      } else if (loaded.kind === 'loaded') {
        const { workspace } = loaded;
        const store = useAppStore.getState();
        store.setEditorText(workspace.editorText);
        const restored = workspace.cluster
          ? await (await engineClient()).restoreState(workspace.cluster)
          : { ok: true as const };
        const lesson = workspace.lesson ? lessonById(workspace.lesson.id) : undefined;
        if (lesson && workspace.lesson && workspace.lesson.stepIndex < lesson.steps.length) {
          store.openLesson(lesson.id);
          store.goToStep(workspace.lesson.stepIndex);
          store.showPanel('lesson');
        }
        if (!cancelled) {
          setNotice(
            restored.ok
              ? {
                  kind: 'restored',
                  message: `Restored your work from ${new Date(workspace.savedAt).toLocaleString()}.`,
                }
              : { kind: 'problem', message: `Your editor text was restored, but ${restored.reason}.` },
          );
        }
      }
      if (!cancelled) startSaving();
    })();

    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [engineReady]);

  return notice;
}
