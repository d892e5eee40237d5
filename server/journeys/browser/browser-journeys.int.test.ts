/**
 * Browser journeys end to end on the database, in real Chromium: created through the router,
 * claimed and run by the worker's path against the loopback product, written with the alert
 * state and (on failure) a screenshot. A good sign-in passes; a dead button fails at step 5 with
 * a screenshot; missing text fails at the last step; a page loading a private address has that
 * request refused (the private server never sees a connection) and a WebSocket closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { journeyRuns, journeys, journeyScreenshots, type BrowserStep } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import type { SessionUser } from '@/server/trpc/context';
import { createNetwork } from '@/server/net';
import { startHttpServer, type TestServer } from '@/test/testnet/servers';
import { BROWSER_PASSWORD, BROWSER_USER, startBrowserJourneySite, WELCOME_TEXT, type BrowserSite } from '@/test/testnet/browser-journey-site';
import { boxOf } from '../secret-box';
import { runDueJourneysOnce } from '../worker-loop';
import { createBrowserPool, type BrowserPool } from './browser-pool';
import { runBrowserJourney } from './run-browser-journey';

// Only the product's own address is opened to the browser: 127.0.0.2 stays refused like any private address.
const http = createNetwork({ policy: { allowLoopback: ['127.0.0.1'] } }).http;
const secrets = async () => boxOf({ QA_PASSWORD: BROWSER_PASSWORD });
let app: TestApp;
let owner: SessionUser;
let site: BrowserSite;
let privateServer: TestServer;
let pool: BrowserPool;

beforeAll(async () => {
  process.env.LR_MONITOR_ALLOW_LOOPBACK = 'on';
  app = await createTestApp();
  owner = await app.signUp('Browser Owner');
  site = await startBrowserJourneySite();
  privateServer = await startHttpServer((_req, res) => res.end('internal'), '127.0.0.2');
  pool = createBrowserPool();
}, 120_000);
afterAll(async () => {
  await pool?.close();
  await site?.close();
  await privateServer?.close();
  await app?.close();
});

const signInSteps = (origin: string): BrowserStep[] => [
  { name: 'Open the sign-in page', action: 'visit', target: `${origin}/login`, value: null, timeoutMs: 15_000 },
  { name: 'Type the email', action: 'fill', target: '#email', value: BROWSER_USER, timeoutMs: 10_000 },
  { name: 'Type the password', action: 'fill', target: 'Password', value: '{{secret.QA_PASSWORD}}', timeoutMs: 10_000 },
  { name: 'Press Sign in', action: 'click', target: 'Sign in', value: null, timeoutMs: 10_000 },
  { name: 'Reach home', action: 'expect-url', target: '/home', value: null, timeoutMs: 10_000 },
  { name: 'See the greeting', action: 'expect-text', target: WELCOME_TEXT, value: null, timeoutMs: 5_000 },
];

async function makeProject(name: string) {
  const caller = app.caller(owner);
  const workspace = await caller.workspace.create({ name: `${name} studio` });
  const project = await caller.project.create({ workspaceId: workspace.id, name, productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'idea-prototype', primaryDomain: 'example.com', templateId: 'coach-dashboard-prototype' });
  return project.id;
}

async function runNow(journeyId: string) {
  const now = new Date();
  await app.db.update(journeys).set({ nextRunAt: new Date(now.getTime() - 1000), leaseUntil: null }).where(eq(journeys.id, journeyId));
  return runDueJourneysOnce({ db: app.db, http, worker: 'browser-test', secrets, now, browser: { pool } });
}

describe('browser journeys in Chromium', () => {
  it('refuses a pasted password and a browser journey without a visit first', async () => {
    const projectId = await makeProject('Refusals');
    const caller = app.caller(owner);
    const pasted = signInSteps(site.origin).map((s) => (s.value === '{{secret.QA_PASSWORD}}' ? { ...s, value: 'password=hunter2hunter2' } : s));
    await expect(caller.journeys.create({ projectId, name: 'Pasted', kind: 'browser', browserSteps: pasted, intervalSeconds: 60 })).rejects.toThrow();
    await expect(caller.journeys.create({ projectId, name: 'No visit', kind: 'browser', browserSteps: signInSteps(site.origin).slice(1), intervalSeconds: 60 })).rejects.toThrow(/Start with a “visit” step/);
    expect(await app.db.select().from(journeys).where(eq(journeys.projectId, projectId))).toHaveLength(0);
  });

  it('passes a good sign-in, then fails at step 5 (never reaches home) with a screenshot when the button does nothing', { timeout: 180_000 }, async () => {
    const projectId = await makeProject('Browser sign-in');
    const { id } = await app.caller(owner).journeys.create({ projectId, name: 'Sign in in a browser', kind: 'browser', browserSteps: signInSteps(site.origin), intervalSeconds: 60, failThreshold: 1, recoverThreshold: 1 });

    site.set({ deadButton: false });
    const good = await runNow(id);
    expect(good.runs).toHaveLength(1);
    expect(good.runs[0]!.failReason).toBeNull();
    expect(good.runs[0]!.ok).toBe(true);
    expect(site.signIns()).toBe(1);

    site.set({ deadButton: true });
    const bad = await runNow(id);
    expect(bad.runs[0]!.ok).toBe(false);
    expect(bad.runs[0]!.failedStep).toBe(4);
    expect(bad.runs[0]!.failReason).toMatch(/^Step 5 \(Reach home\): The page is at .*\/login, not \/home/);

    const runs = await app.db.select().from(journeyRuns).where(eq(journeyRuns.journeyId, id));
    expect(runs.map((r) => r.ok).sort()).toEqual([false, true]);
    // Nothing kept as text holds the password.
    expect(JSON.stringify(runs)).not.toContain(BROWSER_PASSWORD);
    const [shot] = await app.db.select().from(journeyScreenshots).where(eq(journeyScreenshots.journeyId, id));
    expect(shot!.png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(shot!.failedStep).toBe(4);
    expect(shot!.pageUrl).toContain('/login');

    const detail = await app.caller(owner).journeys.get({ projectId, journeyId: id });
    expect(detail.summary.stepCount).toBe(6);
    expect(detail.secretNames).toEqual(['QA_PASSWORD']);
    expect(detail.screenshot).toMatchObject({ failedStep: 4 });
    expect(detail.screenshot!.dataUrl).toMatch(/^data:image\/png;base64,/);
    const [row] = await app.db.select().from(journeys).where(eq(journeys.id, id));
    expect(row!.state).toBe('down');
  });

  it('fails at the last step when the expected text is missing', { timeout: 120_000 }, async () => {
    site.set({ deadButton: false, missingText: true });
    const result = await runBrowserJourney(pool, http, signInSteps(site.origin), await secrets());
    site.set({ missingText: false });
    expect(result.failedStep).toBe(5);
    expect(result.failReason).toContain(`Step 6 (See the greeting): The page does not show “${WELCOME_TEXT}”`);
    expect(result.steps.slice(0, 5).every((s) => s.ok)).toBe(true);
    expect(result.screenshot?.png.length).toBeGreaterThan(1000);
  });

  it('refuses the page’s requests to a private address and its WebSocket; the private server sees no connection', { timeout: 120_000 }, async () => {
    site.set({ privateResource: privateServer.origin, webSocket: `ws://127.0.0.1:${site.port}/socket` });
    try {
      const result = await runBrowserJourney(pool, http, signInSteps(site.origin), await secrets());
      // The sign-in itself still works: only the private requests are refused.
      expect(result.failReason).toBeNull();
      expect(result.refused.map((r) => r.url)).toEqual(expect.arrayContaining([`${privateServer.origin}/tracker.png`, `${privateServer.origin}/internal.json`, `ws://127.0.0.1:${site.port}/socket`]));
      expect(result.refused.find((r) => r.url.endsWith('/tracker.png'))!.reason).toMatch(/127\.0\.0\.2/);
      expect(privateServer.acceptedConnections()).toBe(0);
    } finally {
      site.set({ privateResource: null, webSocket: null });
    }
  });

  it('a first page at a private address fails the visit step and says why', { timeout: 60_000 }, async () => {
    const result = await runBrowserJourney(pool, http, [{ name: 'Open', action: 'visit', target: `${privateServer.origin}/`, value: null, timeoutMs: 5000 }], await secrets());
    expect(result.failReason).toMatch(/^Step 1 \(Open\): The page could not be loaded: .*127\.0\.0\.2.* is refused/);
    expect(privateServer.acceptedConnections()).toBe(0);
  });
});
