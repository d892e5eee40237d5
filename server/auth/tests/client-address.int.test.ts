/** The auth rate limit counts the connection's address, not what X-Forwarded-For claims. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '@/server/auth/auth';
import { authRequestHandler } from '@/server/auth/route-handler';
import { parseTrustedProxies } from '@/server/http/client-address';
import { SOCKET_ADDRESS_HEADER } from '@/server/http/client-address';
import { createTestApp, TEST_APP_URL, type TestApp } from '@/test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const MAX = 10;

type Handler = (request: Request) => Promise<Response>;

function signIn(handler: Handler, email: string, socket: string, forwardedFor: string) {
  return handler(
    new Request(`${TEST_APP_URL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_APP_URL, [SOCKET_ADDRESS_HEADER]: socket, 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password: 'not the password' }),
    }),
  );
}

function newAuth() {
  return createAuth({ db: app.db, mailer: app.mailer, secret: 'test-secret-test-secret-test-secret-1234', appUrl: TEST_APP_URL, rateLimit: { window: 60, max: MAX } });
}

describe('auth rate limit and X-Forwarded-For', () => {
  it('a new X-Forwarded-For on every try does not escape the limit', { timeout: 60_000 }, async () => {
    const user = await app.signUp('Xavier');
    const handler = authRequestHandler(newAuth(), [], true);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++) statuses.push((await signIn(handler, user.email, '203.0.113.50', `198.51.100.${attempt + 1}`)).status);
    expect(statuses.slice(0, MAX)).toEqual(Array(MAX).fill(401));
    expect(statuses.slice(MAX)).toEqual(Array(25 - MAX).fill(429));
    // Another connection has its own bucket.
    expect((await signIn(handler, user.email, '203.0.113.51', '198.51.100.1')).status).toBe(401);
  });

  it('behind a trusted load balancer, counts the client it names, not what the client wrote', { timeout: 60_000 }, async () => {
    const user = await app.signUp('Yara');
    const handler = authRequestHandler(newAuth(), parseTrustedProxies('10.0.0.0/24').ranges, true);
    const statuses: number[] = [];
    // The client prepends its own entries; the balancer appends the address it saw.
    for (let attempt = 0; attempt < 25; attempt++) statuses.push((await signIn(handler, user.email, '10.0.0.2', `198.51.100.${attempt + 1}, 203.0.113.60`)).status);
    expect(statuses.slice(MAX)).toEqual(Array(25 - MAX).fill(429));
    // Two clients behind the same balancer are not one shared bucket.
    expect((await signIn(handler, user.email, '10.0.0.2', '203.0.113.61')).status).toBe(401);
  });

  it('without our server in front, the client-sent headers count for nothing', { timeout: 60_000 }, async () => {
    const user = await app.signUp('Zane');
    const handler = authRequestHandler(newAuth(), [], false);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < MAX + 2; attempt++) statuses.push((await signIn(handler, user.email, `203.0.113.${attempt + 1}`, `198.51.100.${attempt + 1}`)).status);
    expect(statuses.slice(MAX)).toEqual([429, 429]);
  });
});
