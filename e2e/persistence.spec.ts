import { expect, test } from '@playwright/test';
import { Cluster, SANDBOX_OPTIONS } from '../src/engine';
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

test('a save from before version 2 (a cluster state, no story) is still restored', async ({ page }) => {
  // Made the way version 1 saved it: the state of the cluster, taken from the engine.
  const cluster = new Cluster(SANDBOX_OPTIONS);
  cluster.apply(
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-version-one}\ndata: {saved: "yes"}\n',
  );
  cluster.settle();
  const version1 = JSON.stringify({
    version: 1,
    savedAt: '2026-11-01T10:00:00.000Z',
    editorText: '# written before version 2\n',
    lesson: null,
    cluster: cluster.state,
  });
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kube-storage-visualized.workspace', text);
      sessionStorage.setItem('seeded', 'yes');
    }
  }, version1);
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('status', { name: 'Workspace' })).toContainText('Restored your work');
  expect(await app.editorText()).toBe('# written before version 2\n');
  const terminal = await app.kubectl('get configmap from-version-one');
  await expect(terminal).toContainText('from-version-one');
  // The next save is in the new format: the story now starts from that restored state.
  await page.waitForFunction(() =>
    (localStorage.getItem('kube-storage-visualized.workspace') ?? '').includes('"version":2'),
  );
});
