/**
 * The graph is readable as a newcomer first sees it: every built-in example, applied at 1280×720
 * and fitted, draws its card text at 11 CSS px or more, and no card overlaps another. (The
 * 500-object stress example is for speed: fitted, it is tiles by design.)
 */
import { expect, test } from '@playwright/test';
import { EXAMPLES } from '../src/ui/examples';
import { AppPage } from './app-page';
import { measureGraphGeometry } from './bench/graph-geometry';

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

for (const example of EXAMPLES.filter((candidate) => candidate.id !== 'stress-500')) {
  test(`example ${example.id} at 1280×720: card text ≥ 11px, no overlaps`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.loadExample(example.id);
    await app.apply();
    await app.settled();
    // The view eases to the new layout; measure once it has arrived.
    await expect
      .poll(async () => (await measureGraphGeometry(page)).smallestTextPx, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(11);
    const geometry = await measureGraphGeometry(page);
    expect(geometry.cards).toBeGreaterThan(3);
    expect(geometry.overlaps).toBe(0);
  });
}
