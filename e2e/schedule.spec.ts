import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';

test('the overview says when the next scheduled run is due; editors change the schedule in settings; clients only read it', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'demo@launch-ready.local', DEMO_PASSWORD);
  await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Cohort Club' }).click();
  const overview = page.getByRole('region', { name: 'Scheduled checks' });
  await expect(overview).toContainText(/Runs again on its own every day at \d\d:\d\d UTC\. Next run due \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\./);
  await expect(overview).toContainText('No scheduled run yet.');

  await overview.getByRole('link', { name: 'Change schedule' }).click();
  await expect(page).toHaveURL(/\/settings#schedule$/);
  const card = page.locator('#schedule');
  await card.getByLabel('How often').selectOption('weekly');
  await card.getByLabel('Starting at').selectOption('6');
  await card.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Schedule saved')).toBeVisible();
  await expect(card).toContainText(/Runs again on its own every week on \w+day at 06:\d\d UTC\. Next run due \w{3} \d{1,2} \w{3} \d{4}, 06:\d\d UTC\./);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await page.reload();
  await expect(overview).toContainText(/every week on \w+day at 06:\d\d UTC/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  const overviewUrl = new URL(page.url()).pathname;

  // The client sees the schedule, and no way to change it.
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await signIn(client, 'client@launch-ready.local', DEMO_PASSWORD);
  await client.goto(overviewUrl);
  const seen = client.getByRole('region', { name: 'Scheduled checks' });
  await expect(seen).toContainText(/every week on \w+day at 06:\d\d UTC/);
  await expect(seen.getByRole('link', { name: 'Change schedule' })).toHaveCount(0);
  await clientContext.close();

  // Off: the overview says the checks run only when someone presses the button.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${overviewUrl}/settings#schedule`);
  await card.getByLabel('How often').selectOption('off');
  await expect(card.getByLabel('Starting at')).toBeDisabled();
  await card.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Scheduled checks turned off')).toBeVisible();
  await page.goto(overviewUrl);
  await expect(overview).toContainText('Scheduled checks are off');
});
