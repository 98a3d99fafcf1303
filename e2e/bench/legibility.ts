/**
 * `npm run legibility`: for every built-in example and every lesson's starting cluster, at
 * 1024×768, 1280×720 and 1600×900, the graph fitted as the app shows it: the smallest card text
 * as rendered (px), card overlaps, edge crossings and edges through cards. A production build in
 * headless Debian chromium, motion reduced, each case in a fresh browser context.
 *   tsx e2e/bench/legibility.ts [--shots DIR] [--only SUBSTRING] [--origin URL]
 * `--shots` also saves a picture of each case, to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { chromium, expect } from '@playwright/test';
import { startPreview } from './preview-server';
import { EXAMPLES } from '../../src/ui/examples';
import { LESSONS } from '../../src/lessons';
import type { GraphGeometry } from './graph-geometry';
import { measureGraphGeometry } from './graph-geometry';

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1600, height: 900 },
] as const;
const PORT = Number(process.env['LEGIBILITY_PORT'] ?? 4181);

interface Case {
  readonly name: string;
  readonly prepare: (page: Page) => Promise<void>;
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toContainText('settled', { timeout: 30_000 });
}

const CASES: readonly Case[] = [
  ...EXAMPLES.map((example): Case => ({
    name: `example ${example.id}`,
    prepare: async (page) => {
      await page.getByLabel('Load an example').selectOption(example.id);
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await expect(page.getByRole('status', { name: 'Apply result' })).toBeVisible({ timeout: 30_000 });
      await settled(page);
    },
  })),
  ...LESSONS.map((lesson): Case => ({
    name: `lesson ${lesson.number} start`,
    prepare: async (page) => {
      await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
      await page
        .getByRole('button', {
          name: `Start lesson ${lesson.number}: ${lesson.title}`,
        })
        .click();
      await expect(
        page.getByRole('region', {
          name: `Lesson ${lesson.number}: ${lesson.title}`,
        }),
      ).toContainText('Step 1 of', { timeout: 30_000 });
      await settled(page);
    },
  })),
];

async function measureCase(
  browser: Browser,
  origin: string,
  item: Case,
  viewport: (typeof VIEWPORTS)[number],
  shots: string | undefined,
): Promise<GraphGeometry> {
  const context = await browser.newContext({
    viewport,
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    await page.goto(origin);
    await expect(page.getByRole('button', { name: 'Node node-a, Ready' })).toBeVisible({ timeout: 30_000 });
    // On a narrow window the editor starts as a strip: open it to load the example, and close it
    // again after, as a user there would.
    const strip = page.getByRole('button', { name: 'Show manifests' });
    const collapsed = await strip.isVisible();
    if (collapsed && item.name.startsWith('example')) await strip.click();
    await item.prepare(page);
    if (collapsed && item.name.startsWith('example')) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('m');
      await expect(strip).toBeVisible();
    }
    // The view eases to what changed; let it arrive.
    await page.waitForTimeout(900);
    if (shots) {
      const file = `${item.name.replace(/[^a-z0-9]+/gi, '-')}-${viewport.width}x${viewport.height}.png`;
      await page.screenshot({ path: join(shots, file) });
    }
    return await measureGraphGeometry(page);
  } finally {
    await context.close();
  }
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const shots = option('--shots');
  const only = option('--only');
  if (shots) mkdirSync(shots, { recursive: true });
  const given = option('--origin');
  const server = given ? { origin: given, stop: () => undefined } : await startPreview(PORT);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  });
  const header = [
    'case',
    'viewport',
    'cards',
    'zoom',
    'smallest text px',
    'overlaps',
    'crossings',
    'edges through cards',
  ];
  process.stdout.write(`${header.join('\t')}\n`);
  try {
    for (const item of CASES.filter((candidate) => !only || candidate.name.includes(only))) {
      for (const viewport of VIEWPORTS) {
        const figures = await measureCase(browser, server.origin, item, viewport, shots);
        const row = [
          item.name,
          `${viewport.width}x${viewport.height}`,
          figures.cards,
          figures.zoom,
          figures.smallestTextPx,
          figures.overlaps,
          figures.crossings,
          figures.edgesThroughCards,
        ];
        process.stdout.write(`${row.join('\t')}\n`);
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
