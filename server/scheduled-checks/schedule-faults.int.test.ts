/**
 * Scheduled runs under faults, with a clock the test moves (no waiting on wall time): a worker
 * killed mid-run, a worker stalled past its lease, a person's run in the way, people's hourly
 * limit, a worker stopping, a run that keeps failing; and the setting itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne, sql } from 'drizzle-orm';
import { activityLog, checkRuns, checkSchedules, findingEvents, findings } from '@/db/schema';
import type { CheckDeps } from '@/server/checks/types';
import type { SessionUser } from '@/server/trpc/context';
import { beginCheckRun, RUNS_PER_HOUR, waitForRunsInFlight } from '@/server/check-runs/run';
import { startTestProduct, type TestProduct } from '@/test/testnet/product';
import { createTestApp, type TestApp } from '@/test/harness';
import { claimDueSchedules, linkRun } from './claim';
import { enqueueFindingAlerts } from './finding-alerts';
import { BUSY_RETRY_MS, FAILURE_RETRY_MS, MAX_ATTEMPTS } from './runner';
import { SCHEDULE_LEASE_MS } from './scheduler';
import { adoptProjects } from './settings';
import { deliveriesOf, projectOnProduct, scheduledRuns, scheduleOf, schedulers, testClock } from '@/test/scheduled-checks/fixtures';

const DAY = 86_400_000;
let product: TestProduct;
let app: TestApp;
let founder: SessionUser;
const clock = testClock(new Date());

beforeAll(async () => {
  product = await startTestProduct({ blockers: true });
  product.setBroken(true);
  app = await createTestApp({ checkDeps: () => product.deps });
  founder = await app.signUp('Fay Faults');
});
afterAll(async () => {
  await app?.close();
  await product?.close();
});

/** A fresh project whose slot is due at `slot`; every other project's schedule is off, so only it is claimed. */
async function dueProject(name: string) {
  const projectId = await projectOnProduct(app, product, founder, name, `${name.toLowerCase().replace(/\W+/g, '-')}@example.test`);
  await adoptProjects(app.db, clock.now());
  await app.db.update(checkSchedules).set({ frequency: 'off', nextRunAt: null }).where(ne(checkSchedules.projectId, projectId));
  const slot = new Date(Math.floor(clock.now().getTime() / 60_000) * 60_000 + 10 * 60_000);
  await app.db.update(checkSchedules).set({ nextRunAt: slot }).where(eq(checkSchedules.projectId, projectId));
  clock.set(new Date(slot.getTime() + 1000));
  return { projectId, slot };
}

/** Each finding opened once, and one alert per critical/high finding: no transition recorded or sent twice. */
async function expectEachTransitionOnce(projectId: string) {
  const events = await app.db.select({ findingId: findingEvents.findingId, n: sql<number>`count(*)::int` }).from(findingEvents).where(and(eq(findingEvents.projectId, projectId), eq(findingEvents.kind, 'opened'))).groupBy(findingEvents.findingId);
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((e) => Number(e.n) === 1)).toBe(true);
  const serious = await app.db.select({ id: findings.id }).from(findings).where(and(eq(findings.projectId, projectId), sql`${findings.severity} in ('critical', 'high')`));
  const deliveries = await deliveriesOf(app, projectId);
  expect(deliveries.map((d) => (d.payload.kind === 'finding' ? d.payload.findingId : null)).sort()).toEqual(serious.map((f) => f.id).sort());
}

/** Check deps whose HTTP requests wait until `open()`: a worker stalled in the middle of its run. */
function stalledDeps() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const request: CheckDeps['http']['request'] = async (url, options) => {
    await gate;
    return product.deps.http.request(url, options);
  };
  const deps: CheckDeps = { ...product.deps, http: { request } };
  return { deps, open };
}

async function waitForRunning(projectId: string) {
  for (let i = 0; i < 200; i += 1) {
    const [run] = await app.db.select({ id: checkRuns.id }).from(checkRuns).where(and(eq(checkRuns.projectId, projectId), eq(checkRuns.status, 'running')));
    if (run) return run.id;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('The run never started.');
}

describe('crash safety', () => {
  it('takes over the slot of a worker killed mid-run once its lease runs out, and runs it once', { timeout: 120_000 }, async () => {
    const { projectId, slot } = await dueProject('Killed Co');
    // A worker claims the slot, starts the run, and dies.
    const [claim] = await claimDueSchedules(app.db, { worker: 'dead', now: clock.now(), limit: 1, leaseMs: SCHEDULE_LEASE_MS });
    const dead = await beginCheckRun({ db: app.db, checkDeps: () => product.deps }, { projectId, actorId: null, scheduledFor: slot, alsoInTx: async (tx, runId) => void (await linkRun(tx, claim!, runId)) });

    const [live] = schedulers(app, product, clock, ['live']);
    await live!.tick();
    expect(await scheduledRuns(app, projectId)).toHaveLength(1); // the lease holds: nobody runs it twice at once
    clock.advance(SCHEDULE_LEASE_MS + 1000);
    await live!.tick();
    await live!.idle();
    expect(live!.stats).toMatchObject({ done: 1 });

    const runs = await scheduledRuns(app, projectId);
    expect(runs.map((r) => [r.id === dead.runId, r.status])).toEqual([[true, 'failed'], [false, 'done']]);
    expect(runs[0]!.error).toMatch(/stopped before they finished/);
    expect(runs.every((r) => r.scheduledFor?.getTime() === slot.getTime())).toBe(true);
    expect((await scheduleOf(app, projectId)).nextRunAt).toEqual(new Date(slot.getTime() + DAY));
    await expectEachTransitionOnce(projectId);
  });

  it('stores nothing from a worker that stalled past its lease while another took the slot over', { timeout: 120_000 }, async () => {
    const { projectId, slot } = await dueProject('Stalled Co');
    const stalled = stalledDeps();
    const [slow] = schedulers(app, product, clock, ['slow'], { checkDeps: () => stalled.deps });
    await slow!.tick();
    const slowRun = await waitForRunning(projectId);

    clock.advance(SCHEDULE_LEASE_MS + 1000);
    const [fast] = schedulers(app, product, clock, ['fast']);
    await fast!.tick();
    await fast!.idle();
    stalled.open();
    await slow!.idle();
    expect(fast!.stats.done).toBe(1);
    expect(slow!.stats).toMatchObject({ done: 0, lost: 1 });

    const runs = await scheduledRuns(app, projectId);
    expect(runs.filter((r) => r.status === 'done')).toHaveLength(1);
    expect(runs.find((r) => r.id === slowRun)).toMatchObject({ status: 'failed' });
    expect((await scheduleOf(app, projectId)).nextRunAt).toEqual(new Date(slot.getTime() + DAY));
    await expectEachTransitionOnce(projectId);
  });

  it('hands the slot back at once when its worker stops, and another worker runs it', { timeout: 120_000 }, async () => {
    const { projectId } = await dueProject('Stopping Co');
    const [stopping, other] = schedulers(app, product, clock, ['stopping', 'other']);
    await stopping!.tick();
    await stopping!.stop();
    expect(stopping!.stats.stopped).toBe(1);
    expect(await scheduleOf(app, projectId)).toMatchObject({ leaseUntil: null, attempts: 0, runId: null });
    const [stoppedRun] = await scheduledRuns(app, projectId);
    expect(stoppedRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/worker stopped/) });

    await other!.tick();
    await other!.idle();
    expect(other!.stats.done).toBe(1);
    await expectEachTransitionOnce(projectId);
  });

  it('gives a slot up after three failed attempts, says why, and moves on to the next slot', { timeout: 60_000 }, async () => {
    const { projectId, slot } = await dueProject('Failing Co');
    const [broken] = schedulers(app, product, clock, ['broken'], {
      checkDeps: () => {
        throw new Error('resolver misconfigured');
      },
    });
    await broken!.tick();
    await broken!.idle();
    expect(broken!.stats.failed).toBe(1);
    expect(await scheduleOf(app, projectId)).toMatchObject({ attempts: 1, leaseUntil: new Date(clock.now().getTime() + FAILURE_RETRY_MS), lastError: 'the run stopped unexpectedly.', nextRunAt: slot });
    await broken!.tick(); // not yet: it waits before trying again
    expect(broken!.stats.failed).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      clock.advance((attempt - 1) * FAILURE_RETRY_MS + 1000);
      await broken!.tick();
      await broken!.idle();
    }
    expect(broken!.stats).toMatchObject({ failed: 2, 'given-up': 1 });
    const row = await scheduleOf(app, projectId);
    expect(row).toMatchObject({ attempts: 0, leaseUntil: null, nextRunAt: new Date(slot.getTime() + DAY) });
    expect(row.lastError).toMatch(/did not finish after 3 attempts/);
    expect((await scheduledRuns(app, projectId)).map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect((await app.caller(founder).checks.schedule({ projectId })).lastError).toBe(row.lastError);
  });

  it('gives up a slot whose workers keep dying, without running it a fourth time', async () => {
    const { projectId, slot } = await dueProject('Crashing Co');
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      expect(await claimDueSchedules(app.db, { worker: `dies-${i}`, now: clock.now(), limit: 1, leaseMs: SCHEDULE_LEASE_MS })).toHaveLength(1);
      clock.advance(SCHEDULE_LEASE_MS + 1000);
    }
    const [last] = schedulers(app, product, clock, ['last']);
    await last!.tick();
    await last!.idle();
    expect(last!.stats['given-up']).toBe(1);
    expect(await scheduledRuns(app, projectId)).toHaveLength(0);
    expect((await scheduleOf(app, projectId)).nextRunAt).toEqual(new Date(slot.getTime() + DAY));
  });
});

describe("people's runs", () => {
  it('waits for a run a person started, without counting an attempt', { timeout: 120_000 }, async () => {
    const { projectId } = await dueProject('Busy Co');
    const [theirs] = await app.db.insert(checkRuns).values({ projectId, checkIds: ['spf'], target: {}, startedBy: founder.id, progress: { total: 1, done: 0, current: [] } }).returning();
    const [worker] = schedulers(app, product, clock, ['polite']);
    await worker!.tick();
    await worker!.idle();
    expect(worker!.stats.busy).toBe(1);
    expect(await scheduleOf(app, projectId)).toMatchObject({ attempts: 0, leaseUntil: new Date(clock.now().getTime() + BUSY_RETRY_MS), runId: null });

    await app.db.update(checkRuns).set({ status: 'done', finishedAt: new Date() }).where(eq(checkRuns.id, theirs!.id));
    await worker!.tick();
    expect(worker!.stats.done).toBe(0); // it waits out the retry time
    clock.advance(BUSY_RETRY_MS + 1000);
    await worker!.tick();
    await worker!.idle();
    expect(worker!.stats.done).toBe(1);
  });

  it("is not held back by people's hourly limit, and does not use it up", { timeout: 120_000 }, async () => {
    const { projectId } = await dueProject('Limited Co');
    const theirs = Array.from({ length: RUNS_PER_HOUR }, () => ({ projectId, checkIds: ['spf'], target: {}, status: 'done' as const, startedBy: founder.id, progress: { total: 1, done: 1, current: [] }, finishedAt: new Date() }));
    const inserted = await app.db.insert(checkRuns).values(theirs).returning({ id: checkRuns.id });
    await expect(app.caller(founder).checks.start({ projectId })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    const [worker] = schedulers(app, product, clock, ['unlimited']);
    await worker!.tick();
    await worker!.idle();
    expect(worker!.stats.done).toBe(1);

    // With one of theirs gone, people have one run left this hour: the scheduled run took none of it.
    await app.db.delete(checkRuns).where(eq(checkRuns.id, inserted[0]!.id));
    await app.caller(founder).checks.start({ projectId });
    await waitForRunsInFlight();
    await expect(app.caller(founder).checks.start({ projectId })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe('the setting', () => {
  it('lets editors choose off, daily or weekly at an hour; the next slot starts over and "off" stops runs', { timeout: 60_000 }, async () => {
    const { projectId } = await dueProject('Weekly Co');
    const now = new Date();
    const weekly = await app.caller(founder).checks.setSchedule({ projectId, frequency: 'weekly', hourUtc: 6 });
    expect(weekly).toMatchObject({ frequency: 'weekly', hourUtc: 6 });
    expect(weekly.nextRunAt!.getUTCHours()).toBe(6);
    expect(weekly.nextRunAt!.getTime() - now.getTime()).toBeGreaterThan(0);
    expect(weekly.nextRunAt!.getTime() - now.getTime()).toBeLessThanOrEqual(DAY);

    await expect(app.caller(founder).checks.setSchedule({ projectId, frequency: 'weekly', hourUtc: 24 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(app.caller(founder).checks.setSchedule({ projectId, frequency: 'hourly' as 'daily', hourUtc: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await app.caller(founder).checks.schedule({ projectId })).toMatchObject({ frequency: 'weekly', hourUtc: 6, nextRunAt: weekly.nextRunAt });

    // After a weekly run, the next slot is a week on.
    clock.set(new Date(weekly.nextRunAt!.getTime() + 1000));
    const [worker] = schedulers(app, product, clock, ['weekly']);
    await worker!.tick();
    await worker!.idle();
    expect(worker!.stats.done).toBe(1);
    expect((await app.caller(founder).checks.schedule({ projectId })).nextRunAt).toEqual(new Date(weekly.nextRunAt!.getTime() + 7 * DAY));

    const off = await app.caller(founder).checks.setSchedule({ projectId, frequency: 'off', hourUtc: 6 });
    expect(off.nextRunAt).toBeNull();
    clock.advance(30 * DAY);
    await worker!.tick();
    await worker!.idle();
    expect(worker!.stats.done).toBe(1);
    const activity = await app.db.select({ action: activityLog.action, summary: activityLog.summary, actorId: activityLog.actorId }).from(activityLog).where(eq(activityLog.projectId, projectId));
    expect(activity.filter((a) => a.action === 'checks.schedule').map((a) => a.summary)).toEqual([expect.stringMatching(/^set the checks to run again every week on \w+day at 06:\d\d UTC$/), 'turned scheduled checks off']);
    expect(activity.find((a) => a.action === 'schedule.run')).toMatchObject({ actorId: null });
  });

  it('leaves archived projects alone, and takes them up again when restored', { timeout: 60_000 }, async () => {
    const { projectId, slot } = await dueProject('Archived Co');
    await app.caller(founder).project.archive({ projectId });
    const [worker] = schedulers(app, product, clock, ['archivist']);
    await worker!.tick();
    await worker!.idle();
    expect(await scheduledRuns(app, projectId)).toHaveLength(0);
    await app.caller(founder).project.restore({ projectId });
    await worker!.tick();
    await worker!.idle();
    expect((await scheduledRuns(app, projectId)).map((r) => r.scheduledFor)).toEqual([slot]);
  });

  it('alerts only for critical and high findings', async () => {
    const { projectId } = await dueProject('Quiet Co');
    const seen = new Date();
    const rows = await app.db
      .insert(findings)
      .values(
        (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({ projectId, fingerprint: `f-${severity}`, checkId: 'headers', code: `headers.${severity}`, subject: 'acme.test', severity, impact: 'security' as const, message: `A ${severity} problem.`, fix: 'Fix it.', firstSeenAt: seen, lastSeenAt: seen })),
      )
      .returning({ id: findings.id, severity: findings.severity });
    const events = await app.db.insert(findingEvents).values(rows.map((r) => ({ findingId: r.id, projectId, kind: 'opened' as const }))).returning({ id: findingEvents.id, findingId: findingEvents.findingId });
    const [run] = await app.db.insert(checkRuns).values({ projectId, checkIds: ['headers'], target: {}, status: 'done', progress: { total: 1, done: 1, current: [] } }).returning();
    const transitions = events.map((e) => ({ findingId: e.findingId, eventId: e.id, kind: 'opened' as const }));
    const count = await app.db.transaction((tx) => enqueueFindingAlerts(tx, { projectId, runId: run!.id, transitions, now: seen }));
    expect(count).toBe(2);
    // The same transitions again (a retried transaction): nothing more.
    expect(await app.db.transaction((tx) => enqueueFindingAlerts(tx, { projectId, runId: run!.id, transitions, now: seen }))).toBe(0);
    const sent = (await deliveriesOf(app, projectId)).map((d) => (d.payload.kind === 'finding' ? d.payload.severity : null));
    expect(sent.sort()).toEqual(['critical', 'high']);
  });
});
