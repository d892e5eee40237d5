import { expect, type Page } from '@playwright/test';
import crypto from 'node:crypto';

export const PASSWORD = 'a long enough password';

export function uniqueEmail(prefix: string) {
  return `${prefix}.${crypto.randomBytes(4).toString('hex')}@example.test`;
}

export async function signUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Sign-up never says whether the address was known: the emailed link confirms it and signs in.
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await followOutboxLink(page, email, 'Confirm your email for Launch Ready');
  // The link confirms, signs in and says so; Continue goes where the person was headed.
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/email-confirmed'));
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Opens the newest outbox email with this subject sent to this address and follows its link. */
export async function followOutboxLink(page: Page, to: string, subject: string | RegExp) {
  await page.goto('/outbox');
  const message = page.getByRole('article').filter({ hasText: `To: ${to}` }).filter({ has: page.getByRole('heading', { name: subject }) }).first();
  await expect(message).toBeVisible();
  await message.getByRole('link').first().click();
}

/** A tRPC call as the signed-in browser makes it (superjson envelope, same origin). */
export async function trpc(page: Page, procedure: string, input: unknown, kind: 'query' | 'mutation') {
  const origin = new URL(page.url()).origin;
  const response =
    kind === 'query'
      ? await page.request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { origin } })
      : await page.request.post(`/api/trpc/${procedure}`, { data: { json: input }, headers: { origin, 'content-type': 'application/json' } });
  expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** The loopback DNS server's control port (e2e/serve-with-testnet.ts): the founder "fixes" a record. */
export async function setZone(name: string, records: unknown) {
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const response = await fetch(`http://127.0.0.1:${port}/zone/${name}`, { method: 'PUT', body: JSON.stringify(records) });
  expect(response.status).toBe(204);
}
