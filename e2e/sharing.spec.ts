import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

const kindOutput = readFile(
  new URL('../src/engine/interop/fixtures/kind-cluster.yaml', import.meta.url),
  'utf8',
);

/** "Round 12 · settled", as the playback toolbar shows it. */
async function roundText(page: Page): Promise<string> {
  const text = (await page.getByRole('toolbar', { name: 'Playback' }).textContent()) ?? '';
  return /Round \d+/.exec(text)?.[0] ?? 'no round';
}

async function openMenu(page: Page) {
  const button = page.getByRole('button', { name: 'Workspace', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('group', { name: 'Workspace actions' });
}

/** A small story: a database with a claim, a file written through it, a crash it survives. */
async function tellStory(app: AppPage): Promise<void> {
  const { page } = app;
  await app.loadExample('notes-mysql');
  await app.replaceEditorText(`${await app.editorText()}# told for a share link\n`);
  await app.apply();
  const pod = app.node('Pod mysql, Running');
  await expect(pod).toBeVisible();
  await pod.click();
  await expect(await app.writeFileFrom('mysql', '/var/lib/mysql/orders.db', 'order-42')).toContainText(
    'wrote /var/lib/mysql/orders.db',
  );
  await page.getByRole('button', { name: 'Crash containers' }).click();
  await expect(page.getByRole('status', { name: 'Action result' })).toContainText('crashed and restarted');
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toContainText('settled');
}

/** Waits for the autosave to hold `text` (it saves shortly after the last change). */
async function savedWith(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => (localStorage.getItem('kube-storage-visualized.workspace') ?? '').includes(expected),
    text,
  );
}

test('a share link opened in a fresh browser shows the same frame', async ({ page, browser }) => {
  const app = new AppPage(page);
  await app.open();
  await tellStory(app);
  const round = await roundText(page);
  const editorText = await app.editorText();

  const menu = await openMenu(page);
  await menu.getByRole('button', { name: 'Copy share link' }).click();
  await expect(menu.getByRole('status', { name: 'Workspace action' })).toBeVisible();
  const link = await menu.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#share\/1\/[A-Za-z0-9_-]+$/);

  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  try {
    const other = await context.newPage();
    const elsewhere = new AppPage(other);
    await other.goto(link);
    await expect(other.getByRole('status', { name: 'Workspace' })).toContainText(
      'Opened a shared story at round',
    );
    await expect(other.getByRole('toolbar', { name: 'Playback' })).toContainText(round);
    expect(await roundText(other)).toBe(round);
    await expect(elsewhere.node('Pod mysql, Running')).toBeVisible();
    await expect(elsewhere.node('Node node-a, Ready')).toBeVisible();
    await expect(other.getByRole('button', { name: /^PersistentVolumeClaim .*, Bound$/ })).toBeVisible();
    // The data written in the story is on the disk in the replayed frame too.
    await expect(other.getByRole('button', { name: /^Disk .*, exists$/ })).toContainText('1 file');
    expect(await elsewhere.editorText()).toBe(editorText);
    // The link has done its job: a reload shows the saved workspace, not the link again.
    expect(new URL(other.url()).hash).toBe('');
  } finally {
    await context.close();
  }
});

test('a workspace exported to a file comes back on import, and the one it replaced can be brought back', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await tellStory(app);
  const editorText = await app.editorText();

  let menu = await openMenu(page);
  const downloading = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Export workspace file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kube-storage-workspace-.*\.json$/);
  const file = await download.path();

  // Start over with something else.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(app.node('Pod mysql, Running')).toHaveCount(0);
  await app.replaceEditorText('# something else\n');
  await savedWith(page, 'something else');

  menu = await openMenu(page);
  const choosing = page.waitForEvent('filechooser');
  await menu.getByRole('button', { name: 'Import workspace file…' }).click();
  await (await choosing).setFiles(file);
  const notice = page.getByRole('status', { name: 'Workspace' });
  await expect(notice).toContainText('Your previous workspace was set aside.');
  await expect(app.node('Pod mysql, Running')).toBeVisible();
  expect(await app.editorText()).toBe(editorText);

  await notice.getByRole('button', { name: 'Bring back my workspace' }).click();
  await expect(notice).toContainText('Brought back your workspace');
  await expect(app.node('Pod mysql, Running')).toHaveCount(0);
  await expect.poll(() => app.editorText()).toBe('# something else\n');
});

test("pasting a real cluster's kubectl output draws its nodes and storage", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const menu = await openMenu(page);
  await menu.getByRole('button', { name: 'Import from a cluster…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from a cluster' });
  await dialog.getByRole('textbox', { name: 'kubectl output' }).fill(await kindOutput);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const result = dialog.getByRole('status', { name: 'Import result' });
  await expect(result).toContainText("The sandbox now has the cluster's nodes: kind-worker, kind-worker2.");
  await expect(result.getByRole('list', { name: 'Import warnings' })).toContainText(
    'no driver for provisioner csi.vendor.example.com',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await expect(app.node('Node kind-worker, Ready')).toBeVisible();
  await expect(app.node('Node node-a, Ready')).toHaveCount(0);
  await expect(app.node('PersistentVolumeClaim shop/data, Bound')).toBeVisible();
  await expect(app.node('PersistentVolumeClaim shop/fast-cache, Pending')).toBeVisible();
  await expect(app.node('PersistentVolume old-logs, Released')).toBeVisible();
  await expect(app.node('Pod shop/web-5d8f7c9b6-x2x7q, Running')).toBeVisible();
});

test('a tampered link is refused with a reason, and the saved work is all there', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('notes-mysql');
  await app.apply();
  await expect(app.node('Pod mysql, Running')).toBeVisible();
  const editorText = await app.editorText();
  await savedWith(page, 'mysql');

  await page.goto('about:blank');
  // A link cut short and changed by hand: it no longer unpacks.
  await page.goto('/#share/1/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  const alert = page.getByRole('alert', { name: 'Workspace' });
  await expect(alert).toContainText(
    'This share link cannot be opened: its data is damaged and does not unpack. Your own work',
  );
  await expect(alert).toContainText('was restored instead.');
  await expect(app.node('Pod mysql, Running')).toBeVisible();
  expect(await app.editorText()).toBe(editorText);

  // A link from a newer version of the app, pasted into the address bar, is refused too.
  await page.evaluate(() => {
    window.location.hash = '#share/9/abc';
  });
  await expect(alert).toContainText('it was made by a newer version of this app (link format 9');
  await expect(app.node('Pod mysql, Running')).toBeVisible();
});
