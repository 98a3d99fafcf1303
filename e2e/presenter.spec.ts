import type { Locator } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { contrastOf, horizontalOverflow } from './contrast';

// A projector's resolution; motion reduced so colours are measured at rest.
test.use({ viewport: { width: 1280, height: 720 } });

const DEMO = 'Static binding: smallest fit';

/** Every command the help overlay must list, with one of its keys. */
const COMMANDS: readonly (readonly [string, string])[] = [
  ['Play / pause', 'Space'],
  ['Step forward one round', '.'],
  ['Skip to the end of the round', 'S'],
  ['Step back one frame', ','],
  ['Slower', '['],
  ['Faster', ']'],
  ['Reset the cluster', 'Shift+R'],
  ['Demo: play the next step', 'Page Down'],
  ['Demo: back to where the step began', 'Page Up'],
  ['Leave the demo', 'Esc'],
  ['Choose a demo', 'D'],
  ['Fit the graph to the screen', 'F'],
  ['Focus the manifest editor', 'E'],
  ['Show or hide the manifests', 'M'],
  ['Show or hide the side panel', 'P'],
  ['Presenter view: hide the controls', 'H'],
  ['Larger type', '+'],
  ['Smaller type', '-'],
  ['High contrast', 'C'],
  ['Keyboard shortcuts', '?'],
];

async function expectReadable(what: Locator): Promise<void> {
  await expect(what).toBeVisible();
  // Polled: a status pill eases to its new colour after a change.
  await expect
    .poll(async () => (await contrastOf(what)).ratio, { message: await what.innerText() })
    .toBeGreaterThanOrEqual(7);
  const box = await what.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
}

test('instructor mode: presenter view, key help, and a demo driven by the keyboard alone', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  await app.openAt('/?scale=1.6&theme=high-contrast');
  // The address scaled the UI type: 16px × 1.6.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('25.6px');

  // One key hides the chrome; the graph takes the screen and a strip keeps the way back.
  await page.keyboard.press('h');
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Manifests' })).toBeHidden();
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();
  const presenter = page.getByRole('toolbar', { name: 'Presenter' });
  await expect(presenter.getByRole('button', { name: 'Presenter view' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(presenter.getByRole('button', { name: 'Keys' })).toHaveAttribute('aria-keyshortcuts', '?');

  // `?` lists every command with its keys, in a dialog that keeps focus until Escape.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const [label, key] of COMMANDS)
    await expect(help.getByRole('row', { name: label })).toContainText(key);
  await expect(help.getByRole('row')).toHaveCount(COMMANDS.length + 4); // and a header row per group
  await expectReadable(help.getByRole('row', { name: 'Larger type' }).getByRole('rowheader'));
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
  }
  await page.keyboard.press('h'); // keys of the page behind do nothing while the dialog is open
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Presenter' })).toBeVisible();

  // Choose a demo with the keyboard: D opens the list with the first one focused, Enter starts it.
  await page.keyboard.press('d');
  const picker = page.getByRole('dialog', { name: 'Demos' });
  await expect(picker.getByRole('button', { name: `Start demo 1: ${DEMO}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  const caption = app.demoCaption(DEMO);
  await expect(caption).toContainText('An administrator makes volumes by hand');
  await page.keyboard.press(']');
  await page.keyboard.press(']');

  /** Waits until step `position` has played and the cluster settled. */
  const atStep = async (position: number, narration: string) => {
    await expect(caption).toContainText(`${position} of 5`);
    await expect(caption).not.toContainText('playing');
    await expect(caption).toContainText(narration);
  };

  // Pressed while the demo may still be setting up: the press waits its turn, it is not lost.
  await page.keyboard.press('PageDown');
  await atStep(1, 'three volumes by hand');
  for (const size of ['1gi', '5gi', '20gi'])
    await expect(app.node(`PersistentVolume pv-${size}, Available`)).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await atStep(2, 'the smallest wins: pv-5gi');
  await expect(app.node('PersistentVolumeClaim web-data, Bound')).toBeVisible();
  await expect(app.node('PersistentVolume pv-5gi, Bound')).toBeVisible();
  await expect(app.node('PersistentVolume pv-20gi, Available')).toBeVisible();

  await page.keyboard.press('PageDown');
  await atStep(3, 'A pod names the claim');
  await expect(app.node('Pod web, Running')).toBeVisible();

  // Back: the cluster is as it was where step 3 began, without the pod; forward plays it again.
  await page.keyboard.press('PageUp');
  await atStep(2, 'the smallest wins');
  await expect(app.node(/^Pod web/)).toHaveCount(0);
  await expect(app.node('PersistentVolumeClaim web-data, Bound')).toBeVisible();
  await page.keyboard.press('PageDown');
  await atStep(3, 'A pod names the claim');
  await expect(app.node('Pod web, Running')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await atStep(4, 'finds nothing big enough');
  await expect(app.node('PersistentVolumeClaim archive, Pending')).toBeVisible();

  await page.keyboard.press('PageDown');
  await atStep(5, 'adds a 64Gi volume');
  await expect(caption).toContainText('the end');
  await expect(app.node('PersistentVolumeClaim archive, Bound')).toBeVisible();
  await expect(app.node('PersistentVolume pv-64gi, Bound')).toBeVisible();
  // At the end, next does nothing.
  await expect(caption.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.keyboard.press('PageDown');
  await expect(caption).toContainText('5 of 5');

  // Readable from the back of the room: 7:1 or better, and nothing past the right edge.
  expect(await horizontalOverflow(page)).toBe(0);
  const claim = app.node('PersistentVolumeClaim archive, Bound');
  for (const text of [
    caption.getByText('The administrator adds a'),
    caption.getByRole('heading', { name: DEMO }),
    caption.getByText('5 of 5'),
    caption.getByRole('button', { name: 'Previous' }),
    caption.getByRole('button', { name: 'Next' }),
    presenter.getByRole('button', { name: 'Demos' }),
    presenter.getByText('for keys'),
    claim.getByText('archive', { exact: true }),
    claim.getByText('PVC', { exact: true }),
    claim.getByText('Bound', { exact: true }),
    claim.getByText(/^wants 50Gi/),
    app.node('PersistentVolume pv-1gi, Available').getByText('Available', { exact: true }),
    app.node('Pod web, Running').getByText('Running', { exact: true }),
    app.node('Node node-c, Ready').getByText('Ready', { exact: true }),
    page.getByText('Volumes (PV)', { exact: true }),
    page.getByText('zone-b', { exact: true }),
    page.getByText('Claims (PVC)', { exact: true }),
  ])
    await expectReadable(text);

  // Escape leaves the demo; the cluster stays as it is.
  await page.keyboard.press('Escape');
  await expect(caption).toBeHidden();
  await expect(app.node('PersistentVolume pv-64gi, Bound')).toBeVisible();
});

test('type scale reaches the editor and the graph; keys typed in the editor stay in the editor', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.openAt('/?scale=1.6&presenter=1&theme=nonsense');
  await expect(page.getByRole('toolbar', { name: 'Presenter' })).toBeVisible();
  // The bad theme was ignored.
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('default');

  // E brings the controls back and puts the caret in the editor.
  await page.keyboard.press('e');
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
  await app.editorText();
  const sizes = await page.evaluate(() => {
    const px = (selector: string) =>
      parseFloat(getComputedStyle(document.querySelector(selector) ?? document.body).fontSize);
    return { ui: px('html'), editor: px('.monaco-editor .view-lines'), graph: px('.resource-node__name') };
  });
  // Defaults: 16px UI, 14px editor, 13px card names; all × 1.6 (the editor in whole pixels).
  expect(sizes.ui / 16).toBeCloseTo(1.6, 2);
  expect(Math.abs(sizes.editor - 14 * 1.6)).toBeLessThan(1);
  expect(sizes.graph / 13).toBeCloseTo(1.6, 2);

  await page.evaluate(() =>
    window.__yamlEditor?.updateOptions({ quickSuggestions: false, suggestOnTriggerCharacters: false }),
  );
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null))
    .toBe(true);
  await page.keyboard.type('h?c ');
  expect(await app.editorText()).toContain('h?c ');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('default');

  // Out of the editor, the same keys are commands again: smaller type, from the toolbar's button.
  await page.getByRole('button', { name: 'Keys' }).focus();
  await page.keyboard.press('-');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
});
