import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('scrub back to before the claim bound, step forward, and branch from the past', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('static-binding');
  await app.apply();
  await expect(app.node('PersistentVolumeClaim static-claim, Bound')).toBeVisible();
  await app.settled();
  const head = Number(await app.scrubber().getAttribute('max'));
  expect(head).toBeGreaterThanOrEqual(3);

  // The keyboard drives the scrubber: Home is the fresh cluster, one step right the apply.
  await app.scrubber().focus();
  await page.keyboard.press('Home');
  await expect(app.scrubber()).toHaveAttribute('aria-valuetext', `Round 0, frame 0 of ${head}`);
  await page.keyboard.press('ArrowRight');
  await expect(app.scrubber()).toHaveAttribute('aria-valuetext', `Round 0, frame 1 of ${head}`);
  await expect(app.node('PersistentVolumeClaim static-claim, Pending')).toBeVisible();
  await expect(app.node('Pod static-web, Pending')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Looking at the past' })).toContainText(
    'the past. A change made here starts a new branch: later frames are dropped.',
  );

  // The narration tells the story up to this moment: the apply, and no round after it.
  await app.panel('Why').click();
  const why = page.getByRole('region', { name: 'What happened and why' });
  await expect(why.getByRole('article').first()).toHaveAccessibleName(
    /^You: persistentvolume\/static-pv created/,
  );
  await expect(why.getByRole('article', { name: 'Round 1' })).toHaveCount(0);

  // Forward walks the recorded frames: the claim binds, as it did.
  await app.timeline().getByRole('button', { name: 'Forward one frame' }).click();
  await expect(app.node('PersistentVolumeClaim static-claim, Bound')).toBeVisible();
  await expect(why.getByRole('article').first()).toHaveAccessibleName('Round 1');
  await expect(why).toContainText('bound claim default/static-claim to static-pv');

  // A change made in the past starts a new branch, and the strip says so.
  await app.timeline().getByRole('button', { name: 'Back one frame' }).click();
  await expect(app.node('Pod static-web, Pending')).toBeVisible();
  await app.node('Pod static-web, Pending').click();
  await page.getByRole('button', { name: 'Delete Pod static-web' }).click();
  const branched = page.getByRole('status', { name: 'Timeline branched' });
  await expect(branched).toContainText(
    `You changed the past: the timeline now continues from round 0, frame 1. ${head - 1} later frames were dropped.`,
  );
  await expect(page.getByRole('status', { name: 'Looking at the past' })).toHaveCount(0);
  await expect(app.scrubber()).toHaveAttribute('max', '2');
  await branched.getByRole('button', { name: 'Dismiss' }).click();
  await expect(branched).toHaveCount(0);
});

test('dragging the scrubber lands on the last position, and back to live returns', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('dynamic-ebs-immediate');
  await app.apply();
  await expect(app.node('Pod ebs-app, Running')).toBeVisible();
  await app.settled();
  const head = Number(await app.scrubber().getAttribute('max'));
  await app.node('Pod ebs-app, Running').click();
  const inspector = page.getByRole('region', { name: 'Inspector: Pod ebs-app' });
  await expect(inspector).toContainText('phase: Running');
  // Many positions in quick succession, as a drag makes them: only the last one counts.
  for (const seq of [head, head - 1, 3, 2, 1, 2]) await app.scrubber().fill(String(seq));
  await expect(app.timeline()).toContainText(`frame 2 of ${head}`);
  await expect(app.node('Pod ebs-app, Pending')).toBeVisible();
  // The inspector reads the object as it was then.
  await expect(inspector).toContainText('phase: Pending');
  await app.timeline().getByRole('button', { name: 'Back to live' }).click();
  await expect(app.timeline()).toContainText(`frame ${head} of ${head} · live`);
  await expect(app.node('Pod ebs-app, Running')).toBeVisible();
});

test('an event in the Events panel jumps to the frame where it first happened', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('dynamic-ebs-immediate');
  await app.apply();
  await expect(app.node('Pod ebs-app, Running')).toBeVisible();
  await app.settled();
  await app.panel('Events').click();
  await page
    .getByRole('button', { name: 'Go to when FailedScheduling on pod/ebs-app first happened' })
    .click();
  // Then the pod could not be scheduled yet: its claim was still being provisioned.
  await expect(page.getByRole('status', { name: 'Looking at the past' })).toBeVisible();
  await expect(app.node('Pod ebs-app, Pending')).toBeVisible();
  const events = page.getByRole('table', { name: 'Events' });
  await expect(events.getByRole('row', { name: /FailedScheduling/ })).toBeVisible();
  await expect(events.getByRole('row', { name: /Started/ })).toHaveCount(0);
  // The moments list offers the same moment, marked as the current one.
  await app
    .timeline()
    .getByText(/^Moments/)
    .click();
  await expect(app.timeline().getByRole('button', { name: /FailedScheduling/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
});

test('the lesson goal checklist shows the sought moment', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 1: Why pods lose data' }).click();
  const lesson = page.getByRole('region', { name: 'Lesson 1: Why pods lose data' });
  await lesson.getByRole('button', { name: 'Show solution' }).click();
  const goals = lesson.getByRole('list', { name: 'Goals' });
  // The crash is the solution's last intent: once it is done, nothing more is played.
  await expect(goals).toContainText('The pod notebook is Running again after the crash (done)');
  await expect(goals).toContainText('/tmp/todo.txt is gone (done)');
  await app.settled();
  await app.scrubber().focus();
  await page.keyboard.press('Home');
  await expect(goals).toContainText('/tmp/todo.txt is gone (not yet)');
  await app.timeline().getByRole('button', { name: 'Back to live' }).click();
  await expect(goals).toContainText('/tmp/todo.txt is gone (done)');
});

test('what if a bound claim is deleted: Retain keeps the volume and its files, Delete removes them', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('dynamic-ebs-immediate');
  await app.apply();
  await app.node('Pod ebs-app, Running').click();
  await page.getByRole('button', { name: 'Write file' }).click();
  await expect(page.getByRole('status', { name: 'Action result' })).toContainText('wrote /data/notes.txt');
  await app.settled();
  const head = await app.scrubber().getAttribute('max');

  await app.node('PersistentVolumeClaim ebs-claim, Bound').click();
  await page.getByRole('button', { name: 'What if it is deleted?' }).click();
  const dialog = page.getByRole('dialog', { name: /What if claim default\/ebs-claim is deleted/ });
  await expect(dialog).toContainText('deletes the pod that mounts the claim (ebs-app)');
  await expect(dialog).toContainText('protection keeps the claim Terminating');
  const retain = dialog.getByRole('region', { name: 'Retain' });
  const remove = dialog.getByRole('region', { name: 'Delete' });
  await expect(retain.getByRole('img', { name: /^PersistentVolume pvc-.*, Bound$/ })).toBeVisible();

  // Step both sides together to the end.
  const step = dialog.getByRole('button', { name: 'Step', exact: true });
  while (await step.isEnabled()) await step.click();
  await expect(dialog).toContainText('settled');
  await expect(retain.getByRole('img', { name: /^PersistentVolume pvc-.*, Released$/ })).toBeVisible();
  await expect(retain.getByRole('img', { name: /^Disk vol-/ })).toBeVisible();
  await expect(remove.getByRole('img', { name: /^PersistentVolume / })).toHaveCount(0);
  await expect(remove.getByRole('img', { name: /^Disk / })).toHaveCount(0);

  await expect(retain.getByRole('group', { name: 'How it ends with Retain' })).toContainText(
    /stays: Released\.[\s\S]*remains, with 1 file on it \(notes\.txt\)/,
  );
  await expect(remove.getByRole('group', { name: 'How it ends with Delete' })).toContainText(
    /is deleted\.[\s\S]*is deleted: its 1 file is gone for good/,
  );

  // The real timeline did not move.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.node('PersistentVolumeClaim ebs-claim, Bound')).toBeVisible();
  await expect(app.scrubber()).toHaveAttribute('max', head ?? '');
});
