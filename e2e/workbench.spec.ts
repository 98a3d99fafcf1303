import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

async function widthOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => element.getBoundingClientRect().width);
}

test('the editor and the side panel collapse to strips and come back; the layout is kept across a reload', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceEditorText('# kept while the editor is away\n');
  const graphBefore = await widthOf(page, '.cluster-graph');

  // One key hides the editor: a strip stays, and the graph takes its room.
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('m');
  const strip = page.getByRole('button', { name: 'Show manifests' });
  await expect(strip).toBeVisible();
  await expect(page.getByRole('region', { name: 'Manifests' })).toBeHidden();
  await expect.poll(() => widthOf(page, '.cluster-graph')).toBeGreaterThan(graphBefore + 150);

  // The side panel too, by its key; its strip names it.
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Show panels' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();

  // A reload keeps the layout (it is part of the saved workspace).
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
  await page.reload();
  await expect(app.node('Node node-a, Ready')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show manifests' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show panels' })).toBeVisible();

  // The strips open their panes again; the text is as it was.
  await page.getByRole('button', { name: 'Show manifests' }).click();
  await page.getByRole('button', { name: 'Show panels' }).click();
  await expect(page.getByRole('region', { name: 'Manifests' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
  expect(await app.editorText()).toContain('# kept while the editor is away');
});

test('a separator drags to give the graph more room, and the arrow keys move it too', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const separator = page.getByRole('separator', { name: 'Resize the side panel' });
  const before = await widthOf(page, '.cluster-graph');
  const box = await separator.boundingBox();
  if (!box) throw new Error('the separator is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => widthOf(page, '.cluster-graph')).toBeGreaterThan(before + 80);
  const dragged = await widthOf(page, '.cluster-graph');
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => widthOf(page, '.cluster-graph')).toBeLessThan(dragged);
});

test.describe('on a 1024×768 screen', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test('the editor starts as a strip, so the graph has the room', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await expect(page.getByRole('button', { name: 'Show manifests' })).toBeVisible();
    expect(await widthOf(page, '.cluster-graph')).toBeGreaterThan(600);
  });
});
