import { expect, test } from '@playwright/test';
import { followOutboxLink, PASSWORD, signIn, signUp, uniqueEmail } from './helpers';

test('a user resets a forgotten password through the outbox', async ({ page, browser }) => {
  const email = uniqueEmail('forgetful');
  await signUp(page, 'Fran Forgetful', email);
  await page.context().clearCookies();

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('Check your inbox')).toBeVisible();

  await followOutboxLink(page, email, 'Reset your Launch Ready password');
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('Repeat the new password').fill('a brand new password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password was changed')).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();

  const fresh = await browser.newContext();
  const second = await fresh.newPage();
  await signIn(second, email, 'a brand new password');
  await expect(second).toHaveURL(/\/app\/new-workspace/);
  await fresh.close();
});
