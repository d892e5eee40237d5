import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';

test('the demo consultant sees three client projects; the demo client sees only the one shared', async ({ page, browser }) => {
  await signIn(page, 'demo@launch-ready.local', DEMO_PASSWORD);
  const projects = page.getByRole('table', { name: 'Projects' });
  for (const name of ['Cohort Club', 'Coach Copilot', 'Member Hub rescue']) await expect(projects.getByRole('link', { name })).toBeVisible();
  await projects.getByRole('link', { name: 'Coach Copilot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coach Copilot' })).toBeVisible();
  const unsharedProjectUrl = page.url();

  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await signIn(client, 'client@launch-ready.local', DEMO_PASSWORD);
  await expect(client).toHaveURL(/\/shared$/);
  await expect(client.getByRole('link', { name: 'Cohort Club' })).toBeVisible();
  await expect(client.getByText('Coach Copilot')).toHaveCount(0);
  await client.getByRole('link', { name: 'Cohort Club' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Cohort Club' })).toBeVisible();
  // A commenter cannot edit: no edit button, and the settings page does not exist for them.
  await expect(client.getByRole('link', { name: 'Edit project' })).toHaveCount(0);
  expect((await client.goto(`${client.url()}/settings`))?.status()).toBe(404);
  expect((await client.goto(unsharedProjectUrl))?.status()).toBe(404);
  await clientContext.close();
});
