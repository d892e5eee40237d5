/**
 * The tRPC endpoint over HTTP (the same handler app/api/trpc uses): mutations only from our own
 * pages, bounded batches and bodies, and nothing a shared cache may keep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_APP_URL, TEST_PASSWORD, type TestApp } from '@/test/harness';
import { trpcHttpHandler, TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from '@/server/trpc/http-handler';
import { createReadCache } from '@/server/read-cache';
import { appCheckDeps } from '@/server/check-runs/network';
import type { Context } from '../context';

let app: TestApp;
let handler: (request: Request) => Promise<Response>;
let cookie: string;

beforeAll(async () => {
  app = await createTestApp();
  const reads = createReadCache({ maxProjects: 10 });
  const context = async (headers: Headers): Promise<Context> => {
    const session = await app.auth.api.getSession({ headers });
    const user = session ? { id: session.user.id, email: session.user.email, name: session.user.name, emailVerified: session.user.emailVerified } : null;
    return { db: app.db, user, mailer: app.mailer, appUrl: TEST_APP_URL, checkDeps: () => appCheckDeps({ checks: { dnsServers: ['127.0.0.1:9'], allowLoopbackTargets: false } }), reads };
  };
  handler = trpcHttpHandler({ appUrl: TEST_APP_URL, createContext: context });
  const user = await app.signUp('Hattie Http');
  const signIn = await app.auth.api.signInEmail({ body: { email: user.email, password: TEST_PASSWORD }, asResponse: true });
  cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
});
afterAll(() => app.close());

const body = (name: string) => JSON.stringify({ json: { name } });

function mutate(headers: Record<string, string>, payload: string) {
  return handler(new Request(`${TEST_APP_URL}/api/trpc/workspace.create`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: payload }));
}

async function workspaceNames() {
  const response = await handler(new Request(`${TEST_APP_URL}/api/trpc/me.home`, { headers: { cookie } }));
  return JSON.stringify(await response.json());
}

describe('tRPC over HTTP', () => {
  it('refuses mutations sent from another site or with no Origin, changing nothing (CSRF)', async () => {
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, {}, { origin: 'null' }, { origin: 'http://localhost:3998' }];
    for (const headers of attempts) {
      const response = await mutate(headers, body('Forged Ltd'));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.stringify(await response.json())).toMatch(/did not come from a Launch Ready page/);
    }
    expect(await workspaceNames()).not.toContain('Forged Ltd');
    const ok = await mutate({ origin: TEST_APP_URL }, body('Real Ltd'));
    expect(ok.status).toBe(200);
    expect(await workspaceNames()).toContain('Real Ltd');
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await mutate({ origin: TEST_APP_URL }, body('x'.repeat(TRPC_MAX_BODY_BYTES)));
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toMatch(/too large/);
    // Sent in chunks with no Content-Length: stopped once the stream passes the limit.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"json":{"name":"'));
        sent += chunk.byteLength;
        if (sent > 4 * TRPC_MAX_BODY_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await handler(new Request(`${TEST_APP_URL}/api/trpc/workspace.create`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: TEST_APP_URL }, body: stream, duplex: 'half' } as RequestInit));
    expect(streamed.status).toBeGreaterThanOrEqual(400);
    expect(streamed.status).toBeLessThan(500);
    expect(sent).toBeLessThan(2 * TRPC_MAX_BODY_BYTES);
  });

  it('refuses a batch of more calls than the limit with 400', async () => {
    const paths = Array(TRPC_MAX_BATCH + 1).fill('me.session').join(',');
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: TRPC_MAX_BATCH + 1 }, (_, i) => [i, { json: null }]))));
    const response = await handler(new Request(`${TEST_APP_URL}/api/trpc/${paths}?batch=1&input=${input}`, { headers: { cookie } }));
    expect(response.status).toBe(400);
    const within = Array(TRPC_MAX_BATCH).fill('me.session').join(',');
    expect((await handler(new Request(`${TEST_APP_URL}/api/trpc/${within}?batch=1&input=${input}`, { headers: { cookie } }))).status).toBe(200);
  });

  it('marks every answer no-store, so no shared cache keeps a signed-in user\'s data', async () => {
    const response = await handler(new Request(`${TEST_APP_URL}/api/trpc/me.home`, { headers: { cookie } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
