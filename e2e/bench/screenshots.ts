/**
 * `npm run screenshots`: the README's pictures (public/screenshots/): the main screen, a round
 * mid-beat, a failure drawn, lesson mode, instructor mode and time travel, taken from a production
 * build in headless Debian chromium, so anyone can make them again after the UI changes.
 *   tsx e2e/bench/screenshots.ts <built app folder>   (serves it with vite preview on SCREENSHOTS_PORT)
 *   SCREENSHOTS_ORIGIN=http://127.0.0.1:4180 tsx e2e/bench/screenshots.ts   (an app already served)
 * Each picture starts from a fresh browser context (empty storage) with motion reduced (but the
 * one of a beat), so it is taken at rest and does not depend on what an earlier one did.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { chromium, expect } from '@playwright/test';
import { startPreview } from './preview-server';

const OUT = join(import.meta.dirname, '..', '..', 'public', 'screenshots');
const PORT = Number(process.env['SCREENSHOTS_PORT'] ?? 4180);

async function openPage(
  browser: Browser,
  origin: string,
  path: string,
  width: number,
  height: number,
  reducedMotion: 'reduce' | 'no-preference' = 'reduce',
) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await expect(page.getByRole('button', { name: 'Node node-a, Ready' })).toBeVisible({ timeout: 30_000 });
  return page;
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toContainText('settled', { timeout: 30_000 });
}

/** The union of the cards' boxes on screen. */
async function boxAround(cards: readonly Locator[]) {
  const boxes = await Promise.all(cards.map((card) => card.boundingBox()));
  const left = Math.min(...boxes.map((box) => box?.x ?? Infinity));
  const right = Math.max(...boxes.map((box) => (box ? box.x + box.width : -Infinity)));
  const top = Math.min(...boxes.map((box) => box?.y ?? Infinity));
  const bottom = Math.max(...boxes.map((box) => (box ? box.y + box.height : -Infinity)));
  if (!Number.isFinite(left + right + top + bottom)) throw new Error('a card to frame is not on screen');
  return { x: (left + right) / 2, y: (top + bottom) / 2, width: right - left, height: bottom - top };
}

/** One notch of the mouse wheel zooms React Flow in by about this much. */
const WHEEL_ZOOM = 1.2;

/**
 * Zooms the graph in around the given cards as far as they still fit with room to spare, then
 * drags them to the middle of the graph's column: what a user does with the wheel and the mouse.
 */
async function frameGraphOn(page: Page, cards: readonly Locator[]): Promise<void> {
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('the graph is not on screen');
  for (let notch = 0; notch < 10; notch += 1) {
    const box = await boxAround(cards);
    const room = Math.min((pane.width * 0.9) / box.width, (pane.height * 0.85) / box.height);
    if (room < WHEEL_ZOOM * 1.05) break;
    await page.mouse.move(box.x, box.y);
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(250);
  }
  const box = await boxAround(cards);
  const grab = { x: pane.x + pane.width / 2, y: pane.y + pane.height - 60 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  const shift = { x: pane.x + pane.width / 2 - box.x, y: pane.y + pane.height / 2 - box.y };
  await page.mouse.move(grab.x + shift.x, grab.y + shift.y, { steps: 8 });
  await page.mouse.up();
}

async function save(page: Page, name: string): Promise<void> {
  // With reduced motion a round's beats are listed for a while over the graph; wait them out.
  await expect(page.locator('.beat-panel.is-idle')).toHaveCount(1, { timeout: 20_000 });
  // Let the graph's fit and any eased colour finish before the picture is taken.
  await page.waitForTimeout(600);
  const path = join(OUT, name);
  await page.screenshot({ path });
  process.stdout.write(`${name}: ${Math.round(statSync(path).size / 1024)} KB\n`);
  await page.context().close();
}

/** The main screen at 1280×720: a claim provisioned in the zone its pod was scheduled to. */
async function mainScreen(browser: Browser, origin: string): Promise<void> {
  const page = await openPage(browser, origin, '/', 1280, 720);
  await page.getByLabel('Load an example').selectOption('wffc-two-zones');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pod zone-b-app, Running' })).toBeVisible({
    timeout: 30_000,
  });
  await settled(page);
  await save(page, 'main-screen.png');
}

/** A round told as beats: static binding, caught while the binder binds the claim. */
async function roundMidBeat(browser: Browser, origin: string): Promise<void> {
  const page = await openPage(browser, origin, '/', 1280, 720, 'no-preference');
  await page.getByLabel('Load an example').selectOption('static-binding');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Round beats' })).toContainText('bound claim', {
    timeout: 30_000,
  });
  // Mid-travel: the chip is on its way from the claim to the volume.
  await page.waitForTimeout(500);
  const path = join(OUT, 'round-beat.png');
  await page.screenshot({ path });
  process.stdout.write(`round-beat.png: ${Math.round(statSync(path).size / 1024)} KB\n`);
  await page.context().close();
}

/** Failures drawn: a claim too big for the only volume, and a pod waiting for a ConfigMap. */
const FAILURES_YAML = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: small-pv
spec:
  capacity: { storage: 1Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath: { path: /mnt/small }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: big-claim
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  resources: { requests: { storage: 20Gi } }
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx
      volumeMounts: [{ name: config, mountPath: /etc/web }]
  volumes:
    - name: config
      configMap: { name: web-config }
`;

async function failuresDrawn(browser: Browser, origin: string): Promise<void> {
  const page = await openPage(browser, origin, '/', 1280, 720);
  await page.waitForFunction(() => window.__yamlEditor !== undefined);
  await page.evaluate((text) => window.__yamlEditor?.setValue(text), FAILURES_YAML);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByText('1Gi < 20Gi')).toBeVisible({ timeout: 30_000 });
  await settled(page);
  await save(page, 'failures.png');
}

/** Lesson 3, step 2: one goal ticked, one to go, a hint shown and the goal picture open. */
async function lessonMode(browser: Browser, origin: string): Promise<void> {
  const page = await openPage(browser, origin, '/', 1600, 900);
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 3: Static provisioning: volumes and claims' }).click();
  const lesson = page.getByRole('region', { name: 'Lesson 3: Static provisioning: volumes and claims' });
  await expect(lesson).toContainText('Step 1 of');
  await settled(page);
  // Step 1 done the way a learner would: a guess, then Apply on the manifest the step put in the editor.
  await page.waitForFunction(() => window.__yamlEditor?.getValue().includes('my-app-data-pvc') === true);
  await lesson.getByRole('radio', { name: /my-local-pv, 5Gi/ }).check();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Apply result' })).toContainText('my-app-data-pvc created');
  await lesson.getByRole('button', { name: 'Next step' }).click();
  await expect(lesson).toContainText('Step 2 of');
  await settled(page);
  await lesson.getByRole('button', { name: 'Show a hint' }).click();
  await lesson.getByText('Goal picture', { exact: true }).click();
  await expect(lesson.getByRole('list', { name: 'Goals' })).toContainText('(done)');
  await expect(lesson.getByRole('img', { name: /^Goal picture/ })).toBeVisible();
  // The whole cluster fitted into the graph's column is too small to read: zoom in on the claim
  // and the volume this step is about.
  await frameGraphOn(page, [
    page.getByRole('button', { name: /^Node node-a/ }),
    page.getByRole('button', { name: /^Node node-c/ }),
    page.getByRole('button', { name: /^PersistentVolumeClaim my-application\/my-app-data-pvc/ }),
    page.getByRole('button', { name: /^PersistentVolume big-local-pv/ }),
  ]);
  await save(page, 'lesson-mode.png');
}

/** Presenter view at projector size, large type and high contrast, a demo on its third step. */
async function instructorMode(browser: Browser, origin: string): Promise<void> {
  const page = await openPage(browser, origin, '/?scale=1.5&theme=high-contrast&presenter=1', 1280, 720);
  await page.keyboard.press('d');
  await page.getByRole('button', { name: /^Start demo 1:/ }).click();
  const caption = page.getByRole('region', { name: /^Demo: / });
  await expect(caption).toBeVisible();
  for (const position of [1, 2, 3]) {
    await page.keyboard.press('PageDown');
    await expect(caption).toContainText(`${position} of `, { timeout: 30_000 });
    await expect(caption).not.toContainText('playing', { timeout: 30_000 });
  }
  // The graph fits itself, cards grown with the type: the picture is what the room sees.
  await save(page, 'instructor-mode.png');
}

/**
 * Time travel: a file written, the pod crashed after; the timeline scrubbed back to just after the
 * write, and from there the what-if of deleting the claim, played to its end on both sides.
 */
async function timeTravel(browser: Browser, origin: string): Promise<void> {
  const page = await openPage(browser, origin, '/', 1600, 1080);
  await page.getByLabel('Load an example').selectOption('dynamic-ebs-immediate');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByRole('button', { name: 'Pod ebs-app, Running' }).click();
  await page.getByRole('button', { name: 'Write file' }).click();
  await expect(page.getByRole('status', { name: 'Action result' })).toContainText('wrote /data/notes.txt');
  await settled(page);
  const scrubber = page.getByRole('slider', { name: 'Timeline position' });
  const afterWrite = Number(await scrubber.getAttribute('max'));
  await page.getByRole('button', { name: 'Crash containers' }).click();
  await settled(page);
  await expect(scrubber).not.toHaveAttribute('max', String(afterWrite));
  await scrubber.focus();
  await page.keyboard.press('Home');
  for (let frame = 0; frame < afterWrite; frame += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status', { name: 'Looking at the past' })).toBeVisible();
  await page.getByRole('button', { name: 'PersistentVolumeClaim ebs-claim, Bound' }).click();
  await page.getByRole('button', { name: 'What if it is deleted?' }).click();
  const dialog = page.getByRole('dialog', { name: /What if claim default\/ebs-claim is deleted/ });
  const step = dialog.getByRole('button', { name: 'Step', exact: true });
  // Up to the last round that changed something; how each side ends is said under it either way.
  await expect(dialog).toContainText('Step 0 of 7');
  for (let shown = 1; shown <= 6; shown += 1) {
    await step.click();
    await expect(dialog).toContainText(`Step ${shown} of 7`);
  }
  await save(page, 'time-travel.png');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const given = process.env['SCREENSHOTS_ORIGIN'];
  const outDir = process.argv[2];
  if (!given && !outDir) throw new Error('usage: tsx e2e/bench/screenshots.ts <built app folder>');
  const server = given ? { origin: given, stop: () => undefined } : await startPreview(PORT, outDir ?? '');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  });
  try {
    await mainScreen(browser, server.origin);
    await roundMidBeat(browser, server.origin);
    await failuresDrawn(browser, server.origin);
    await lessonMode(browser, server.origin);
    await instructorMode(browser, server.origin);
    await timeTravel(browser, server.origin);
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
