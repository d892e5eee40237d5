/** Accounts through better-auth's real HTTP handler, against the test database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '@/server/auth/auth';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { createTestApp, TEST_APP_URL, TEST_PASSWORD, type TestApp } from '@/test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

function post(handler: (request: Request) => Promise<Response>, path: string, body: unknown, init: { ip?: string; cookie?: string } = {}) {
  return handler(
    new Request(`${TEST_APP_URL}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: TEST_APP_URL,
        // The address the auth route resolved from the connection (client-address.int.test.ts).
        [CLIENT_ADDRESS_HEADER]: init.ip ?? '198.51.100.1',
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

function sessionCookie(response: Response): string {
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const session = cookies.find((c) => c.includes('session_token='));
  expect(session, 'sign-in sets a session cookie').toBeTruthy();
  return session!;
}

async function sessionUser(cookie: string) {
  const session = await app.auth.api.getSession({ headers: new Headers({ cookie }) });
  return session?.user ?? null;
}

describe('accounts', () => {
  it('sends a confirmation email on sign-up whose link verifies the address', async () => {
    const user = await app.signUp('Vera');
    expect(user.emailVerified).toBe(false);
    const mail = await app.lastMailTo(user.email);
    expect(mail?.subject).toMatch(/Confirm your email/);
    const response = await app.auth.handler(new Request(mail!.link!));
    expect(response.status).toBeLessThan(400);
    const signIn = await post(app.auth.handler, '/sign-in/email', { email: user.email, password: TEST_PASSWORD });
    expect((await sessionUser(sessionCookie(signIn)))?.emailVerified).toBe(true);
  });

  it('resets a password through the emailed link and signs the user out everywhere', async () => {
    const user = await app.signUp('Riley');
    const before = sessionCookie(await post(app.auth.handler, '/sign-in/email', { email: user.email, password: TEST_PASSWORD }));
    expect(await sessionUser(before)).not.toBeNull();

    const request = await post(app.auth.handler, '/request-password-reset', { email: user.email, redirectTo: '/reset-password' });
    expect(request.status).toBe(200);
    const mail = await app.lastMailTo(user.email);
    expect(mail?.subject).toMatch(/Reset your Launch Ready password/);
    const redirect = await app.auth.handler(new Request(mail!.link!));
    const token = new URL(redirect.headers.get('location')!, TEST_APP_URL).searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await post(app.auth.handler, '/reset-password', { token, newPassword: 'a completely new one' });
    expect(reset.status).toBe(200);
    expect(await sessionUser(before)).toBeNull();
    expect((await post(app.auth.handler, '/sign-in/email', { email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await post(app.auth.handler, '/sign-in/email', { email: user.email, password: 'a completely new one' })).status).toBe(200);
    // The link works once.
    expect((await post(app.auth.handler, '/reset-password', { token, newPassword: 'yet another password' })).status).toBe(400);
  });

  it('changes a password when the current one is right, and only then', async () => {
    const user = await app.signUp('Casey');
    const cookie = sessionCookie(await post(app.auth.handler, '/sign-in/email', { email: user.email, password: TEST_PASSWORD }));
    const wrong = await post(app.auth.handler, '/change-password', { currentPassword: 'not my password', newPassword: 'another long password' }, { cookie });
    expect(wrong.status).toBe(400);
    const right = await post(app.auth.handler, '/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'another long password' }, { cookie });
    expect(right.status).toBe(200);
    expect((await post(app.auth.handler, '/sign-in/email', { email: user.email, password: 'another long password' })).status).toBe(200);
  });

  it('shares the sign-in rate limit between web processes through the database', async () => {
    const user = await app.signUp('Sam');
    // Two auth instances on one database stand for two web processes behind a load balancer.
    const settings = { db: app.db, mailer: app.mailer, secret: 'test-secret-test-secret-test-secret-1234', appUrl: TEST_APP_URL, rateLimit: { window: 60, max: 3 } };
    const first = createAuth(settings);
    const second = createAuth(settings);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const instance = attempt % 2 === 0 ? first : second;
      const response = await post(instance.handler, '/sign-in/email', { email: user.email, password: 'wrong password!' }, { ip: '203.0.113.77' });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await post(second.handler, '/sign-in/email', { email: user.email, password: TEST_PASSWORD }, { ip: '203.0.113.78' })).status).toBe(200);
  });
});
