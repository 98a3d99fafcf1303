/** The course, in the order it is taught. */
import { whyPodsLoseData } from './course/01-why-pods-lose-data';
import { PART_ONE } from './course/part-one';
import { PART_TWO } from './course/part-two';
import type { Lesson } from './types';

export type { Goal, Lesson, LessonStep, Prediction } from './types';
export { validateCourse, validateLesson } from './validate';

export const LESSONS: readonly Lesson[] = [whyPodsLoseData, ...PART_ONE, ...PART_TWO];
