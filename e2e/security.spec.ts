import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

declare global {
  interface Window {
    __pwned?: boolean;
    __cspViolations?: string[];
  }
}

/** Payloads that would run if any of them reached the page as HTML. */
const PAYLOAD = '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script>';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
});

test('the built page has a strict CSP, and makes no request outside its own origin', async ({ page }) => {
  const origin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173').origin;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin)
      elsewhere.push(request.url());
  });
  const app = new AppPage(page);
  await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
  expect(policy).not.toMatch(/https?:\/\//);

  // Use the app the way a learner does: the editor (Monaco and its YAML worker), apply, a lesson, kubectl.
  await app.loadExample(
    (await page.getByLabel('Load an example').locator('option').nth(1).getAttribute('value')) ?? '',
  );
  await app.editorText();
  await app.apply();
  await expect(app.applyResult('status')).toBeVisible();
  await app.kubectl('kubectl get pv');
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: /Start lesson 1:/ }).click();
  await expect(page.getByRole('list', { name: 'Goals' })).toBeVisible();

  expect(elsewhere).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test('script in names, annotations, data and kubectl lines stays text', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // A name is refused: the refusal quotes it, as text.
  await app.replaceEditorText(
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${JSON.stringify(PAYLOAD)}\ndata: {a: b}\n`,
  );
  await app.apply();
  await expect(app.applyResult('alert')).toContainText('<img src=x');
  // Annotations and data accept any text: they are shown in the inspector and kubectl output.
  await app.replaceEditorText(
    `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-x\n  annotations:\n    note: ${JSON.stringify(PAYLOAD)}\n` +
      `spec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/x}\n`,
  );
  await app.apply();
  await expect(app.applyResult('status')).toContainText('persistentvolume/pv-x created');
  await app.node('PersistentVolume pv-x, Available').click();
  await expect(page.getByRole('tabpanel')).toContainText('<script>');
  const log = await app.kubectl(`kubectl describe pv pv-x`);
  await expect(log).toContainText('onerror=');
  await app.kubectl(`kubectl get pv ${PAYLOAD}`);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test('script carried by a share link or a workspace file stays text', async ({ page, browser }) => {
  const app = new AppPage(page);
  await app.open();
  const manifest =
    `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-x\n  annotations:\n    note: ${JSON.stringify(PAYLOAD)}\n` +
    `spec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/x}\n`;
  await app.replaceEditorText(`# ${PAYLOAD}\n${manifest}`);
  await app.apply();
  await expect(app.node('PersistentVolume pv-x, Available')).toBeVisible();

  const menu = page.getByRole('group', { name: 'Workspace actions' });
  await page.getByRole('button', { name: 'Workspace', exact: true }).click();
  await menu.getByRole('button', { name: 'Copy share link' }).click();
  const link = await menu.getByRole('textbox', { name: 'Share link' }).inputValue();
  const downloading = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Export workspace file' }).click();
  const file = await (await downloading).path();

  // A stranger opens the link.
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(link);
    const elsewhere = new AppPage(other);
    await expect(elsewhere.node('PersistentVolume pv-x, Available')).toBeVisible();
    await elsewhere.node('PersistentVolume pv-x, Available').click();
    await expect(other.getByRole('tabpanel')).toContainText('<script>');
    expect(await elsewhere.editorText()).toContain(PAYLOAD);
    expect(await other.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await other.locator('img[src="x"]').count()).toBe(0);

    // And imports the file.
    await other.getByRole('button', { name: 'Workspace', exact: true }).click();
    const choosing = other.waitForEvent('filechooser');
    await other
      .getByRole('group', { name: 'Workspace actions' })
      .getByRole('button', { name: 'Import workspace file…' })
      .click();
    await (await choosing).setFiles(file);
    await expect(other.getByRole('status', { name: 'Workspace' })).toContainText('set aside');
    expect(await other.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await other.locator('img[src="x"]').count()).toBe(0);
  } finally {
    await context.close();
  }
});
