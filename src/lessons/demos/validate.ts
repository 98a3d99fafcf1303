/**
 * The demo schema, checked at run time: ids, titles, short text-only narration, no resets inside
 * the script (the demo starts with its own), and checks wherever a step changes the cluster.
 */
import { isKindName } from '../../engine';
import type { Demo } from './types';

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Narration is rendered as text: markup that would need HTML is refused. */
const HTML_TAG = /<\s*\/?\s*[a-zA-Z][^>]*>/;
/** A caption is read from the back of a room, in large type: a couple of sentences at most. */
export const MAX_NARRATION_CHARS = 200;

export function validateDemo(demo: Demo): string[] {
  const problems: string[] = [];
  const where = `demo ${demo.id || '(no id)'}`;
  if (!ID.test(demo.id)) problems.push(`${where}: id must be lower-case words joined by dashes`);
  if (!demo.title.trim()) problems.push(`${where}: needs a title`);
  if (!demo.summary.trim()) problems.push(`${where}: needs a summary`);
  if (HTML_TAG.test(demo.summary)) problems.push(`${where}: summary must not contain HTML tags`);
  if (demo.steps.length === 0) problems.push(`${where}: needs at least one step`);
  if (demo.setup.some((intent) => intent.type === 'reset'))
    problems.push(`${where}: setup must not reset (the demo starts with a reset of its own)`);
  if (demo.steps.every((step) => step.intents.length === 0))
    problems.push(`${where}: no step plays anything`);
  for (const [index, step] of demo.steps.entries()) {
    const at = `${where}, step ${index + 1}`;
    if (!step.narration.trim()) problems.push(`${at}: needs narration`);
    if (HTML_TAG.test(step.narration)) problems.push(`${at}: narration must not contain HTML tags`);
    if (step.narration.length > MAX_NARRATION_CHARS)
      problems.push(
        `${at}: narration is ${step.narration.length} characters, at most ${MAX_NARRATION_CHARS} fit a caption`,
      );
    if (step.intents.some((intent) => intent.type === 'reset'))
      problems.push(`${at}: must not reset (going back would no longer find its frames)`);
    if (step.intents.length > 0 && step.checks.length === 0)
      problems.push(`${at}: changes the cluster, so it needs checks of what the narration says`);
    for (const check of step.checks)
      if ('object' in check && !isKindName(check.object.kind))
        problems.push(`${at}: unknown kind ${String(check.object.kind)}`);
  }
  return problems;
}

export function validateDemos(demos: readonly Demo[]): string[] {
  const problems = demos.flatMap(validateDemo);
  const ids = demos.map((demo) => demo.id);
  for (const id of new Set(ids))
    if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`duplicate demo id ${id}`);
  return problems;
}
