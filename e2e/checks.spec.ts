import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('running a stage’s checks shows progress, findings with fixes, and settles the items it names', async ({ page }) => {
  await signIn(page, 'demo@launch-ready.local', 'launch-ready-demo');
  await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Cohort Club' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: /^Perimeter/ }).click();
  await page.getByRole('button', { name: 'Run this stage’s checks' }).click();

  const results = page.getByRole('list', { name: 'Check results' });
  const spf = results.getByRole('listitem').filter({ hasText: 'SPF: which servers may send mail' }).first();
  await expect(spf).toContainText('Failed');
  await expect(spf).toContainText('How to fix:');
  await expect(results.getByRole('listitem').filter({ hasText: 'DMARC' }).first()).toContainText('Failed');

  // The items those checks settle are failed now, with the check's evidence attached.
  const spfItem = page.getByRole('article').filter({ hasText: 'SPF record published' });
  await expect(spfItem.getByRole('combobox', { name: /^Status of/ })).toHaveValue('failed');
  await spfItem.getByText(/^Details/).click();
  await expect(spfItem.getByRole('region', { name: 'Evidence' })).toContainText('Automated SPF');
});
