import type { Page, Worker } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

async function engineWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((worker) => worker.url().includes('engine'))).toBe(true);
  const worker = page.workers().find((candidate) => candidate.url().includes('engine'));
  if (!worker) throw new Error('no engine worker');
  return worker;
}

/** Applies an example and returns while the cluster is still reconciling. */
async function startAnimating(app: AppPage): Promise<void> {
  await app.page.getByLabel('Rounds per second').selectOption('0.5');
  await app.loadExample('notes-mysql');
  await app.apply();
  await expect(app.page.getByRole('toolbar', { name: 'Playback' })).toContainText('reconciling');
}

test('a worker that dies mid-animation is restarted from the last frame; nothing is lost', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await startAnimating(app);
  const editorText = await app.editorText();
  await (await engineWorker(page)).evaluate(() => self.close());

  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('restarted from round', {
    timeout: 20_000,
  });
  expect(await app.editorText()).toBe(editorText);
  // The new worker continues the story: the claim binds and the pod runs.
  await page.getByLabel('Rounds per second').selectOption('8');
  await expect(app.node('Pod mysql, Running')).toBeVisible({ timeout: 30_000 });
  // And it takes new work.
  const log = await app.kubectl('kubectl get pvc');
  await expect(log).toContainText('Bound');
});

test('a worker stuck in an endless loop is noticed by the watchdog and replaced', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await startAnimating(app);
  const editorText = await app.editorText();
  await (
    await engineWorker(page)
  ).evaluate(() => {
    setTimeout(() => {
      for (;;) {
        // spin: the worker never answers again
      }
    }, 0);
  });
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('restarted from round', {
    timeout: 30_000,
  });
  expect(await app.editorText()).toBe(editorText);
  await app.apply();
  await expect(app.applyResult('status')).toBeVisible();
});

test('a panel that breaks shows its own error; the rest of the app carries on', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.evaluate(() => {
    window.__failPanel = 'Events';
  });
  await app.panel('Events').click();
  const failure = page.getByRole('alert', { name: 'Events failed' });
  await expect(failure).toContainText('The events panel ran into a problem');
  // Everything else still works.
  await expect(app.node('Node node-a, Ready')).toBeVisible();
  const log = await app.kubectl('kubectl get nodes');
  await expect(log).toContainText('node-a');
  // Back on the broken panel it still says so; once the cause is gone, Try again brings it back.
  await app.panel('Events').click();
  await expect(failure).toBeVisible();
  await page.evaluate(() => {
    window.__failPanel = undefined;
  });
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(
    page.getByRole('table', { name: 'Events' }).or(page.getByText('No events yet.')),
  ).toBeVisible();
});
