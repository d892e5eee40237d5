import { expect, test, type Page } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

/** Screenshots of the settlement controls at desktop and phone width, for people to look at. */
async function shoot(page: Page, name: string, outputPath: (name: string) => string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('Passed needs evidence, and a check that only supports an item waits for a person to confirm', async ({ page }, testInfo) => {
  await signUp(page, 'Sami Settle', uniqueEmail('settle'));
  await page.getByLabel('Workspace name').fill('Sami Studio');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('link', { name: 'New project' }).first().click();
  await page.getByLabel('Project name').fill('Coach bot');
  await page.getByLabel('Roadmap playbook').selectOption({ label: 'Coach or consultant AI chatbot: demo to launch' });
  await page.getByLabel('Primary domain').fill('example.com');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coach bot' })).toBeVisible();
  const projectNav = page.getByRole('navigation', { name: 'Project' });
  const stepper = page.getByRole('navigation', { name: 'Roadmap stages' });

  // A bare Passed is not possible: the dialog asks what shows it is done, and refuses an empty answer.
  await stepper.getByRole('link', { name: /^Observability \d+%/ }).click();
  const uptime = page.getByRole('article').filter({ hasText: 'Monitor the homepage, the key chatbot routes' });
  const status = uptime.getByRole('combobox', { name: /^Status of/ });
  await status.selectOption('passed');
  const dialog = page.getByRole('dialog', { name: 'Mark as passed' });
  await expect(dialog).toContainText('Passed needs evidence');
  await shoot(page, 'pass-needs-evidence', (n) => testInfo.outputPath(n));
  await dialog.getByRole('button', { name: 'Mark passed' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Passed needs evidence');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveValue('todo');

  // Monitoring supports this item (it does not require a monitor on the chatbot routes), so a met verdict waits for a person.
  await projectNav.getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('button', { name: 'Create suggested monitors' }).first().click();
  await expect(page.getByText(/monitors? created/)).toBeVisible();
  await projectNav.getByRole('link', { name: /^Observability/ }).click();
  const confirmation = uptime.getByText('Check passed — a person confirms');
  await expect(confirmation).toBeVisible();
  await expect(uptime).toContainText('Not tested by the check: Monitoring does not require a monitor on the chatbot routes.');
  await expect(status).toHaveValue('in_progress');
  await uptime.scrollIntoViewIfNeeded();
  await shoot(page, 'check-passed-confirm', (n) => testInfo.outputPath(n));
  await uptime.getByRole('button', { name: 'Confirm' }).click();
  await expect(status).toHaveValue('passed');
  await expect(confirmation).toBeHidden();

  // With a note given in the dialog, any item can be passed; the note becomes its evidence.
  const logs = page.getByRole('article').filter({ hasText: 'Lightweight dashboard of availability' });
  await logs.getByRole('combobox', { name: /^Status of/ }).selectOption('passed');
  await dialog.getByLabel('What shows it is done').fill('Grafana board shared with the founder.');
  await dialog.getByLabel('Link').fill('https://grafana.example.com/d/launch');
  await dialog.getByRole('button', { name: 'Mark passed' }).click();
  await expect(logs.getByRole('combobox', { name: /^Status of/ })).toHaveValue('passed');
  await logs.getByText(/^Details/).click();
  await expect(logs.getByRole('region', { name: 'Evidence' })).toContainText('Grafana board shared with the founder.');
});
