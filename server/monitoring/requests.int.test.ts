/**
 * Monitors with substance against loopback servers: headers and a body carrying a vault secret,
 * assertions on status, JSON value, keyword and time limit (good and bad), save-time refusals
 * that change nothing, and a secret removed after saving (the check fails naming it, sends nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { monitors, projects } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { createNetwork } from '@/server/net';
import { startHttpServer, type TestServer } from '@/test/testnet/servers';
import { fieldErrorsOf, refusal } from '@/test/trpc/expect-refusal';
import type { SessionUser } from '@/server/trpc/context';
import { runDueOnce } from '@/test/monitoring/run-once';

const API_KEY = ['key', 'loopback', 'R7mQ2xV9pL4tW8'].join('_');
const network = createNetwork({ policy: { allowLoopback: true } });
let app: TestApp;
let owner: SessionUser;
let projectId: string;
let api: TestServer;
const hits: { path: string; body: string }[] = [];

beforeAll(async () => {
  process.env.LR_ALLOW_LOOPBACK_TARGETS = 'on';
  app = await createTestApp();
  api = await startHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      hits.push({ path, body });
      if (req.headers['x-api-key'] !== API_KEY) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('ok'), 300);
      if (path === '/login') {
        const sent = JSON.parse(body) as { password?: string };
        return void res.writeHead(sent.password === API_KEY ? 200 : 403, { 'content-type': 'application/json' }).end('{"session":{"user":{"plan":"pro","seats":3,"active":true}},"note":"Welcome back"}');
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  owner = await app.signUp('Owner');
  const caller = app.caller(owner);
  const workspace = await caller.workspace.create({ name: 'Requests studio' });
  projectId = (await caller.project.create({ workspaceId: workspace.id, name: 'Requests', productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' })).id;
  await caller.secrets.set({ projectId, name: 'API_KEY', value: API_KEY });
});
afterAll(async () => {
  await api?.close();
  await app?.close();
});

const headers = [{ name: 'X-Api-Key', value: '{{secret.API_KEY}}' }];
const login = (extra: Record<string, unknown> = {}) => ({
  projectId,
  name: 'Sign-in',
  kind: 'http' as const,
  url: `${api.origin}/login`,
  method: 'POST' as const,
  headers,
  body: '{"email":"test@example.test","password":"{{secret.API_KEY}}"}',
  expectedStatus: '200',
  intervalSeconds: 60,
  timeoutMs: 5000,
  ...extra,
});

/** Runs exactly these monitors once and returns their results by id. */
async function checkNow(...ids: string[]) {
  await app.db.update(monitors).set({ enabled: false }).where(eq(monitors.projectId, projectId));
  for (const id of ids) await app.db.update(monitors).set({ enabled: true, nextRunAt: new Date(Date.now() - 100), leaseUntil: null, leaseOwner: null }).where(eq(monitors.id, id));
  const { checks } = await runDueOnce(app.db, network);
  return new Map(checks.map((c) => [c.monitorId, c]));
}

describe('requests and assertions', () => {
  it('sends the secret in a header and a JSON body, and passes when status, JSON value and keyword hold', async () => {
    const caller = app.caller(owner);
    const good = await caller.monitoring.create(login({ jsonPath: 'session.user.plan', jsonExpected: 'pro', keyword: 'Welcome back' }));
    const number = await caller.monitoring.create(login({ name: 'Seats', jsonPath: 'session.user.seats', jsonExpected: '3' }));
    const exists = await caller.monitoring.create(login({ name: 'Active', jsonPath: 'session.user.active' }));
    const results = await checkNow(good.id, number.id, exists.id);
    for (const id of [good.id, number.id, exists.id]) expect(results.get(id)).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(JSON.parse(hits.at(-1)!.body)).toEqual({ email: 'test@example.test', password: API_KEY });
  });

  it('fails with a sentence saying which assertion failed and what came back', async () => {
    const caller = app.caller(owner);
    const cases = [
      [login({ jsonPath: 'session.user.plan', jsonExpected: 'free' }), /^session\.user\.plan is “pro”; expected “free”\.$/],
      [login({ jsonPath: 'session.user.missing' }), /^The JSON answer has nothing at session\.user\.missing\.$/],
      [login({ jsonPath: 'session.__proto__' }), /^The JSON answer has nothing at session\.__proto__\.$/],
      [login({ keyword: 'Goodbye' }), /^The page does not contain “Goodbye”\.$/],
      [login({ headers: [] }), /^Answered 401; expected status 200\. The answer began: \{"error":"unauthorized"\}$/],
      [login({ url: `${api.origin}/slow`, method: 'GET', body: null, expectedStatus: 'success', maxLatencyMs: 50 }), /^Answered in \d+ ms; the limit is 50 ms\.$/],
      [login({ url: `${api.origin}/slow`, method: 'GET', body: null, expectedStatus: 'success', jsonPath: 'status' }), /^The answer is not JSON, so status cannot be read\. It began: ok$/],
    ] as const;
    const ids: string[] = [];
    for (const [fields] of cases) ids.push((await caller.monitoring.create({ ...fields, name: `Case ${ids.length}` })).id);
    const results = await checkNow(...ids);
    cases.forEach(([, message], i) => {
      expect(results.get(ids[i]!)!.ok, String(message)).toBe(false);
      expect(results.get(ids[i]!)!.error).toMatch(message);
    });
  });

  it('refuses at save time what cannot work, with a field message, and saves nothing', async () => {
    const caller = app.caller(owner);
    const [before] = await app.db.select({ n: count() }).from(monitors).where(eq(monitors.projectId, projectId));
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ headers: [{ name: 'Authorization', value: 'Bearer {{secret.NOT_STORED}}' }] }, 'headers.0.value', /no secret named NOT_STORED/],
      [{ body: '{"password":"{{secret.ALSO_MISSING}}"}' }, 'body', /no secret named ALSO_MISSING/],
      [{ method: 'GET' }, 'body', /A GET request sends no body/],
      [{ headers: [{ name: 'Authorization', value: `Bearer ${['ghp', 'x1Y2z3A4b5C6d7E8f9G0h1I2j3K4l5M6n7O8'].join('_')}` }] }, 'headers.0.value', /Store it under Project settings → Secrets and write \{\{secret\.NAME\}\}/],
      [{ headers: [{ name: 'Host', value: 'evil.example' }] }, 'headers.0.name', /sets this header itself/],
      [{ headers: [{ name: 'Bad Header', value: 'x' }] }, 'headers.0.name', /letters, digits and -/],
      [{ jsonPath: 'data[0].id' }, 'jsonPath', /names and positions joined by dots/],
      [{ jsonExpected: 'pro' }, 'jsonPath', /Name the path/],
      [{ maxLatencyMs: 6000 }, 'maxLatencyMs', /below the timeout/],
      [{ body: 'x'.repeat(16_385) }, 'body', /under 16,384 characters/],
    ];
    for (const [extra, field, message] of cases) {
      const error = await refusal(caller.monitoring.create(login(extra)));
      expect(fieldErrorsOf(error)[field], field).toMatch(message);
    }
    const [after] = await app.db.select({ n: count() }).from(monitors).where(eq(monitors.projectId, projectId));
    expect(after!.n).toBe(before!.n);
  });

  it('a secret removed after saving fails the check by name, and nothing is sent', async () => {
    const caller = app.caller(owner);
    await caller.secrets.set({ projectId, name: 'TEMP_KEY', value: 'temporary-key-0123456789' });
    const monitor = await caller.monitoring.create(login({ name: 'Temp', headers: [{ name: 'X-Api-Key', value: '{{secret.TEMP_KEY}}' }] }));
    await caller.secrets.remove({ projectId, name: 'TEMP_KEY' });
    const sent = hits.length;
    const result = (await checkNow(monitor.id)).get(monitor.id)!;
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/^The secret TEMP_KEY is not set for this project\. Add it under Project settings → Secrets/);
    expect(hits.length).toBe(sent);
  });
});

describe('endpoint settings for safe replay', () => {
  const fields = (endpoints: unknown[]) => ({ projectId, name: 'Requests', productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com', endpoints }) as never;

  it('keeps headers, the body and the mark on writes; refuses a mark without a body or a missing secret', async () => {
    const caller = app.caller(owner);
    await caller.project.update(
      fields([
        { kind: 'checkout', method: 'POST', url: '/api/orders', safeToReplay: true, body: '{"sandbox":true}', headers: [{ name: 'X-Api-Key', value: '{{secret.API_KEY}}' }] },
        { kind: 'dashboard', method: 'GET', url: '/api/me', safeToReplay: true, body: 'ignored for a read' },
      ]),
    );
    const [row] = await app.db.select({ endpoints: projects.endpoints }).from(projects).where(eq(projects.id, projectId));
    expect(row!.endpoints).toEqual([
      { kind: 'checkout', method: 'POST', url: '/api/orders', safeToReplay: true, body: '{"sandbox":true}', headers: [{ name: 'X-Api-Key', value: '{{secret.API_KEY}}' }] },
      { kind: 'dashboard', method: 'GET', url: '/api/me' },
    ]);
    const noBody = await refusal(caller.project.update(fields([{ kind: 'checkout', method: 'POST', url: '/api/orders', safeToReplay: true }])));
    expect(fieldErrorsOf(noBody)['endpoints.0.body']).toMatch(/Give the body to send/);
    const missing = await refusal(caller.project.update(fields([{ kind: 'checkout', method: 'POST', url: '/api/orders', safeToReplay: true, body: '{"k":"{{secret.NOPE}}"}' }])));
    expect(fieldErrorsOf(missing)['endpoints.0.body']).toMatch(/no secret named NOPE/);
    const [unchanged] = await app.db.select({ endpoints: projects.endpoints }).from(projects).where(eq(projects.id, projectId));
    expect(unchanged!.endpoints).toEqual(row!.endpoints);
  });
});
