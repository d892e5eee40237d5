import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';
/** Where the screenshots go (looked at by a person; not compared). */
const SHOTS = process.env.LR_E2E_SHOTS ?? 'test-results/workspace-home';

const projectNames = async (page: Page) =>
  page.getByRole('table', { name: 'Projects' }).locator('tbody tr td:first-child a').allTextContents();

test('the consultant home shows each project’s status, needs attention first, sortable by link', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'demo@launch-ready.local', DEMO_PASSWORD);
  const table = page.getByRole('table', { name: 'Projects' });
  await expect(table.getByRole('columnheader', { name: 'Attention' })).toHaveAttribute('aria-sort', 'ascending');
  for (const column of ['Verdict', 'Readiness', 'Critical / high', 'Monitors down', 'Last full check']) await expect(table.getByRole('columnheader', { name: column })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /attention/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home-1280.png`, fullPage: true });

  await table.getByRole('link', { name: 'Project' }).click();
  await expect(page).toHaveURL(/\?sort=name&dir=asc$/);
  await expect(table.getByRole('columnheader', { name: 'Project' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: 'Attention' })).toHaveAttribute('aria-sort', 'none');
  const ascending = await projectNames(page);
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
  await table.getByRole('link', { name: 'Project' }).click();
  await expect(page).toHaveURL(/\?sort=name&dir=desc$/);
  await expect(table.getByRole('columnheader', { name: 'Project' })).toHaveAttribute('aria-sort', 'descending');
  expect(await projectNames(page)).toEqual([...ascending].reverse());

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(new URL(page.url()).pathname);
  await expect(table).toBeVisible();
  // The page itself never scrolls sideways; the table scrolls inside its own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/home-390.png`, fullPage: true });
});

test('sorting works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Sign in with JavaScript, then read the home without it.
  const signInContext = await browser.newContext();
  const signInPage = await signInContext.newPage();
  await signIn(signInPage, 'demo@launch-ready.local', DEMO_PASSWORD);
  await context.addCookies(await signInContext.cookies());
  await signInContext.close();
  await page.goto(new URL(signInPage.url()).pathname);
  const table = page.getByRole('table', { name: 'Projects' });
  await table.getByRole('link', { name: 'Last full check' }).click();
  await expect(page).toHaveURL(/\?sort=lastRun&dir=asc$/);
  await expect(table.getByRole('columnheader', { name: 'Last full check' })).toHaveAttribute('aria-sort', 'ascending');
  await context.close();
});
