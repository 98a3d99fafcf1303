import { describe, expect, it } from 'vitest';
import { validateLesson } from '../validate';
import { playLesson } from '../run-lesson';
import { PART_ONE } from './part-one';

describe('part one of the course (lessons 2 to 6)', () => {
  it('is numbered 2 to 6, in order', () => {
    expect(PART_ONE.map((lesson) => lesson.number)).toEqual([2, 3, 4, 5, 6]);
  });

  it('has unique lesson ids', () => {
    const ids = PART_ONE.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(PART_ONE.map((lesson) => [lesson.title, lesson] as const))('%s', (_title, lesson) => {
    it('is valid: ids, goals, hints, solutions, text-only prose', () => {
      expect(validateLesson(lesson)).toEqual([]);
    });

    it('has 3 to 5 steps, and one or two predictions', () => {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(5);
      const predictions = lesson.steps.filter((step) => step.prediction !== undefined).length;
      expect(predictions).toBeGreaterThanOrEqual(1);
      expect(predictions).toBeLessThanOrEqual(2);
    });

    it('has goals that do not hold before each step and hold after its solution', () => {
      const reports = playLesson(lesson);
      expect(reports).toHaveLength(lesson.steps.length);
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
