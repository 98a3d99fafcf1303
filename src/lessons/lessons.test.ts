import { describe, expect, it } from 'vitest';
import { LESSONS, validateCourse } from './index';
import { playLesson } from './run-lesson';

describe('the course', () => {
  it('is valid: ids, numbering, goals, hints, solutions, text-only prose', () => {
    expect(validateCourse(LESSONS)).toEqual([]);
  });

  describe.each(LESSONS.map((lesson) => [lesson.title, lesson] as const))('%s', (_title, lesson) => {
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

describe('lesson validation', () => {
  it('refuses HTML in prose, empty hints and predictions whose answer is out of range', () => {
    const [first] = LESSONS;
    if (!first) throw new Error('no lessons');
    const [step] = first.steps;
    if (!step) throw new Error('no steps');
    const broken = {
      ...first,
      steps: [
        {
          ...step,
          prose: 'Click <img src=x onerror=alert(1)>',
          hints: [],
          prediction: { question: 'q', choices: ['a', 'b'], answer: 5, explanation: '' },
        },
      ],
    };
    const problems = validateCourse([broken]);
    expect(problems.some((problem) => problem.includes('HTML'))).toBe(true);
    expect(problems.some((problem) => problem.includes('hint'))).toBe(true);
    expect(problems.some((problem) => problem.includes('answer'))).toBe(true);
  });
});
