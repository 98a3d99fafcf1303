import { describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../../lessons';
import type { AppState } from '../store';
import { useAppStore } from '../store';
import { startLesson } from './lesson-actions';

// The engine answers a tick later, as the worker does; the cluster is settled at once.
vi.mock('../engine/connection', () => {
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 0));
  const client = { settle: () => later(null), checkGoals: () => later([]) };
  return { dispatchIntent: () => later('done'), engineClient: () => later(client) };
});

describe('startLesson', () => {
  it('offers the first step only once its manifests are in the editor', async () => {
    const lesson = LESSONS.find((candidate) => candidate.number === 3);
    const stepText = lesson?.steps[0]?.editor;
    if (!lesson || !stepText) throw new Error('lesson 3 and its first step text are missing');
    useAppStore.setState({ playback: { playing: false, speed: 2, settled: true }, editorText: '' });
    const offered: Pick<AppState, 'editorText' | 'stepIndex'>[] = [];
    const unsubscribe = useAppStore.subscribe((state) => {
      if (state.lessonId === lesson.id && state.lessonReady) offered.push(state);
    });

    const started = startLesson(lesson);
    expect(useAppStore.getState().lessonReady).toBe(false);
    await started;
    unsubscribe();

    expect(useAppStore.getState().lessonReady).toBe(true);
    expect(offered.length).toBeGreaterThan(0);
    for (const state of offered) {
      expect(state.stepIndex).toBe(0);
      expect(state.editorText).toBe(stepText);
    }
  });
});
