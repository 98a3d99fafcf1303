/**
 * Whole workspaces in and out of the running app: capture the current one (the story from the
 * worker, the rest from the store) and bring one in. Bringing one in replays its story first,
 * and only when the engine accepts it are the editor, lesson and preferences changed: a refusal
 * changes nothing.
 */
import { engineClient } from '../engine/connection';
import { lessonById } from '../lesson/lesson-actions';
import { useAppStore } from '../store';
import { pickPrefs } from './saved-prefs';
import type { SavedCluster, Workspace } from './workspace-format';
import { WORKSPACE_VERSION } from './workspace-format';

let applying = 0;

/** While a workspace is being brought in, the autosave waits (it would save a half-made one). */
export function isBringingInWorkspace(): boolean {
  return applying > 0;
}

export async function captureWorkspace(): Promise<Workspace> {
  const client = await engineClient();
  // The position first: a frame arriving meanwhile only moves the head, which the log then includes.
  const seq = useAppStore.getState().timelinePosition.seq;
  const log = await client.replayLog();
  return workspaceWith({ kind: 'timeline', log, seq });
}

/** The workspace as the page holds it now, around a cluster already captured. */
export function workspaceWith(cluster: SavedCluster): Workspace {
  const store = useAppStore.getState();
  return {
    version: WORKSPACE_VERSION,
    savedAt: new Date().toISOString(),
    editorText: store.editorText,
    lesson: store.lessonId ? { id: store.lessonId, stepIndex: store.stepIndex } : null,
    prefs: pickPrefs(store),
    progress: store.completedSteps,
    cluster,
  };
}

export type ApplyResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export async function applyWorkspace(workspace: Workspace): Promise<ApplyResult> {
  applying += 1;
  try {
    const client = await engineClient();
    const narration = useAppStore.getState().narratedFrames;
    // A replayed story replaces the one told so far (its frames arrive before the answer does).
    if (workspace.cluster) useAppStore.getState().forgetNarration();
    const cluster =
      workspace.cluster?.kind === 'timeline'
        ? await client.replay(workspace.cluster.log, workspace.cluster.seq)
        : workspace.cluster?.kind === 'state'
          ? await client.restoreState(workspace.cluster.state)
          : { ok: true as const };
    if (!cluster.ok) {
      useAppStore.setState({ narratedFrames: narration });
      return { ok: false, reason: cluster.reason };
    }
    const store = useAppStore.getState();
    store.setEditorText(workspace.editorText);
    store.setApplyOutcome(null);
    const lesson = workspace.lesson ? lessonById(workspace.lesson.id) : undefined;
    if (lesson && workspace.lesson && workspace.lesson.stepIndex < lesson.steps.length) {
      store.openLesson(lesson.id);
      store.goToStep(workspace.lesson.stepIndex);
      store.showPanel('lesson');
    } else if (store.lessonId !== null) {
      store.openLesson(null);
    }
    useAppStore.setState(workspace.prefs);
    for (const [lessonId, steps] of Object.entries(workspace.progress))
      for (const stepId of steps) store.completeStep(lessonId, stepId);
    store.setPlayback(await client.playback());
    return { ok: true };
  } finally {
    applying -= 1;
  }
}
