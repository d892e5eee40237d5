/** Sign-up must not tell a stranger whether an address already has an account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { createTestApp, TEST_APP_URL, type TestApp } from '@/test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

function signUp(email: string) {
  return app.auth.handler(
    new Request(`${TEST_APP_URL}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_APP_URL, [CLIENT_ADDRESS_HEADER]: '198.51.100.20' },
      body: JSON.stringify({ name: 'Eve Enumerator', email, password: 'some long password', callbackURL: '/app' }),
    }),
  );
}

/** Everything an attacker sees, with the values that differ per call (ids, times) blanked. */
async function visible(response: Response) {
  const body = (await response.json()) as { user?: Record<string, unknown> };
  const user = Object.fromEntries(Object.entries(body.user ?? {}).map(([k, v]) => [k, k === 'id' || k.endsWith('At') ? typeof v : v]));
  return { status: response.status, cookies: response.headers.getSetCookie().length, keys: Object.keys(body).sort(), user: { ...user, email: 'x', name: 'x' } };
}

describe('sign-up and account enumeration', () => {
  it('answers the same for a known and an unknown address, and tells only the owner', async () => {
    const existing = await app.signUp('Known Kim');
    const fresh = `fresh.${Date.now()}@example.test`;
    const known = await visible(await signUp(existing.email));
    const unknown = await visible(await signUp(fresh));
    expect(known).toEqual(unknown);
    expect(known.status).toBe(200);
    expect(known.cookies).toBe(0);
    // The new address gets its confirmation link; the existing owner hears someone tried.
    expect((await app.lastMailTo(fresh))?.subject).toMatch(/Confirm your email/);
    expect((await app.lastMailTo(existing.email))?.subject).toMatch(/Someone tried to create an account/);
  });
});
