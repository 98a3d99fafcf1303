import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('a 5 MB paste is refused with a located error, and the page stays live throughout', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const valid = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\ndata: {a: b}\n---\n';
  const junk = `${valid}${'key: [unclosed, \u0001 {{{{ \n'.repeat(220_000)}`;
  expect(junk.length).toBeGreaterThan(5_000_000);
  await app.replaceEditorText(junk);
  await app.apply();
  // The page answers while (and after) the engine reads the paste.
  const play = page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: /Pause|Play/ });
  const pressed = await play.getAttribute('aria-pressed');
  await play.click();
  await expect(play).not.toHaveAttribute('aria-pressed', pressed ?? '');
  await expect(app.applyResult('alert')).toContainText(/Line \d+/);
  await expect(app.applyResult('alert')).toContainText('error converting YAML to JSON');
  // Nothing was applied: the valid first document went in with the rest or not at all.
  await expect(app.node(/ConfigMap ok/)).toHaveCount(0);
  // The text is still the user's.
  expect((await app.editorText()).length).toBe(junk.length);
});
