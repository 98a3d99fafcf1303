import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('reloading in the middle of a lesson finds everything as it was', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 1: Why pods lose data' }).click();
  const lesson = page.getByRole('region', { name: 'Lesson 1: Why pods lose data' });
  await lesson.getByRole('button', { name: 'Show solution' }).click();
  await lesson.getByRole('button', { name: 'Next step' }).click();
  await expect(lesson).toContainText('Step 2 of 4');
  await expect(app.node('Pod notebook, Running')).toBeVisible();
  const editorText = await app.editorText();
  // The workspace saves shortly after the last change: wait for the save that holds step 2.
  await page.waitForFunction(() =>
    (localStorage.getItem('kube-storage-visualized.workspace') ?? '').includes('"stepIndex":1'),
  );

  await page.reload();
  await expect(page.getByRole('status', { name: 'Workspace' })).toContainText('Restored your work');
  await expect(page.getByRole('region', { name: 'Lesson 1: Why pods lose data' })).toContainText(
    'Step 2 of 4',
  );
  await expect(app.node('Pod notebook, Running')).toBeVisible();
  expect(await app.editorText()).toBe(editorText);
});

test('a corrupted save is set aside with a message, and the app starts fresh', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kube-storage-visualized.workspace', '{"version": 1, "editorText": ');
      sessionStorage.setItem('seeded', 'yes');
    }
  });
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('alert', { name: 'Workspace' })).toContainText('could not be read');
  await expect(app.node('Node node-a, Ready')).toBeVisible();
});
