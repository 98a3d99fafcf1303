/**
 * What lesson mode asks of the engine: start a lesson on a fresh cluster with its setup, check a
 * step's goals as frames arrive, and play a step's solution intent by intent.
 */
import { LESSONS } from '../../lessons';
import type { Lesson, LessonStep } from '../../lessons';
import type { Intent } from '../../worker/protocol';
import { dispatchIntent, engineClient } from '../engine/connection';
import { useAppStore } from '../store';

export function lessonById(id: string | null): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

export function currentStep(): LessonStep | undefined {
  const { lessonId, stepIndex } = useAppStore.getState();
  return lessonById(lessonId)?.steps[stepIndex];
}

/** Waits until the cluster has settled after frame `afterSeq` (or settles it when paused). */
async function settled(afterSeq: number): Promise<void> {
  const client = await engineClient();
  if (!useAppStore.getState().playback.playing) {
    await client.settle();
    return;
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      const frame = useAppStore.getState().frame;
      return frame !== null && frame.seq > afterSeq && frame.settled;
    };
    if (done()) {
      resolve();
      return;
    }
    const unsubscribe = useAppStore.subscribe(() => {
      if (!done()) return;
      unsubscribe();
      resolve();
    });
  });
}

async function play(intents: readonly Intent[]): Promise<void> {
  for (const intent of intents) {
    const before = useAppStore.getState().frame?.seq ?? 0;
    await dispatchIntent(intent);
    await settled(before);
  }
}

export async function startLesson(lesson: Lesson): Promise<void> {
  const store = useAppStore.getState();
  // Until the setup has played and the first step has put its manifests in the editor, the panel
  // says so instead of offering the step (an Apply then would send the old, often empty, text).
  // Set before the lesson opens, so no state ever has this lesson open and ready too early.
  store.setLessonReady(false);
  store.openLesson(lesson.id);
  store.showPanel('lesson');
  try {
    await dispatchIntent({ type: 'reset', ...(lesson.cluster ? { options: lesson.cluster } : {}) });
    await play(lesson.setup);
    enterStep(lesson, 0);
  } finally {
    // Also when the engine failed: a lesson stuck on "Preparing…" would have no way out.
    useAppStore.getState().setLessonReady(true);
  }
}

export function enterStep(lesson: Lesson, index: number): void {
  const store = useAppStore.getState();
  store.goToStep(index, store.frame?.seq);
  const step = lesson.steps[index];
  if (step?.editor) store.setEditorText(step.editor);
  void checkGoals();
}

export async function playSolution(step: LessonStep): Promise<void> {
  await play(step.solution);
  await checkGoals();
}

/** Re-checks the current step's goals in the worker; a fully met step is saved as done. */
export async function checkGoals(): Promise<void> {
  const { lessonId } = useAppStore.getState();
  const step = currentStep();
  if (!lessonId || !step) return;
  const results = await (await engineClient()).checkGoals(step.goals.map((goal) => goal.check));
  if (currentStep() !== step) return;
  const store = useAppStore.getState();
  store.setGoalResults(results);
  if (results.length > 0 && results.every((result) => result.met)) store.completeStep(lessonId, step.id);
}
