// Journeys on the monitoring pages, as the demo consultant: the card with success rates, a
// journey's page with its runs, the sign-in preset form and the API step editor (adding steps,
// a refused pasted password) — each at 390 px and 1280 px with no sideways scroll and no axe
// violations. Screenshots go to test-results/journeys-*.png.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { overflowingElements, seriousAccessibilityViolations, sidewaysScroll } from './screen-checks';

const WIDTHS = [390, 1280];

async function checkScreen(page: Page, name: string) {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const scroll = await sidewaysScroll(page);
    if (scroll > 0) problems.push(`${name} at ${width} px scrolls sideways by ${scroll} px`, ...(await overflowingElements(page)));
    problems.push(...(await seriousAccessibilityViolations(page)).map((v) => `${name} at ${width} px: ${v}`));
    await page.screenshot({ path: `test-results/journeys-${name}-${width}.png`, fullPage: true });
  }
  expect.soft(problems, problems.join('\n')).toEqual([]);
}

test('journeys: success rates on the monitoring page, a journey’s runs, the sign-in preset and the step editor', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'demo@launch-ready.local', 'launch-ready-demo');
  await page.goto('/app');
  await page.waitForURL(/\/w\//);
  await page.getByRole('link', { name: /Cohort Club/ }).first().click();
  await page.waitForURL(/\/p\//);
  const projectId = new URL(page.url()).pathname.split('/')[2]!;

  await page.goto(`/p/${projectId}/monitors`);
  const journeys = page.getByRole('table', { name: 'Journeys' });
  await expect(journeys.getByRole('link', { name: 'Test sign-in' })).toBeVisible();
  // A week at one run per 15 minutes with two failures (runs leave the 7-day window as time passes).
  await expect(journeys.getByText(/^6\d\d of 6\d\d runs passed$/).first()).toBeVisible();
  await checkScreen(page, 'monitors');

  await journeys.getByRole('link', { name: 'Dashboard API' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard API' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Latest runs' })).toBeVisible();
  await expect(page.getByText('Uses the stored secret QA_PASSWORD (never shown).')).toBeVisible();
  await checkScreen(page, 'journey');

  await page.goto(`/p/${projectId}/monitors/journeys/new`);
  await expect(page.getByRole('form', { name: 'New sign-in journey' })).toBeVisible();
  await checkScreen(page, 'sign-in-form');

  await page.goto(`/p/${projectId}/monitors/journeys/new?kind=api`);
  const editor = page.getByRole('form', { name: 'New journey' });
  await editor.getByRole('button', { name: 'Add a step' }).click();
  await expect(editor.getByRole('group', { name: 'Step 2' })).toBeVisible();
  const second = editor.getByRole('group', { name: 'Step 2' });
  await second.getByLabel('Method').selectOption('POST');
  await second.getByLabel('Body').fill('{"email":"qa@example.com","password":"hunter2-Zq8#Lm4$Xp9!Tr7&Vw3"}');
  await second.getByLabel(/Headers/).fill('authorization: Bearer sk_live_51HcXyZabcdefghijklmnopqrstuvwx');
  await editor.getByRole('button', { name: 'Create journey' }).click();
  await expect(second.getByText(/Never paste secret values/).first()).toBeVisible();
  await checkScreen(page, 'step-editor');
});
