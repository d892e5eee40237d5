import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

test('a founder signs up, creates a workspace and a project, and an outsider cannot open it', async ({ page, browser }) => {
  await signUp(page, 'Fola Founder', uniqueEmail('founder'));
  await expect(page).toHaveURL(/\/app\/new-workspace/);
  await page.getByLabel('Workspace name').fill('Fola Labs');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();

  await page.getByRole('link', { name: 'Create your first project' }).click();
  await page.getByLabel('Project name').fill('Studio Pass');
  await page.getByLabel('Product type').selectOption('membership-community');
  await page.getByLabel('Primary domain').fill('exa mple..com');
  await page.getByRole('button', { name: 'Create project' }).click();
  // The server's field message appears beside the field, and nothing is created.
  await expect(page.getByText('A domain cannot contain spaces.')).toBeVisible();
  await expect(page.getByLabel('Primary domain')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Primary domain').fill('studiopass.co.uk');
  await page.getByLabel('Subdomains').fill('app, api.studiopass.co.uk');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Studio Pass' })).toBeVisible();
  await expect(page.getByText('app.studiopass.co.uk, api.studiopass.co.uk')).toBeVisible();
  const projectUrl = page.url();

  await page.getByRole('link', { name: 'Fola Labs' }).first().click();
  await expect(page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Studio Pass' })).toBeVisible();

  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, 'Otto Outsider', uniqueEmail('outsider'));
  const response = await outsider.goto(projectUrl);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(outsider.getByText('Studio Pass')).toHaveCount(0);
  await outsiderContext.close();
});
