import { expect, test } from '@playwright/test';
import { signIn, signUp, uniqueEmail } from './helpers';

test('evidence links open the check run’s own page: findings by severity, what changed, every check', async ({ page }) => {
  // Runs a stage's checks against the loopback testnet first; on a loaded machine that alone can take most of a minute.
  test.setTimeout(120_000);
  await signIn(page, 'demo@launch-ready.local', 'launch-ready-demo');
  await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Cohort Club' }).click();
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: /^Perimeter/ }).click();
  await page.getByRole('button', { name: 'Run this stage’s checks' }).click();
  await expect(page.getByRole('list', { name: 'Check results' }).getByRole('listitem').filter({ hasText: 'SPF: which servers may send mail' }).first()).toContainText('Failed');

  const spfItem = page.getByRole('article').filter({ hasText: 'SPF record published' });
  await expect(spfItem.getByRole('combobox', { name: /^Status of/ })).toHaveValue('failed');
  await spfItem.getByText(/^Details/).click();
  const evidence = spfItem.getByRole('region', { name: 'Evidence' });
  await expect(evidence).toContainText('Automated SPF');
  await evidence.getByRole('link', { name: 'See the check run' }).last().click();

  await expect(page).toHaveURL(/\/check-runs\/[0-9a-f-]+#spf$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Check run of');
  await expect(page.getByRole('heading', { name: /finding/ }).first()).toBeVisible();
  await expect(page.locator('#spf')).toContainText('Failed');
  await expect(page.getByText('What changed')).toBeVisible();
});

test('sign-up flags every empty field, and a confirmation link says whether it worked', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your name.')).toBeVisible();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Choose a password.')).toBeVisible();

  // A broken link is explained, not silently redirected.
  await page.goto('/api/auth/verify-email?token=not-a-token&callbackURL=%2Femail-confirmed%3Fnext%3D%252Fapp');
  await expect(page.getByRole('heading', { name: 'Email not confirmed' })).toBeVisible();
  await expect(page.getByText('This confirmation link is not valid')).toBeVisible();

  // A good one says so (the helper checks "Email confirmed" and continues).
  await signUp(page, 'Ada Confirmed', uniqueEmail('ada'));
  await expect(page).toHaveURL(/\/app/);
});
