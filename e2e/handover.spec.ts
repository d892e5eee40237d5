import { expect, test } from '@playwright/test';
import { PASSWORD, signIn, signUp, uniqueEmail } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';

test('the demo consultant downloads the handover pack; the shared client can too; an outsider gets 404', async ({ page, browser }) => {
  await signIn(page, 'demo@launch-ready.local', DEMO_PASSWORD);
  await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Cohort Club' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort Club' })).toBeVisible();
  const projectUrl = page.url();
  const projectId = projectUrl.split('/p/')[1]!.split('/')[0]!;

  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Handover pack' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handover pack' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Gaps' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cohort-club-handover-\d{4}-\d{2}-\d{2}\.pdf$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);

  // The export is in the activity log.
  await page.goto(`${projectUrl}/activity`);
  await expect(page.getByText('downloaded the handover pack (PDF').first()).toBeVisible();

  // The client the project is shared with can download it (Markdown here).
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await signIn(client, 'client@launch-ready.local', DEMO_PASSWORD);
  const md = await client.request.get(`/api/projects/${projectId}/handover?format=md`);
  expect(md.status()).toBe(200);
  expect(md.headers()['content-disposition']).toMatch(/^attachment; filename="cohort-club-handover-.+\.md"$/);
  expect(await md.text()).toContain('# Handover pack: Cohort Club');
  await clientContext.close();

  // Someone else entirely: 404, for the route and the page.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, 'Otto Outsider', uniqueEmail('otto'), PASSWORD);
  expect((await outsider.request.get(`/api/projects/${projectId}/handover?format=pdf`)).status()).toBe(404);
  expect((await outsider.goto(`/p/${projectId}/handover-pack`))?.status()).toBe(404);
  await outsiderContext.close();
});
