import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { stressYaml } from '../src/ui/examples/stress';

test('loading an example and applying it binds the claim to its volume in the graph', async ({
  page,
}, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  await expect(app.applyResult('status')).toContainText('persistentvolumeclaim/static-claim created');
  await expect(app.node('PersistentVolumeClaim static-claim, Bound')).toBeVisible();
  await expect(app.node('PersistentVolume static-pv, Bound')).toBeVisible();
  await expect(app.node('Pod static-web, Running')).toBeVisible();
  // The why panel narrates the binding with its rule.
  await app.panel('Why').click();
  await app.page.getByRole('button', { name: 'Step' }).click();
  await testInfo.attach('main screen', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});

test('a refused manifest is marked at its line, explained, and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  await expect(app.node('PersistentVolumeClaim static-claim, Bound')).toBeVisible();
  const volumes = await page.getByRole('button', { name: /^PersistentVolume / }).count();

  const text = await app.editorText();
  await app.replaceEditorText(text.replace('storage: 3Gi', 'storage: 3Gi\n  volumeMode: Sideways'));
  await app.apply();
  const alert = app.applyResult('alert');
  await expect(alert).toContainText('spec.volumeMode: Unsupported value: "Sideways"');
  await expect(alert).toContainText('Line ');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  // Nothing changed: the claim is still the bound one, and no volume came or went.
  await expect(app.node('PersistentVolumeClaim static-claim, Bound')).toBeVisible();
  await expect(page.getByRole('button', { name: /^PersistentVolume / })).toHaveCount(volumes);
});

test('deleting claims: Retain leaves the volume Released, Delete takes it away', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('retain-vs-delete');
  await app.apply();
  await expect(app.node('PersistentVolumeClaim keep-claim, Bound')).toBeVisible();
  await expect(app.node('PersistentVolumeClaim scratch-claim, Bound')).toBeVisible();
  await expect(page.getByRole('button', { name: /^PersistentVolume pvc-.*, Bound$/ })).toHaveCount(2);

  await app.node('PersistentVolumeClaim keep-claim, Bound').click();
  await page.getByRole('button', { name: 'Delete PersistentVolumeClaim keep-claim' }).click();
  await expect(page.getByRole('button', { name: /^PersistentVolume pvc-.*, Released$/ })).toHaveCount(1);

  await app.node('PersistentVolumeClaim scratch-claim, Bound').click();
  await page.getByRole('button', { name: 'Delete PersistentVolumeClaim scratch-claim' }).click();
  await expect(app.node(/^PersistentVolumeClaim scratch-claim/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^PersistentVolume pvc-/ })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^PersistentVolume pvc-.*, Released$/ })).toHaveCount(1);
});

test('kubectl in the terminal answers with kubectl tables and errors', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  await expect(app.node('PersistentVolume static-pv, Bound')).toBeVisible();
  const log = await app.kubectl('kubectl get pv');
  await expect(log).toContainText(/NAME\s+CAPACITY\s+ACCESS MODES\s+RECLAIM POLICY\s+STATUS\s+CLAIM/);
  await expect(log).toContainText(/static-pv\s+10Gi\s+RWO\s+Retain\s+Bound\s+default\/static-claim\s+manual/);
  await app.kubectl('kubectl frobnicate');
  await expect(log).toContainText('error: unknown command "frobnicate" for "kubectl"');
});

test('typing in the editor keeps spaces and Ctrl+Enter applies', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editorText();
  await page.evaluate(() =>
    window.__yamlEditor?.updateOptions({
      quickSuggestions: false,
      suggestOnTriggerCharacters: false,
      autoIndent: 'none',
    }),
  );
  await page.evaluate(() => window.__yamlEditor?.focus());
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: typed config'];
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
    }
    await page.keyboard.type(line);
  }
  expect(await app.editorText()).toBe(lines.join('\n'));
  await page.keyboard.press('Control+Enter');
  // A space inside a name is refused by validation: proof the space arrived and Ctrl+Enter applied.
  await expect(app.applyResult('alert')).toContainText('metadata.name: Invalid value: "typed config"');
});

test('the graph is keyboard-operable: focus a card, Enter selects it and opens the inspector', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  const claim = app.node('PersistentVolumeClaim static-claim, Bound');
  await expect(claim).toBeVisible();
  await claim.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('region', { name: 'Inspector: PersistentVolumeClaim static-claim' }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Why Pending?' }).click();
  await expect(page.getByRole('table', { name: 'Volumes checked against claim static-claim' })).toBeVisible();
});

test("the inspector lists what a pod uses; its claim's link selects the claim, which lists the pod as a user", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  const pod = app.node('Pod static-web, Running');
  await expect(pod).toBeVisible();
  await pod.click();
  await expect(page.getByRole('region', { name: 'Inspector: Pod static-web' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Uses', exact: true })).toContainText(
    'mounts PVC static-claim',
  );
  await app.relationLink('Uses', 'PVC static-claim').click();
  await expect(
    page.getByRole('region', { name: 'Inspector: PersistentVolumeClaim static-claim' }),
  ).toBeVisible();
  await expect(app.node('PersistentVolumeClaim static-claim, Bound')).toHaveClass(/\bselected\b/);
  await expect(app.relationLink('Used by', 'Pod static-web')).toBeVisible();
});

test('zoomed out on a big cluster, cards become tiles in their status colour; zooming in brings the text back where you look', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceEditorText(stressYaml(30, 'lod'));
  await app.apply();
  const pod = app.node('Pod lod-pod-29, Running');
  await expect(pod).toBeAttached({ timeout: 60_000 });
  await app.settled();
  const cards = page.locator('.resource-node');
  const tiles = page.locator('.resource-node.is-tile');
  // Fitted to the pane, 90 objects are far too small to read: every card is a tile, no text drawn.
  await expect(tiles).toHaveCount(await cards.count());
  await expect(page.locator('.resource-node__name')).toHaveCount(0);
  await expect(page.locator('.edge-label')).toHaveCount(0);
  // Every line is drawn at tiles: the whole shape of the cluster is what this view is for.
  const edges = page.locator('.react-flow__edge');
  const drawnLines = page.locator('.react-flow__edge path.relation-edge');
  expect(await drawnLines.count()).toBe(await edges.count());
  const tileHeight = await pod.evaluate((element) => (element as HTMLElement).offsetHeight);
  // Still one button per object, named for screen readers.
  await pod.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector: Pod lod-pod-29' })).toBeVisible();
  // The selected tile's ring is thick enough to see at a tenth of its size.
  await expect(pod.locator('.resource-node')).toHaveCSS('box-shadow', /16px$/);

  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  const names = page.locator('.resource-node__name');
  // Zoom in until cards show their text and some cards are far enough off the view to stay tiles.
  for (
    let press = 0;
    press < 15 && ((await names.count()) === 0 || (await tiles.count()) === 0);
    press += 1
  ) {
    await zoomIn.click();
  }
  await expect(names.first()).toBeVisible();
  expect(await tiles.count()).toBeGreaterThan(0);
  expect(await tiles.count()).toBeLessThan(await cards.count());
  // Zoomed in, a line whose two cards are both far from the view is not drawn; lines near it are.
  expect(await drawnLines.count()).toBeGreaterThan(0);
  expect(await drawnLines.count()).toBeLessThan(await edges.count());
  const podLines = page.locator('[aria-label^="Edge from Pod/default/lod-pod-29 "] path.relation-edge');
  await expect(podLines).toHaveCount(0);
  // Reaching a far card from the keyboard brings it into view, as a card. (React Flow pans to a
  // node on keyboard focus only; a key press first makes the focus count as keyboard focus.)
  await expect(pod.locator('.resource-node')).toHaveClass(/is-tile/);
  await page.keyboard.press('Shift');
  await pod.focus();
  await expect(pod.locator('.resource-node__name')).toHaveText('lod-pod-29');
  await expect(pod.locator('.resource-node')).not.toHaveClass(/is-tile/);
  await expect(podLines.first()).toBeAttached();
  expect(await pod.evaluate((element) => (element as HTMLElement).offsetHeight)).toBe(tileHeight);
});
