// Membership activity on the workspace settings page (docs/decisions/0017): an invitation an owner
// sends shows there at once, and the page fits a phone and a desktop with no axe problems.
import { expect, test } from '@playwright/test';
import { overflowingElements, seriousAccessibilityViolations, sidewaysScroll } from './screen-checks';
import { signIn } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';

test('an owner sees an invitation in the membership activity, on a phone and a desktop', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(page, 'demo@launch-ready.local', DEMO_PASSWORD);
  await page.goto('/app');
  await page.waitForURL(/\/w\//);
  const workspaceId = page.url().split('/w/')[1]!.split(/[/?#]/)[0]!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/w/${workspaceId}/settings`);
  const email = `activity.${Date.now()}@example.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const activity = page.getByRole('list', { name: 'Membership activity' });
  await expect(activity.getByText(`invited ${email} as member`)).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await activity.scrollIntoViewIfNeeded();
    expect(await sidewaysScroll(page), (await overflowingElements(page)).join('\n')).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`workspace-activity-${width}.png`), fullPage: true });
  }
});
