// Every page, as each kind of person sees it (e2e/routes.ts): at 390 px nothing is wider than
// the screen and axe finds no serious or critical problem; the same visit is then measured at
// 360, 768 and 1280 px. One walk per role keeps the suite's time small. Also: a client's
// navigation leads only to pages they can open, and a page that is not there keeps the app's frame.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { pathsFor, ROLES, ROUTES, type Role } from './routes';
import { enterWorld } from './screen-world';
import { overflowingElements, seriousAccessibilityViolations, sidewaysScroll } from './screen-checks';

const PHONE = { width: 390, height: 844 };
const OTHER_WIDTHS = [360, 768, 1280];

/** The routes app/ defines: each page.tsx's folder, route groups such as (auth) left out. */
function appPages(): string[] {
  const root = path.join(import.meta.dirname, '..', 'app');
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === 'page.tsx')
    .map((file) => `/${path.dirname(file).split(path.sep).filter((part) => part !== '.' && !/^\(.*\)$/.test(part)).join('/')}`);
}

test('the screens walk lists every page of the app', () => {
  const listed = new Set(ROUTES.map((route) => route.page));
  expect(appPages().filter((page) => !listed.has(page)), 'add these pages to e2e/routes.ts').toEqual([]);
});

/** Everything wrong with the page as it is now, at the viewport's width. */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  if (page.viewportSize()?.width !== width) {
    await page.setViewportSize({ width, height: PHONE.height });
    // Charts and other measured content lay out again after a resize.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  const scroll = await sidewaysScroll(page);
  return scroll > 0 ? [`${width} px: scrolls sideways by ${scroll} px`, ...(await overflowingElements(page)).map((line) => `  ${line}`)] : [];
}

for (const role of ROLES) {
  test(`every page fits a phone and passes axe, as the ${role}`, async ({ page }) => {
    test.setTimeout(600_000);
    const world = await enterWorld(page, role);
    const problems: string[] = [];
    for (const route of ROUTES.filter((r) => r.as.includes(role))) {
      const notFound = route.notFoundAs?.includes(role) ?? false;
      for (const address of pathsFor(route, role, world)) {
        await page.setViewportSize(PHONE);
        const response = await page.goto(address);
        const found: string[] = [];
        const status = response?.status();
        if (status !== (notFound ? 404 : 200)) found.push(`answered ${status}, expected ${notFound ? 404 : 200}`);
        if (role !== 'visitor' && !route.noFrame && !(await page.getByRole('button', { name: /^Account menu for / }).isVisible())) found.push('has no app frame (account menu)');
        found.push(...(await layoutProblems(page, PHONE.width)));
        found.push(...(await seriousAccessibilityViolations(page)));
        for (const width of OTHER_WIDTHS) found.push(...(await layoutProblems(page, width)));
        if (found.length > 0) problems.push(`${address} (${route.page}):`, ...found.map((line) => `  ${line}`));
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('a client’s navigation offers only pages they can open, on a phone too', async ({ page }) => {
  const world = await enterWorld(page, 'client' satisfies Role);
  await page.setViewportSize(PHONE);
  await page.goto(`/p/${world.projectId}`);
  await page.getByRole('button', { name: 'Open navigation' }).click();
  const drawer = page.getByRole('dialog', { name: 'Navigation' });
  const projectNav = drawer.getByRole('navigation', { name: 'Project' });
  await expect(projectNav.getByRole('link', { name: 'Overview' })).toBeVisible();
  await expect(projectNav.getByRole('link', { name: /^(Settings|Sharing)$/ })).toHaveCount(0);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const hrefs = await drawer.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of new Set(hrefs)) expect((await page.request.get(href)).status(), href).toBe(200);
  await page.keyboard.press('Escape');

  // The overview's go / no-go card leads a client to the reasons, not to a form they cannot use.
  await expect(page.getByRole('region', { name: 'Go / no-go' }).getByRole('link', { name: 'Details' })).toBeVisible();
});
