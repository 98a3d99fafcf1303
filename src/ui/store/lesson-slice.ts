/** Lesson mode: which lesson and step, hints shown, the prediction made, goals met, progress. */
import type { StateCreator } from 'zustand';
import type { GoalResult } from '../../worker/protocol';
import { loadProgress, saveProgress } from '../lesson/progress';
import type { AppState } from './index';

export interface LessonSlice {
  lessonId: string | null;
  stepIndex: number;
  hintsShown: number;
  predictionChoice: number | null;
  goalResults: readonly GoalResult[];
  /** The frame the current step began at (its goal picture is forecast from there). */
  stepStartSeq: number | null;
  /** False while a lesson's starting cluster is being built: nothing to do yet. */
  lessonReady: boolean;
  /** lesson id -> ids of the steps completed (saved locally). */
  completedSteps: Readonly<Record<string, readonly string[]>>;
  openLesson: (lessonId: string | null) => void;
  goToStep: (index: number, startSeq?: number) => void;
  showNextHint: () => void;
  choosePrediction: (choice: number) => void;
  setGoalResults: (results: readonly GoalResult[]) => void;
  completeStep: (lessonId: string, stepId: string) => void;
  setLessonReady: (ready: boolean) => void;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set) => ({
  lessonId: null,
  stepIndex: 0,
  hintsShown: 0,
  predictionChoice: null,
  goalResults: [],
  stepStartSeq: null,
  lessonReady: true,
  completedSteps: loadProgress(),
  openLesson: (lessonId) =>
    set({
      lessonId,
      stepIndex: 0,
      hintsShown: 0,
      predictionChoice: null,
      goalResults: [],
      stepStartSeq: null,
    }),
  goToStep: (stepIndex, startSeq) =>
    set({
      stepIndex,
      hintsShown: 0,
      predictionChoice: null,
      goalResults: [],
      stepStartSeq: startSeq ?? null,
    }),
  showNextHint: () => set((state) => ({ hintsShown: state.hintsShown + 1 })),
  choosePrediction: (predictionChoice) => set({ predictionChoice }),
  setGoalResults: (goalResults) => set({ goalResults }),
  completeStep: (lessonId, stepId) =>
    set((state) => {
      const done = state.completedSteps[lessonId] ?? [];
      if (done.includes(stepId)) return {};
      const completedSteps = { ...state.completedSteps, [lessonId]: [...done, stepId] };
      saveProgress(completedSteps);
      return { completedSteps };
    }),
  setLessonReady: (lessonReady) => set({ lessonReady }),
});
