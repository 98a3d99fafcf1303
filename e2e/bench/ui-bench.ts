/**
 * `npm run bench:ui`: the app's speed in headless Debian chromium, against the production build.
 * Prints figures; asserts nothing (goals are stated next to each figure).
 *  - JS needed before first paint (gzip) and time until the graph is visible;
 *  - apply-to-graph latency with ~200 objects on screen (p50/p95 of 30 applies);
 *  - frames per second with ~400 graph nodes while rounds animate, against bare React Flow;
 *  - the stress example (500 objects): pan and zoom frame rate fitted to the view and zoomed in to
 *    1×, against bare React Flow; inspector latency; a jump across the whole timeline.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { stressYaml } from '../../src/ui/examples/stress';

const PORT = 4175;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = join(import.meta.dirname, '..', '..', 'dist');

async function startPreview(): Promise<() => void> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(ORIGIN)).ok) {
        return () => {
          if (server.exitCode === null) process.kill(-(server.pid ?? 0));
        };
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('vite preview did not start');
}

async function openApp(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(ORIGIN);
  await page.getByRole('toolbar', { name: 'Playback' }).getByText('settled').waitFor();
  await page.waitForFunction(() => window.__yamlEditor !== undefined);
  return page;
}

async function applyText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => window.__yamlEditor?.setValue(value), text);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

async function waitSettled(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Playback' }).getByText('settled').waitFor({ timeout: 120_000 });
}

async function firstPaint(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(ORIGIN);
  const graphVisibleMs = Number(
    await (
      await page.waitForFunction(
        () => document.querySelector('[aria-label^="Node node-a"]') && performance.now(),
        undefined,
        {
          polling: 'raf',
        },
      )
    ).jsonValue(),
  );
  const { fcp, scripts } = await page.evaluate(() => {
    const paint = performance
      .getEntriesByType('paint')
      .find((entry) => entry.name === 'first-contentful-paint');
    const fcpTime = paint?.startTime ?? Infinity;
    const loaded = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < fcpTime && /\.js(\?|$)/.test(entry.name))
      .map((entry) => new URL(entry.name).pathname);
    return { fcp: fcpTime, scripts: loaded };
  });
  // What the page needs before it can paint: the entry script and the modules it preloads. Lazy
  // chunks (Monaco, ELK) and workers are listed separately with when they were fetched.
  const entry = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [
    ...new Set([...entry.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '')),
  ];
  const fetchedBeforePaint = scripts.filter((script) => !files.includes(script));
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).length, 0);
  await page.close();
  return { fcpMs: fcp, graphVisibleMs, gzipKb: gzipBytes / 1024, files, fetchedBeforePaint };
}

async function applyLatency(browser: Browser) {
  const page = await openApp(browser);
  await applyText(page, stressYaml(66, 'base'));
  await page.getByRole('button', { name: 'Pod base-pod-65, Running' }).waitFor({ timeout: 120_000 });
  await waitSettled(page);
  const objects = await page
    .getByRole('button', { name: /^(Pod|PersistentVolumeClaim|PersistentVolume) / })
    .count();
  const samples: number[] = [];
  for (let index = 0; index < 30; index += 1) {
    const name = `bench-pv-${index}`;
    await page.evaluate(
      (value) => window.__yamlEditor?.setValue(value),
      `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/bench/${index}}\n`,
    );
    const elapsed = await page.evaluate(
      (volume) =>
        new Promise<number>((resolve) => {
          const selector = `[aria-label^="PersistentVolume ${volume},"]`;
          const apply = [...document.querySelectorAll('button')].find(
            (button) => button.textContent === 'Apply',
          );
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector)) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          apply?.click();
        }),
      name,
    );
    samples.push(elapsed);
    await page.getByRole('button', { name: `PersistentVolume ${name}, Available` }).waitFor();
    await waitSettled(page);
  }
  await page.close();
  return { objects, ...percentiles(samples) };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

/**
 * Frames per second over `ms`, counted with requestAnimationFrame inside the page. Written as a
 * string: the TypeScript runner would otherwise wrap named functions in helpers the page lacks.
 */
const FPS_SCRIPT = `(duration) => new Promise((resolve) => {
  const times = [];
  const start = performance.now();
  const tick = (now) => {
    times.push(now);
    if (now - start < duration) { requestAnimationFrame(tick); return; }
    const gaps = times.slice(1).map((time, index) => time - times[index]).sort((a, b) => a - b);
    resolve({ fps: (times.length - 1) / ((now - times[0]) / 1000), p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] || 0 });
  };
  requestAnimationFrame(tick);
})`;

async function measureFps(page: Page, ms: number): Promise<{ fps: number; p95FrameMs: number }> {
  return page.evaluate(`(${FPS_SCRIPT})(${ms})`);
}

async function animationFps(browser: Browser, groups: number) {
  const page = await openApp(browser);
  await page.getByRole('combobox', { name: 'Rounds per second' }).selectOption('2');
  await applyText(page, stressYaml(groups, 'anim'));
  await page
    .getByRole('button', { name: `Pod anim-pod-${groups - 1}, Running` })
    .waitFor({ timeout: 120_000 });
  await waitSettled(page);
  const nodes = await page.locator('.react-flow__node').count();
  // A round that animates a large part of the graph: 30 pods go, their claims' protection lifts.
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill(
    `kubectl delete pod ${Array.from({ length: 30 }, (_, index) => `anim-pod-${index}`).join(' ')}`,
  );
  await input.press('Enter');
  const during = await measureFps(page, 4000);
  await page.close();
  const bare = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await bare.goto(`${ORIGIN}/src/ui/bench/bare-flow.html?nodes=${nodes}&changed=30`);
  await bare.locator('.react-flow__node').first().waitFor();
  const baseline = await measureFps(bare, 4000);
  await bare.close();
  return { nodes, app: during, bare: baseline, ratio: during.fps / baseline.fps };
}

/** Waits until `predicate` holds for the page's DOM, and says how long it took. */
async function timeUntil(page: Page, script: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    const check = () => { if (${script}) { resolve(performance.now() - start); return true; } return false; };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  })`);
}

/** Pans and zooms with the mouse for three seconds while counting frames. */
async function panAndZoomFps(page: Page): Promise<{ fps: number; p95FrameMs: number }> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no graph pane');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const counting = measureFps(page, 3000);
  const until = Date.now() + 3000;
  for (let step = 0; Date.now() < until; step += 1) {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + 60 * Math.sin(step), centre.y + 40 * Math.cos(step), { steps: 4 });
    await page.mouse.up();
    await page.mouse.wheel(0, step % 2 === 0 ? 120 : -120);
  }
  return counting;
}

/** Zooms in with the wheel over the graph until the zoom is at least `zoom`; returns the zoom reached. */
async function zoomInTo(page: Page, zoom: number): Promise<number> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no graph pane');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const current = async () =>
    Number(
      /scale\(([\d.]+)\)/.exec(
        await page
          .locator('.react-flow__viewport')
          .evaluate((element) => (element as HTMLElement).style.transform),
      )?.[1] ?? 0,
    );
  for (let turn = 0; turn < 40 && (await current()) < zoom; turn += 1) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(600);
  return current();
}

/** The stress example (500 objects): pan and zoom frame rate, and a jump across the whole timeline. */
async function bigCluster(browser: Browser, groups: number) {
  const page = await openApp(browser);
  await page.getByRole('combobox', { name: 'Rounds per second' }).selectOption('8');
  await applyText(page, stressYaml(groups, 'big'));
  await page
    .getByRole('button', { name: `Pod big-pod-${groups - 1}, Running` })
    .waitFor({ timeout: 180_000 });
  await waitSettled(page);
  const nodes = await page.locator('.react-flow__node').count();
  const panZoom = await panAndZoomFps(page);
  const closeZoom = await zoomInTo(page, 1);
  const closePanZoom = await panAndZoomFps(page);

  // The inspector: click a card, time until its details show.
  const card = page.getByRole('button', { name: `Pod big-pod-0, Running` });
  // Cards may be outside the view after panning: select by keyboard, as the graph allows.
  await card.focus();
  const inspectorStart = Date.now();
  await page.keyboard.press('Enter');
  await page.getByRole('tabpanel').getByText('big-pod-0').first().waitFor();
  const inspectorMs = Date.now() - inspectorStart;
  // Jump to the first frame (before the apply) and back to the newest one.
  const scrubber = page.getByRole('slider', { name: 'Timeline position' });
  await scrubber.focus();
  const gone = timeUntil(page, `!document.querySelector('[aria-label^="Pod big-pod-0,"]')`);
  await page.keyboard.press('Home');
  const seekBackMs = await gone;
  const back = timeUntil(page, `!!document.querySelector('[aria-label^="Pod big-pod-0,"]')`);
  await page.keyboard.press('End');
  const seekForwardMs = await back;
  await page.close();
  const bare = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await bare.goto(`${ORIGIN}/src/ui/bench/bare-flow.html?nodes=${nodes}&changed=0`);
  await bare.locator('.react-flow__node').first().waitFor();
  const barePanZoom = await panAndZoomFps(bare);
  await zoomInTo(bare, 1);
  const bareClosePanZoom = await panAndZoomFps(bare);
  await bare.close();
  return {
    nodes,
    panZoom,
    barePanZoom,
    closeZoom,
    closePanZoom,
    bareClosePanZoom,
    inspectorMs,
    seekBackMs,
    seekForwardMs,
  };
}

const stop = await startPreview();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  const paint = await firstPaint(browser);
  process.stdout.write(
    `first paint: JS before first paint ${paint.gzipKb.toFixed(0)} KB gzip (goal <= 300) in ${paint.files.length} file(s) (also fetched before paint: ${paint.fetchedBeforePaint.join(', ') || 'nothing'}); first contentful paint ${paint.fcpMs.toFixed(0)} ms; graph visible ${paint.graphVisibleMs.toFixed(0)} ms after navigation (goal <= 1000)\n`,
  );
  const latency = await applyLatency(browser);
  process.stdout.write(
    `apply-to-graph with ${latency.objects} objects on screen: p50 ${latency.p50.toFixed(0)} ms, p95 ${latency.p95.toFixed(0)} ms (goal <= 100), max ${latency.max.toFixed(0)} ms over 30 applies\n`,
  );
  const animation = await animationFps(browser, 100);
  process.stdout.write(
    `animation with ${animation.nodes} graph nodes while rounds animate: ${animation.app.fps.toFixed(1)} fps (goal >= 50), p95 frame ${animation.app.p95FrameMs.toFixed(1)} ms; bare React Flow, same size: ${animation.bare.fps.toFixed(1)} fps; ratio ${animation.ratio.toFixed(2)} (goal >= 0.9)\n`,
  );
  const big = await bigCluster(browser, 166);
  process.stdout.write(
    `stress example, ${big.nodes} graph nodes: pan and zoom ${big.panZoom.fps.toFixed(1)} fps (goal >= 50), p95 frame ${big.panZoom.p95FrameMs.toFixed(1)} ms (bare React Flow, same size and moves: ${big.barePanZoom.fps.toFixed(1)} fps); zoomed in to ${big.closeZoom.toFixed(2)}: ${big.closePanZoom.fps.toFixed(1)} fps, p95 frame ${big.closePanZoom.p95FrameMs.toFixed(1)} ms (bare React Flow: ${big.bareClosePanZoom.fps.toFixed(1)} fps); inspector opens in ${big.inspectorMs} ms; timeline jump to the start ${big.seekBackMs.toFixed(0)} ms, back to the newest frame ${big.seekForwardMs.toFixed(0)} ms\n`,
  );
} finally {
  await browser.close();
  stop();
}
