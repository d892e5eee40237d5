import { expect, test, type Page } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

const STAGES = ['Quick audit', 'Routing & edge', 'Perimeter', 'Deployment', 'Performance', 'Observability', 'Handover'];

async function createProject(page: Page, name: string, options: { maturity?: string; playbook?: string }) {
  await page.getByRole('link', { name: 'New project' }).first().click();
  await page.getByLabel('Project name').fill(name);
  if (options.maturity) await page.getByLabel('Where the product is').selectOption(options.maturity);
  if (options.playbook) await page.getByLabel('Roadmap playbook').selectOption({ label: options.playbook });
  await page.getByLabel('Primary domain').fill('example.com');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Opens each stage from the stepper in order and marks its first item passed, with the note Passed needs. */
async function walkAllStages(page: Page) {
  const stepper = page.getByRole('navigation', { name: 'Roadmap stages' });
  for (const [index, stage] of STAGES.entries()) {
    await stepper.getByRole('link', { name: new RegExp(`^${stage} \\d+%`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: stage })).toBeVisible();
    await expect(page.getByText(`Stage ${index + 1} of 7 · `)).toBeVisible();
    const firstStatus = page.getByRole('list', { name: 'Checklist' }).getByRole('combobox', { name: /^Status of/ }).first();
    await firstStatus.selectOption('passed');
    const dialog = page.getByRole('dialog', { name: 'Mark as passed' });
    await dialog.getByLabel('What shows it is done').fill(`Walked through ${stage} with the founder; screenshots in the shared folder.`);
    await dialog.getByRole('button', { name: 'Mark passed' }).click();
    await expect(firstStatus).toHaveValue('passed');
    await expect(stepper.getByRole('link', { name: new RegExp(`^${stage} \\d+%`) })).not.toContainText(/\b0%/);
  }
}

test('a founder walks two playbooks through all seven stages, and the go / no-go follows the items', async ({ page }) => {
  // Fourteen stage pages, each rendered per request (CSP nonces), with an evidence dialog each.
  test.setTimeout(180_000);
  await signUp(page, 'Rhea Roadmap', uniqueEmail('roadmap'));
  await page.getByLabel('Workspace name').fill('Rhea Studio');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/w\//);
  const workspaceUrl = page.url();

  await createProject(page, 'Coach bot', { playbook: 'Coach or consultant AI chatbot: demo to launch' });
  await expect(page.getByText('Following the Coach or consultant AI chatbot: demo to launch playbook.')).toBeVisible();
  await walkAllStages(page);

  // A failing critical item turns the recommendation to no-go, with the reason listed.
  const stepper = page.getByRole('navigation', { name: 'Roadmap stages' });
  await stepper.getByRole('link', { name: /Perimeter/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Perimeter' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Filter the checklist' }).getByRole('link', { name: /^Critical/ }).click();
  await expect(page).toHaveURL(/filter=critical/);
  const critical = page.getByRole('list', { name: 'Checklist' }).getByRole('article').first();
  const title = (await critical.getByRole('heading').textContent())!.trim();
  await critical.getByRole('combobox', { name: /^Status of/ }).selectOption('failed');
  await expect(critical.getByRole('combobox', { name: /^Status of/ })).toHaveValue('failed');
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Go / no-go' }).click();
  await expect(page.getByText(`Critical item failing: ${title}`)).toBeVisible();
  await page.getByLabel('Why').fill('The critical perimeter check fails; fix before launch.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('table', { name: 'Decision history' })).toContainText('The critical perimeter check fails');
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Risks' }).click();
  // A failing critical item ranks first.
  const first = page.getByRole('list', { name: 'Risks in fix order' }).getByRole('listitem').first();
  await expect(first).toContainText(title);
  await expect(first).toContainText('Failing item');

  await page.goto(workspaceUrl);
  await createProject(page, 'Rescue me', { maturity: 'ai-rescue' });
  await expect(page.getByText('Following the AI-built membership app rescue playbook.')).toBeVisible();
  await walkAllStages(page);
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText('created the project with the “AI-built membership app rescue” roadmap');
});
