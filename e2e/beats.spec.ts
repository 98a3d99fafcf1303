import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { Change } from '../src/engine';
import { Cluster, SANDBOX_OPTIONS } from '../src/engine';
import { exampleById } from '../src/ui/examples';
import { beatCaption } from '../src/ui/graph/beats';
import { AppPage } from './app-page';

/** What the beats' status line said, each time it changed, with the narration line and strip then. */
interface Heard {
  readonly status: string;
  readonly narration: string;
  readonly strip: string;
}

/** Starts recording the beats' status line (it is a live region: every change is a new line). */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const heard: { status: string; narration: string; strip: string }[] = [];
    (window as unknown as { __heard: typeof heard }).__heard = heard;
    const note = () => {
      const status = document.querySelector('[role="status"][aria-label="Round beats"]')?.textContent ?? '';
      const narration = document.querySelector('.narration [aria-current="step"]')?.textContent ?? '';
      const strip = document.querySelector('.timeline__where')?.textContent ?? '';
      const last = heard.at(-1);
      if (last?.status !== status || last.narration !== narration || last.strip !== strip)
        heard.push({ status, narration, strip });
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

async function heard(page: Page): Promise<Heard[]> {
  return page.evaluate(() => (window as unknown as { __heard: Heard[] }).__heard);
}

/** The beats heard, in order, each once: "beat 2 of 5, binder: bound claim …" → its parts. */
function beatsHeard(lines: readonly Heard[]) {
  const beats: { index: number; count: number; actor: string; caption: string }[] = [];
  for (const { status } of lines) {
    const match = /^beat (\d+) of (\d+), (.+?): (.*)$/.exec(status);
    if (!match) continue;
    const [, index, count, actor, caption] = match;
    const beat = { index: Number(index), count: Number(count), actor: actor ?? '', caption: caption ?? '' };
    const last = beats.at(-1);
    if (last?.index !== beat.index || last.caption !== beat.caption) beats.push(beat);
  }
  return beats;
}

/** The engine's own story of the example: the changes of each frame an Apply makes, headless. */
function engineFrames(exampleId: string): Change[][] {
  const cluster = new Cluster(SANDBOX_OPTIONS, { journal: true });
  const applied = cluster.apply(exampleById(exampleId)?.yaml ?? '');
  if (!applied.ok) throw new Error(applied.error.message);
  const frames = [cluster.takeJournal()];
  for (let round = 0; round < 20; round += 1) {
    const result = cluster.step();
    frames.push([...result.changes]);
    if (!result.progressed) break;
  }
  return frames;
}

/** A beat per change that writes something (events recording those writes are not beats). */
function toldCaptions(changes: readonly Change[]): string[] {
  const captions = changes
    .filter((change) => !change.repeat && change.action !== 'event')
    .map((change) => beatCaption(change.message));
  // A bind writes claim and volume with one sentence: one beat.
  return captions.filter((caption, index) => caption !== captions[index - 1]);
}

test('an Apply plays each round as beats, in the engine’s order, with their captions', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.panel('Why').click();
  await listen(page);
  await app.loadExample('static-binding');
  await app.apply();
  await expect(app.node('Pod static-web, Running')).toBeVisible();
  const status = page.getByRole('status', { name: 'Round beats' });
  await expect(status).toHaveText('');

  const [applied, bound] = engineFrames('static-binding') as [Change[], Change[]];
  const beats = beatsHeard(await heard(page));
  const appliedBeats = beats.filter((beat) => beat.count === toldCaptions(applied).length);
  const boundBeats = beats.filter((beat) => beat.count === toldCaptions(bound).length);
  expect(appliedBeats.map((beat) => beat.caption)).toEqual(toldCaptions(applied));
  expect(appliedBeats.every((beat) => beat.actor === 'you')).toBe(true);
  // The round that binds: the binder first, the pod Running last, each beat numbered in order.
  expect(boundBeats.map((beat) => beat.caption)).toEqual(toldCaptions(bound));
  expect(boundBeats.map((beat) => beat.index)).toEqual([1, 2, 3, 4, 5]);
  expect(boundBeats.map((beat) => beat.actor)).toEqual([
    'binder',
    'binder',
    'scheduler',
    'kubelet on node-a',
    'kubelet on node-a',
  ]);
  const captions = boundBeats.map((beat) => beat.caption);
  expect(
    captions.findIndex((caption) => caption.startsWith('bound claim static-claim to static-pv')),
  ).toBeLessThan(captions.findIndex((caption) => caption.startsWith('pod static-web is Running on node-a')));

  // While the bind was told, the narration marked its line and the strip counted the beat.
  const atBind = (await heard(page)).filter(({ status }) => status.includes('bound claim static-claim'));
  expect(
    atBind.some(({ narration }) => narration.includes('bound claim default/static-claim to static-pv')),
  ).toBe(true);
  expect(atBind.some(({ strip }) => /beat 2 of 5/.test(strip))).toBe(true);
});

test('the skip key jumps to the end of the round', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('dynamic-ebs-immediate');
  await app.apply();
  const status = page.getByRole('status', { name: 'Round beats' });
  // The round that binds, schedules, attaches and starts the pod (5 beats): skip it early on, when
  // the pod's Running is still two beats or more away.
  await expect(status).toContainText(/^beat [1-3] of 5, /);
  await page.keyboard.press('s');
  await expect(app.node('Pod ebs-app, Running')).toBeVisible({ timeout: 1_000 });
  await expect(status).toHaveText('');

  // The key is listed with the other commands.
  await page.keyboard.press('?');
  await expect(
    page
      .getByRole('dialog', { name: 'Keyboard shortcuts' })
      .getByRole('row', { name: 'Skip to the end of the round' }),
  ).toContainText('S');
});

test('with reduced motion the round ends at once and says what it did', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  const status = page.getByRole('status', { name: 'Round beats' });
  await expect(status).toContainText('5 beats this round');
  await expect(status).toContainText('kubelet on node-a: pod static-web is Running on node-a');
  await expect(app.node('Pod static-web, Running')).toBeVisible({ timeout: 2_000 });
});
