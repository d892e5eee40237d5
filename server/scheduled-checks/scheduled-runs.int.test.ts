/**
 * Issue #12's bar for scheduled re-verification, on the loopback testnet product: two workers
 * racing for the same due slot run it once; the new critical and high findings alert once each
 * through the project's channel; a later run that fixes them says nothing; one that sees them
 * come back alerts for each again — except a finding someone accepted as a known risk.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { checkRuns, monitorResults, monitors, outboxMessages } from '@/db/schema';
import type { CheckDeps } from '@/server/checks/types';
import { startWorker } from '@/server/monitoring/worker';
import { startTarget } from '@/test/testnet/monitoring-fixtures';
import type { SessionUser } from '@/server/trpc/context';
import { createNetwork } from '@/server/net';
import { deliverDue } from '@/server/monitoring/alerts/deliver';
import { startTestProduct, type TestProduct } from '@/test/testnet/product';
import { createTestApp, type TestApp } from '@/test/harness';
import { deliveriesOf, projectOnProduct, scheduledRuns, scheduleOf, schedulers, testClock } from '@/test/scheduled-checks/fixtures';

// Live workers, servers and a database on a shared, loaded machine: these bounds only stop a
// hung test; every wait inside is for an event (a row written, a request held), never a sleep.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const DAY = 86_400_000;
const EMAIL = 'ops-scheduled@example.test';
let product: TestProduct;
let app: TestApp;
let founder: SessionUser;
let projectId: string;
const clock = testClock(new Date());
const http = createNetwork({ policy: { allowLoopback: true } }).http;

beforeAll(async () => {
  product = await startTestProduct({ blockers: true });
  app = await createTestApp({ checkDeps: () => product.deps });
  founder = await app.signUp('Sam Schedule');
  projectId = await projectOnProduct(app, product, founder, 'Nightly Co', EMAIL);
});
afterAll(async () => {
  await app?.close();
  await product?.close();
});

const mails = () => app.db.select().from(outboxMessages).where(eq(outboxMessages.to, EMAIL));

/** Both workers try at the same moment, then finish what they started; returns how many runs each did. */
async function race(at: Date) {
  clock.set(at);
  const workers = schedulers(app, product, clock, ['worker-a', 'worker-b']);
  await Promise.all(workers.map((w) => w.tick()));
  await Promise.all(workers.map((w) => w.idle()));
  return workers.map((w) => w.stats.done);
}

it('gives a new project the daily default, written down by the workers with the slot the page already showed', async () => {
  const shown = await app.caller(founder).checks.schedule({ projectId });
  expect(shown).toMatchObject({ frequency: 'daily', lastRun: null, running: null, overdue: false });
  expect(shown.nextRunAt!.getTime()).toBeGreaterThan(clock.now().getTime());
  expect(shown.nextRunAt!.getUTCHours()).toBe(shown.hourUtc);
  expect(shown.nextRunAt!.getUTCMinutes()).toBe(shown.minute);

  // Not due yet: the workers only write the default down.
  expect(await race(clock.now())).toEqual([0, 0]);
  expect((await scheduleOf(app, projectId)).nextRunAt).toEqual(shown.nextRunAt);
  expect(await scheduledRuns(app, projectId)).toHaveLength(0);
});

it('runs a due slot once with two workers racing, and alerts once per new critical or high finding', { timeout: 180_000 }, async () => {
  product.setBroken(true);
  const slot = (await scheduleOf(app, projectId)).nextRunAt!;
  const done = await race(new Date(slot.getTime() + 1000));
  expect(done.sort()).toEqual([0, 1]);

  const runs = await scheduledRuns(app, projectId);
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ status: 'done', startedBy: null, scheduledFor: slot });
  // The whole catalogue, as "Run all checks" runs it.
  expect(runs[0]!.checkIds).toHaveLength(19);

  const findings = await app.caller(founder).findings.list({ projectId });
  const alerting = findings.filter((f) => f.state === 'open' && (f.severity === 'critical' || f.severity === 'high'));
  expect(alerting.map((f) => f.code)).toEqual(expect.arrayContaining(['tls.expired', 'spf.pass-all']));
  const deliveries = await deliveriesOf(app, projectId);
  expect(deliveries.map((d) => d.payload.kind === 'finding' && d.payload.findingId).sort()).toEqual(alerting.map((f) => f.id).sort());
  expect(new Set(deliveries.map((d) => d.eventKey)).size).toBe(deliveries.length);

  expect((await deliverDue(app.db, { mailer: app.mailer, http, appUrl: 'https://ready.example.test' }, { now: clock.now() })).sent).toBe(alerting.length);
  const sent = await mails();
  expect(sent).toHaveLength(alerting.length);
  // The broken product has other high findings about app. and its certificates: pick the expired one.
  const tls = sent.find((m) => /certificate of app\.acme\.test expired/.test(`${m.subject} ${m.text}`));
  expect(tls?.subject).toMatch(/^\[Nightly Co\] New critical finding: /);
  expect(tls?.text).toContain('How to fix it: ');
  expect(tls?.text).toContain(`https://ready.example.test/p/${projectId}/risks#finding-`);

  // The slot moved on by a day, and the page says so.
  const view = await app.caller(founder).checks.schedule({ projectId });
  expect(view.nextRunAt).toEqual(new Date(slot.getTime() + DAY));
  expect(view.lastRun).toMatchObject({ runId: runs[0]!.id, status: 'done' });
  const row = await scheduleOf(app, projectId);
  expect(row).toMatchObject({ leaseUntil: null, leaseOwner: null, attempts: 0, runId: null });

  // Due no more: a second round at the same moment does nothing.
  expect(await race(new Date(slot.getTime() + 2000))).toEqual([0, 0]);
  expect(await scheduledRuns(app, projectId)).toHaveLength(1);
});

it('says nothing when a run finds the problems fixed, and alerts again when they come back — unless accepted', { timeout: 240_000 }, async () => {
  const before = (await deliveriesOf(app, projectId)).length;
  const findings = await app.caller(founder).findings.list({ projectId });
  const cors = findings.find((f) => f.checkId === 'cors' && (f.severity === 'critical' || f.severity === 'high'))!;
  const spf = findings.find((f) => f.code === 'spf.pass-all')!;
  await app.caller(founder).findings.accept({ projectId, findingId: cors.id, reason: 'Only our own admin app calls this API.', until: '2099-06-30' });

  product.setBroken(false);
  const second = (await scheduleOf(app, projectId)).nextRunAt!;
  expect((await race(new Date(second.getTime() + 1000))).sort()).toEqual([0, 1]);
  let now = await app.caller(founder).findings.list({ projectId });
  expect(now.find((f) => f.id === spf.id)!.state).toBe('fixed');
  expect(now.find((f) => f.id === cors.id)!.state).toBe('fixed');
  expect(await deliveriesOf(app, projectId)).toHaveLength(before);

  product.setBroken(true);
  const third = (await scheduleOf(app, projectId)).nextRunAt!;
  expect(third).toEqual(new Date(second.getTime() + DAY));
  expect((await race(new Date(third.getTime() + 1000))).sort()).toEqual([0, 1]);
  now = await app.caller(founder).findings.list({ projectId });
  expect(now.find((f) => f.id === spf.id)!.state).toBe('regressed');
  expect(now.find((f) => f.id === cors.id)!.state).toBe('regressed');
  const added = (await deliveriesOf(app, projectId)).slice(before);
  // The SPF record came back: one alert. The accepted CORS finding came back too: quiet.
  const aboutFindings = added.map((d) => (d.payload.kind === 'finding' ? [d.payload.findingId, d.payload.transition] : null));
  expect(aboutFindings).toContainEqual([spf.id, 'regressed']);
  expect(aboutFindings.some((a) => a?.[0] === cors.id)).toBe(false);
  // Still-open findings (the expired certificate) are not sent again.
  const tls = now.find((f) => f.code === 'tls.expired')!;
  expect(aboutFindings.some((a) => a?.[0] === tls.id)).toBe(false);
  expect(await scheduledRuns(app, projectId)).toHaveLength(3);
});

/** Waits for an event in the database; the bound (generous, for a loaded machine) only stops a hung run. */
async function until(condition: () => Promise<boolean>, what: string) {
  const bound = Date.now() + 150_000;
  while (Date.now() < bound) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

it('runs on the monitor workers: two workers take the slot once, and monitors keep their slots while it runs', { timeout: 480_000 }, async () => {
  const target = await startTarget();
  const slot = (await scheduleOf(app, projectId)).nextRunAt!;
  clock.set(new Date(slot.getTime() + 1000));
  // The run's checks wait at a gate until the monitors have fired: a run in the middle of its
  // checks must not hold them up.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const request: CheckDeps['http']['request'] = async (url, options) => {
    await gate;
    return product.deps.http.request(url, options);
  };
  const gated: CheckDeps = { ...product.deps, http: { request } };
  const start = Date.now() + 500;
  await app.db.insert(monitors).values(
    Array.from({ length: 5 }, (_, i) => ({ projectId, name: `m${i}`, kind: 'http' as const, url: `${target.origin}/ok-${i}`, intervalSeconds: 60, timeoutMs: 2000, nextRunAt: new Date(start + i * 100) })),
  );
  const network = createNetwork({ policy: { allowLoopback: true } });
  const options = { db: app.db, mailer: app.mailer, network, pollMs: 50, flushMs: 50, housekeeping: false, log: () => {}, scheduledChecks: { checkDeps: () => gated, clock: clock.now, pollMs: 50 } };
  const workers = [startWorker({ ...options, id: 'monitor-a' }), startWorker({ ...options, id: 'monitor-b' })];
  const results = async () => Number((await app.db.select({ n: sql<number>`count(*)::int` }).from(monitorResults).innerJoin(monitors, eq(monitors.id, monitorResults.monitorId)).where(eq(monitors.projectId, projectId)))[0]!.n);
  try {
    await until(async () => (await app.db.select().from(checkRuns).where(and(eq(checkRuns.projectId, projectId), eq(checkRuns.scheduledFor, slot)))).length > 0, 'the scheduled run to start');
    await until(async () => (await results()) === 5, 'the monitors to fire');
    open();
    await until(async () => (await scheduleOf(app, projectId)).lastRunAt !== null && (await scheduleOf(app, projectId)).nextRunAt!.getTime() > slot.getTime(), 'the scheduled run to finish');
  } finally {
    open();
    await Promise.all(workers.map((w) => w.stop()));
    await target.close();
  }
  const runs = await app.db.select().from(checkRuns).where(and(eq(checkRuns.projectId, projectId), eq(checkRuns.scheduledFor, slot)));
  expect(runs.map((r) => r.status)).toEqual(['done']);
  expect(workers.map((w) => w.scheduler!.stats.done).sort()).toEqual([0, 1]);
  expect(workers.reduce((n, w) => n + w.stats.missed, 0)).toBe(0);
  expect(await results()).toBe(5);
});
