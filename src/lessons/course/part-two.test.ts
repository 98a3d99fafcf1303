import { describe, expect, it } from 'vitest';
import type { ApiErrorKind } from '../../engine';
import { Cluster } from '../../engine';
import type { Intent } from '../../worker/protocol';
import { LESSON_SANDBOX, playIntent, playLesson } from '../run-lesson';
import type { Lesson } from '../types';
import { validateLesson } from '../validate';
import { expansion } from './09-expansion';
import { troubleshooting } from './11-troubleshooting';
import { PART_TWO } from './part-two';

describe('part two of the course', () => {
  it('holds lessons 7 to 11, in order', () => {
    expect(PART_TWO.map((lesson) => lesson.number)).toEqual([7, 8, 9, 10, 11]);
  });

  it('has unique lesson ids', () => {
    const ids = PART_TWO.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(PART_TWO.map((lesson) => [lesson.title, lesson] as const))('%s', (_title, lesson) => {
    it('is valid: ids, goals, hints, solutions, text-only prose', () => {
      expect(validateLesson(lesson)).toEqual([]);
    });

    it('has 3 to 5 steps and one or two predictions', () => {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(5);
      const predictions = lesson.steps.filter((step) => step.prediction).length;
      expect(predictions).toBeGreaterThanOrEqual(1);
      expect(predictions).toBeLessThanOrEqual(2);
    });

    it('has goals that do not hold before each step and hold after its solution', () => {
      const reports = playLesson(lesson);
      for (const report of reports) {
        expect({ step: report.step, refused: report.refused }).toEqual({ step: report.step, refused: [] });
        expect({ step: report.step, metBeforeSolution: report.metBeforeSolution }).toEqual({
          step: report.step,
          metBeforeSolution: false,
        });
        expect({ step: report.step, unmet: report.unmetAfterSolution }).toEqual({
          step: report.step,
          unmet: [],
        });
      }
    });
  });
});

/** The cluster as a learner finds it once the first `stepCount` steps of a lesson are solved. */
function clusterAfterSteps(lesson: Lesson, stepCount: number): Cluster {
  const cluster = new Cluster(lesson.cluster ?? LESSON_SANDBOX);
  const intents: Intent[] = [
    ...lesson.setup,
    ...lesson.steps.slice(0, stepCount).flatMap((step) => step.solution),
  ];
  for (const intent of intents) {
    const result = playIntent(cluster, intent);
    if (!result.ok) throw new Error(`${lesson.id}: ${intent.type} refused: ${result.error.message}`);
    cluster.settle();
  }
  return cluster;
}

function stepIndex(lesson: Lesson, id: string): number {
  const index = lesson.steps.findIndex((step) => step.id === id);
  if (index < 0) throw new Error(`${lesson.id} has no step ${id}`);
  return index;
}

function refusalKind(cluster: Cluster, intent: Intent): ApiErrorKind | 'accepted' {
  const result = playIntent(cluster, intent);
  return result.ok ? 'accepted' : result.error.kind;
}

describe('the refusals the prose promises', () => {
  const claim = (name: string) => ({ kind: 'PersistentVolumeClaim', namespace: 'default', name }) as const;
  const storage = (size: string) => ({ spec: { resources: { requests: { storage: size } } } });

  it('lesson 9: growing a claim whose class does not allow expansion is Forbidden', () => {
    const lesson = expansion;
    const cluster = clusterAfterSteps(lesson, stepIndex(lesson, 'class-refuses') + 1);
    expect(refusalKind(cluster, { type: 'patch', ref: claim('logs'), patch: storage('20Gi') })).toBe(
      'Forbidden',
    );
  });

  it('lesson 9: shrinking a claim below its capacity is Invalid', () => {
    const lesson = expansion;
    const cluster = clusterAfterSteps(lesson, stepIndex(lesson, 'no-shrinking'));
    expect(refusalKind(cluster, { type: 'patch', ref: claim('uploads'), patch: storage('5Gi') })).toBe(
      'Invalid',
    );
  });

  it('lesson 11: the class of a Pending claim cannot be patched', () => {
    const lesson = troubleshooting;
    const cluster = clusterAfterSteps(lesson, 0);
    const firstStep = lesson.steps[0];
    const broken = firstStep?.solution[0];
    if (!broken) throw new Error('lesson 11 has no first intent');
    expect(playIntent(cluster, broken).ok).toBe(true);
    cluster.settle();
    expect(
      refusalKind(cluster, {
        type: 'patch',
        ref: claim('invoices'),
        patch: { spec: { storageClassName: '' } },
      }),
    ).toBe('Invalid');
  });

  it('lesson 11: a pod cannot be moved by changing its nodeSelector', () => {
    const lesson = troubleshooting;
    const lastStep = lesson.steps[stepIndex(lesson, 'node-cannot-reach-volume')];
    const cluster = clusterAfterSteps(lesson, stepIndex(lesson, 'node-cannot-reach-volume'));
    const [brokenApply, , fixedApply] = lastStep?.solution ?? [];
    if (!brokenApply || !fixedApply) throw new Error('lesson 11 has no broken and fixed pod');
    expect(playIntent(cluster, brokenApply).ok).toBe(true);
    cluster.settle();
    expect(refusalKind(cluster, fixedApply)).toBe('Invalid');
  });
});
