import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('a file written through a claim survives a container crash and sits on the disk', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.loadExample('notes-mysql');
  await app.apply();
  const pod = app.node('Pod mysql, Running');
  await expect(pod).toBeVisible();

  await pod.click();
  await expect(await app.writeFileFrom('mysql', '/var/lib/mysql/orders.db', 'order-42')).toContainText(
    'pod mysql wrote /var/lib/mysql/orders.db',
  );

  await page.getByRole('button', { name: 'Crash containers' }).click();
  await expect(page.getByRole('status', { name: 'Action result' })).toContainText('crashed and restarted');
  await expect(app.node('Pod mysql, Running')).toBeVisible();

  // The disk behind the claim still holds the file; its badge counts it.
  const disk = page.getByRole('button', { name: /^Disk .*, exists$/ });
  await expect(disk).toContainText('1 file');
  await disk.click();
  await expect(page.getByRole('region', { name: /^Inspector: storage/ })).toContainText(
    'orders.db: order-42',
  );
});
