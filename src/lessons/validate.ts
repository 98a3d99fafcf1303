/**
 * The lesson schema, checked at run time (the TypeScript types check it at build time): ids,
 * numbering, non-empty goals, hints and solutions, and prose that is plain text and Markdown only.
 */
import { isKindName } from '../engine';
import type { Lesson } from './types';

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Lesson prose is rendered as text: markup that would need HTML is refused. */
const HTML_TAG = /<\s*\/?\s*[a-zA-Z][^>]*>/;

export function validateLesson(lesson: Lesson): string[] {
  const problems: string[] = [];
  const where = `lesson ${lesson.id || '(no id)'}`;
  if (!ID.test(lesson.id)) problems.push(`${where}: id must be lower-case words joined by dashes`);
  if (!Number.isInteger(lesson.number) || lesson.number < 1)
    problems.push(`${where}: number must be 1 or more`);
  if (!lesson.title.trim()) problems.push(`${where}: needs a title`);
  if (!lesson.summary.trim()) problems.push(`${where}: needs a summary`);
  if (lesson.steps.length === 0) problems.push(`${where}: needs at least one step`);
  const stepIds = new Set<string>();
  for (const [index, step] of lesson.steps.entries()) {
    const at = `${where}, step ${index + 1} (${step.id})`;
    if (!ID.test(step.id)) problems.push(`${at}: id must be lower-case words joined by dashes`);
    if (stepIds.has(step.id)) problems.push(`${at}: duplicate step id`);
    stepIds.add(step.id);
    if (!step.title.trim()) problems.push(`${at}: needs a title`);
    if (!step.prose.trim()) problems.push(`${at}: needs prose`);
    if (HTML_TAG.test(step.prose)) problems.push(`${at}: prose must not contain HTML tags`);
    if (step.goals.length === 0) problems.push(`${at}: needs at least one goal`);
    if (step.hints.length === 0) problems.push(`${at}: needs at least one hint`);
    if (step.solution.length === 0) problems.push(`${at}: needs a solution`);
    for (const goal of step.goals) {
      if (!goal.label.trim()) problems.push(`${at}: every goal needs a label`);
      const check = goal.check;
      if ('object' in check && !isKindName(check.object.kind))
        problems.push(`${at}: unknown kind ${String(check.object.kind)}`);
    }
    const prediction = step.prediction;
    if (prediction) {
      if (prediction.choices.length < 2) problems.push(`${at}: a prediction needs at least two choices`);
      if (
        !Number.isInteger(prediction.answer) ||
        prediction.answer < 0 ||
        prediction.answer >= prediction.choices.length
      ) {
        problems.push(`${at}: the prediction's answer must index its choices`);
      }
    }
  }
  return problems;
}

export function validateCourse(lessons: readonly Lesson[]): string[] {
  const problems = lessons.flatMap(validateLesson);
  const ids = lessons.map((lesson) => lesson.id);
  for (const id of ids)
    if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`duplicate lesson id ${id}`);
  lessons.forEach((lesson, index) => {
    if (lesson.number !== index + 1)
      problems.push(`lesson ${lesson.id} is number ${lesson.number} at position ${index + 1}`);
  });
  return [...new Set(problems)];
}
