import { expect, test, type Page } from '@playwright/test';
import { setZone, signUp, trpc, uniqueEmail } from './helpers';

/** Presses "Run all checks" and waits until the run it started is stored (not an earlier run's summary). */
async function runAllChecks(page: Page, projectId: string) {
  const started = page.waitForResponse((response) => response.url().includes('checks.start') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Run all checks' }).click();
  const body = (await (await started).json()) as { result?: { data: { json: { runId: string } } } }[] | { result: { data: { json: { runId: string } } } };
  const runId = (Array.isArray(body) ? body[0] : body)!.result!.data.json.runId;
  await expect
    .poll(async () => ((await trpc(page, 'checks.run', { projectId, runId }, 'query')) as { status: string }).status, { timeout: 60_000 })
    .toBe('done');
  await expect(page.getByText(/^19 checks: /)).toBeVisible({ timeout: 15_000 });
}

test('run all checks → no-go with reasons → fix the record → re-run → the finding is fixed → go', async ({ page }) => {
  test.setTimeout(180_000);
  await setZone('example.edu', { A: ['127.0.0.1'], TXT: ['v=spf1 +all'] });
  await signUp(page, 'Wren Walker', uniqueEmail('walker'));
  await page.getByLabel('Workspace name').fill('Walker Studio');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('link', { name: 'Create your first project' }).click();
  await page.getByLabel('Project name').fill('Coachly');
  await page.getByLabel('Product type').selectOption('ai-chatbot');
  await page.getByLabel('Market segment').selectOption('coach-consultant');
  await page.getByLabel('Where the product is').selectOption('demo-launch');
  await page.getByLabel('Roadmap playbook').selectOption('coach-chatbot-launch');
  await page.getByLabel('Primary domain').fill('example.edu');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coachly' })).toBeVisible();
  const projectId = new URL(page.url()).pathname.split('/')[2]!;

  // 1. Run everything: the SPF record that lets anyone send mail as example.edu is a critical finding → no-go.
  await runAllChecks(page, projectId);
  await page.reload();
  const verdict = page.getByRole('region', { name: 'Go / no-go' });
  await expect(verdict.getByText('No-go', { exact: true })).toBeVisible();
  const spfReason = verdict.getByRole('link', { name: /Critical finding on example\.edu: .*\+all/ });
  await expect(spfReason).toBeVisible();
  await spfReason.click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/risks#finding-`));
  const findingId = new URL(page.url()).hash.slice(1);
  const row = page.locator(`[id="${findingId}"]`);
  await expect(row).toContainText('+all');
  await expect(row).toContainText(/How to fix/i);

  // 2. The founder fixes the record; the next run no longer sees the problem: the finding is fixed.
  await setZone('example.edu', { A: ['127.0.0.1'], TXT: ['v=spf1 ip4:192.0.2.10 -all'] });
  await page.goto(`/p/${projectId}`);
  await runAllChecks(page, projectId);
  await page.goto(`/p/${projectId}/risks`);
  // The same finding (same fingerprint, same row anchor) now sits in the "Fixed" list, nowhere else.
  await expect(page.locator(`[id="${findingId}"]`)).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Fixed findings' }).locator(`[id="${findingId}"]`)).toContainText('+all');

  // 3. What is left: the site's address is a staging one (accepted with a reason and an expiry),
  //    and the playbook's critical items (settled here as not applicable for the test's product).
  const ranked = (await trpc(page, 'roadmap.risks', { projectId }, 'query')) as { ranked: { source: string; id: string; stageKey: string | null; severity: string; state: string }[] };
  for (const risk of ranked.ranked) {
    if (risk.source === 'finding' && (risk.severity === 'high' || risk.severity === 'critical')) {
      await trpc(page, 'findings.accept', { projectId, findingId: risk.id, reason: 'Staging address until the DNS cutover on Friday.', until: '2099-12-31' }, 'mutation');
    } else if (risk.source === 'item' && risk.stageKey) {
      await trpc(page, `${risk.stageKey}.updateItem`, { projectId, itemId: risk.id, status: 'not_applicable', notApplicableReason: 'Not part of this test product.' }, 'mutation');
    }
  }
  await page.goto(`/p/${projectId}`);
  await expect(page.getByRole('region', { name: 'Go / no-go' }).getByText('Go', { exact: true })).toBeVisible();
});
