import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('with the browser storage full, saving says so and the work stays on screen', async ({ page }) => {
  // Fill localStorage to the brim before the app starts (as other pages of the origin might).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('filled')) return;
    sessionStorage.setItem('filled', 'yes');
    // Largest pieces first, then ever smaller ones, until not even one character fits.
    let index = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${index}`, 'x'.repeat(size));
          index += 1;
        } catch {
          break;
        }
      }
    }
  });
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('notes-mysql');
  await app.apply();
  await expect(app.node('Pod mysql, Running')).toBeVisible();
  const editorText = await app.editorText();

  await expect(page.getByRole('alert', { name: 'Workspace' })).toContainText(
    'Your work could not be saved: the browser storage is full',
  );
  // Nothing was lost from the page: the editor, the cluster and the app all still work.
  expect(await app.editorText()).toBe(editorText);
  await expect(app.node('Pod mysql, Running')).toBeVisible();
  const log = await app.kubectl('kubectl get pvc');
  await expect(log).toContainText('Bound');

  // Once there is room again, the next change is saved.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler')) localStorage.removeItem(key);
  });
  await app.replaceEditorText(`${editorText}# saved at last\n`);
  await page.waitForFunction(() =>
    (localStorage.getItem('kube-storage-visualized.workspace') ?? '').includes('saved at last'),
  );
});
