/**
 * Monaco arrives in its own chunk; until then the plain fallback holds the text. These tests hold
 * that chunk back on purpose, so the lesson (or the learner) changes the text before Monaco is up,
 * and check that the newest text is what Monaco shows and what Apply sends.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

const LESSON_3 = 'Lesson 3: Static provisioning: volumes and claims';

/** Holds Monaco's chunk until the returned function is called. */
async function holdMonaco(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/assets/YamlEditor-*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The plain text area that stands in for Monaco (the only "Manifest editor" textbox until then). */
function fallbackEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Manifest editor' });
}

async function startLesson3(page: Page) {
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 3: Static provisioning: volumes and claims' }).click();
  return page.getByRole('region', { name: LESSON_3 });
}

test('Monaco arriving after a lesson step set the text shows that text, and Apply applies it', async ({
  page,
}) => {
  const releaseMonaco = await holdMonaco(page);
  const app = new AppPage(page);
  await app.open();
  const lesson = await startLesson3(page);
  await expect(lesson).toContainText('Step 1 of 4');
  await expect(fallbackEditor(page)).toHaveValue(/name: my-app-data-pvc/);
  expect(await page.evaluate(() => window.__yamlEditor)).toBeUndefined();

  releaseMonaco();
  await expect.poll(() => app.editorText()).toContain('name: my-app-data-pvc');
  await app.apply();
  await expect(app.applyResult('status')).toContainText('persistentvolumeclaim/my-app-data-pvc created');
  await expect(lesson.getByRole('list', { name: 'Goals' })).toContainText(
    'my-app-data-pvc is Bound to my-local-pv (done)',
  );
});

test('what the learner typed in the fallback before Monaco arrived is still there after', async ({
  page,
}) => {
  const releaseMonaco = await holdMonaco(page);
  const app = new AppPage(page);
  await app.open();
  await startLesson3(page);
  const fallback = fallbackEditor(page);
  await expect(fallback).toHaveValue(/name: my-app-data-pvc/);
  // The learner adds a note at the end of the step's manifests while Monaco is still loading.
  await fallback.focus();
  await fallback.press('Control+End');
  await fallback.pressSequentially('# my note\n');
  await expect(fallback).toHaveValue(/name: my-app-data-pvc[\s\S]*# my note\n$/);

  releaseMonaco();
  await expect.poll(() => app.editorText()).toMatch(/name: my-app-data-pvc[\s\S]*# my note\n$/);
  await app.apply();
  await expect(app.applyResult('status')).toContainText('persistentvolumeclaim/my-app-data-pvc created');
});

test('a lesson offers its first step only once the step manifests are in the editor', async ({ page }) => {
  const releaseMonaco = await holdMonaco(page);
  const app = new AppPage(page);
  await app.open();
  // The slowest speed: the lesson's setup takes seconds to settle, so a step offered too early shows.
  await page.getByRole('combobox', { name: 'Rounds per second' }).selectOption('0.5');
  const lesson = await startLesson3(page);
  // While the cluster is being prepared, Apply waits too.
  await expect(lesson).toContainText('Preparing the cluster');
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  // As an eager learner would: press Apply the moment the step is there.
  await expect(lesson.getByRole('button', { name: /Show a hint/ })).toBeVisible();
  await app.apply();
  await expect(app.applyResult('status')).toContainText('persistentvolumeclaim/my-app-data-pvc created');

  releaseMonaco();
  await expect.poll(() => app.editorText()).toContain('name: my-app-data-pvc');
});
