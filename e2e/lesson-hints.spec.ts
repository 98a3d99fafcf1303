import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

/** Asks for every hint of the current step and returns the last (the most detailed) one. */
async function readAllHints(lesson: Locator): Promise<string> {
  for (;;) {
    const more = lesson.getByRole('button', { name: /Show a hint|Another hint/ });
    if ((await more.count()) === 0) break;
    await more.click();
  }
  const hints = lesson.locator('.hint');
  return (await hints.last().textContent()) ?? '';
}

async function backToLesson(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  return page.getByRole('region', { name: 'Lesson 3: Static provisioning: volumes and claims' });
}

test('a new user completes lesson 3 by following its hints, without the solution', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 3: Static provisioning: volumes and claims' }).click();
  let lesson = await backToLesson(page);
  const goals = () => lesson.getByRole('list', { name: 'Goals' });

  // Step 1: the claim finds the smallest volume that fits.
  await expect(lesson).toContainText('Step 1 of 4');
  await expect(goals()).toContainText('my-app-data-pvc is Bound to my-local-pv (not yet)');
  await lesson.getByText('Goal picture').click();
  await expect(lesson.getByRole('img', { name: /Goal picture/ })).toHaveAccessibleName(
    /PersistentVolumeClaim my-application\/my-app-data-pvc, Bound/,
  );
  expect(await readAllHints(lesson)).toContain(
    'Apply the Namespace my-application and the claim my-app-data-pvc',
  );
  // As a learner would: the step's manifests are in the editor before Apply is pressed.
  await expect.poll(() => app.editorText()).toContain('name: my-app-data-pvc');
  await app.apply();
  await expect(goals()).toContainText('my-app-data-pvc is Bound to my-local-pv (done)');
  await expect(goals()).toContainText('The claim got the whole volume: 5Gi (done)');
  await expect(goals()).toContainText('big-local-pv is still Available (done)');
  await lesson.getByRole('button', { name: 'Next step' }).click();

  // Step 2: a claim that names a bound volume waits.
  await expect(lesson).toContainText('Step 2 of 4');
  expect(await readAllHints(lesson)).toContain('does not fall back to big-local-pv');
  await app.apply();
  await expect(goals()).toContainText('my-app-logs-pvc stays Pending, with a FailedBinding event (done)');
  await app.panel('Events').click();
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('FailedBinding');
  lesson = await backToLesson(page);
  await lesson.getByRole('button', { name: 'Next step' }).click();

  // Step 3: the pod mounts the claim and writes a file, as the last hint says.
  await expect(lesson).toContainText('Step 3 of 4');
  const hint = await readAllHints(lesson);
  expect(hint).toContain('Apply the pod, then write /var/lib/my-app/state.db with "orders=1"');
  await app.apply();
  await app.node('Pod my-application/my-app, Running').click();
  await expect(await app.writeFileFrom('my-app', '/var/lib/my-app/state.db', 'orders=1')).toContainText(
    'wrote /var/lib/my-app/state.db',
  );
  lesson = await backToLesson(page);
  await expect(goals()).toContainText('my-app is Running (done)');
  await expect(goals()).toContainText('/var/lib/my-app/state.db is on the volume (done)');
  await lesson.getByRole('button', { name: 'Next step' }).click();

  // Step 4: a pod in another namespace cannot use the claim.
  await expect(lesson).toContainText('Step 4 of 4');
  expect(await readAllHints(lesson)).toContain(
    'the scheduler looks for the claim in the namespace of the pod',
  );
  await app.apply();
  await expect(goals()).toContainText('intruder is Pending, on no node (done)');
  await expect(goals()).toContainText('The scheduler reports FailedScheduling (done)');
  await expect(lesson.getByRole('status')).toContainText('Lesson complete');

  await lesson.getByRole('button', { name: 'All lessons' }).click();
  await expect(
    page.getByRole('button', { name: 'Start lesson 3: Static provisioning: volumes and claims' }),
  ).toContainText('4 of 4 steps done');
});
