import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';

async function openCohortClub(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Cohort Club' }).first().click();
  await expect(page.getByRole('heading', { name: 'Cohort Club' }).first()).toBeVisible();
  return page.getByRole('region', { name: 'Scheduled checks' });
}

test('the overview says when the next scheduled run is due, and editors change the schedule in settings', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const overview = await openCohortClub(page, 'demo@launch-ready.local');
  await expect(overview).toContainText(/Runs again on its own every day at \d\d:\d\d UTC\. Next run due \w{3}, \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\./);
  await expect(overview).toContainText('No scheduled run yet.');

  await overview.getByRole('link', { name: 'Change schedule' }).click();
  await expect(page).toHaveURL(/\/settings#schedule$/);
  const card = page.locator('#schedule');
  await card.getByLabel('How often').selectOption('weekly');
  await card.getByLabel('Starting at').selectOption('6');
  await card.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Schedule saved')).toBeVisible();
  await expect(card).toContainText(/Runs again on its own every week on \w+day at 06:\d\d UTC\. Next run due \w{3}, \d{1,2} \w{3} \d{4}, 06:\d\d UTC\./);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await page.reload();
  await expect(overview).toContainText(/every week on \w+day at 06:\d\d UTC/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('a client sees the schedule and has no way to change it', async ({ page }) => {
  const overview = await openCohortClub(page, 'client@launch-ready.local');
  await expect(overview).toContainText(/Runs again on its own|Scheduled checks are off/);
  await expect(overview.getByRole('link', { name: 'Change schedule' })).toHaveCount(0);
  const response = await page.goto(`${new URL(page.url()).pathname}/settings`);
  expect(response?.status()).toBe(404);
});

test('turned off, the overview says the checks run only when someone presses the button', async ({ page }) => {
  const overview = await openCohortClub(page, 'demo@launch-ready.local');
  await overview.getByRole('link', { name: 'Change schedule' }).click();
  const card = page.locator('#schedule');
  await card.getByLabel('How often').selectOption('off');
  await expect(card.getByLabel('Starting at')).toBeDisabled();
  await card.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Scheduled checks turned off')).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(overview).toContainText('Scheduled checks are off');
});
