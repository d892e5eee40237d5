import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, signIn, signUp, uniqueEmail } from './helpers';

/**
 * The server remembers verified sessions for a few seconds (server/auth/session-cache.ts). These
 * prove that a session ended through the app stops working at once, not when that memory expires.
 */
async function signedInAs(request: APIRequestContext, cookie: string): Promise<string | null> {
  const response = await request.get('/api/trpc/me.session', { headers: { cookie } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { email: string } | null } } };
  return body.result.data.json?.email ?? null;
}

async function cookieHeader(page: import('@playwright/test').Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

test('a signed-out session is refused on the very next read', async ({ page, baseURL }) => {
  const email = uniqueEmail('leaving');
  await signUp(page, 'Lee Leaving', email);
  const cookie = await cookieHeader(page);
  expect(await signedInAs(page.request, cookie)).toBe(email);
  expect(await signedInAs(page.request, cookie)).toBe(email); // now remembered by the server

  const out = await page.request.post('/api/auth/sign-out', { headers: { cookie, origin: baseURL!, 'content-type': 'application/json' }, data: {} });
  expect(out.status()).toBe(200);
  expect(await signedInAs(page.request, cookie)).toBeNull();
});

test('changing the password with "sign out other devices" ends the other sessions at once', async ({ page, browser, baseURL }) => {
  const email = uniqueEmail('careful');
  await signUp(page, 'Cam Careful', email);
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await signIn(laptop, email);
  const laptopCookie = await cookieHeader(laptop);
  expect(await signedInAs(laptop.request, laptopCookie)).toBe(email);

  const changed = await page.request.post('/api/auth/change-password', {
    headers: { cookie: await cookieHeader(page), origin: baseURL!, 'content-type': 'application/json' },
    data: { currentPassword: PASSWORD, newPassword: 'another long password', revokeOtherSessions: true },
  });
  expect(changed.status()).toBe(200);
  expect(await signedInAs(laptop.request, laptopCookie)).toBeNull();
  await other.close();
});
