import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('a lesson: read the step, guess, play the solution, watch the goals tick, move on', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('tab', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 1: Why pods lose data' }).click();

  const lesson = page.getByRole('region', { name: 'Lesson 1: Why pods lose data' });
  await expect(lesson).toContainText('Step 1 of 4');
  const goals = lesson.getByRole('list', { name: 'Goals' });
  await expect(goals).toContainText('/tmp/todo.txt is gone (not yet)');

  await lesson.getByRole('button', { name: /Show a hint/ }).click();
  await expect(lesson).toContainText('Hint 1:');

  await lesson.getByRole('radio', { name: 'No, the new container starts from its image' }).check();
  await lesson.getByRole('button', { name: 'Show solution' }).click();
  await expect(goals).toContainText('The pod notebook is Running again after the crash (done)');
  await expect(goals).toContainText('/tmp/todo.txt is gone (done)');
  await expect(lesson.getByRole('status')).toContainText('Right.');

  await lesson.getByRole('button', { name: 'Next step' }).click();
  await expect(lesson).toContainText('Step 2 of 4');
  await expect(lesson.getByRole('list', { name: 'Goals' })).toContainText('(not yet)');

  // Progress is kept: back in the list, the finished step counts.
  await lesson.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByRole('button', { name: 'Start lesson 1: Why pods lose data' })).toContainText(
    '1 of 4 steps done',
  );
});
