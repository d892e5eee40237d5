/**
 * "Faults send no duplicate alerts", on a real database with a real SMTP server and webhook
 * receiver: a slot re-run after its lease ran out, a stale worker's late write, a database that
 * refuses to record a sent email, a slow receiver outlasting the lease, a worker dying mid-send.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { alertChannels, alertDeliveries, monitorResults, monitorRollups, monitors, outboxMessages, projects, workspaces } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { createNetwork } from '@/server/net';
import { createMailer, type Mailer } from '@/server/mail/mailer';
import { startSmtp, startTarget, type Target } from '@/test/testnet/monitoring-fixtures';
import { claimDue, type ClaimedSlot } from './claim';
import { runProbe } from './probe';
import { runDueOnce } from '@/test/monitoring/run-once';
import { writeResults, type FinishedCheck } from './write-results';
import { deliverDue } from './alerts/deliver';
import { sendAlert } from './alerts/send';
import { rowsOf } from './sql-rows';

// Live workers, servers and a database on a shared, loaded machine: these bounds only stop a
// hung test; every wait inside is for an event (a row written, a request held), never a sleep.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const network = createNetwork({ policy: { allowLoopback: true } });
let app: TestApp;
let target: Target;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailer: Mailer;
let ownerId: string;

beforeAll(async () => {
  app = await createTestApp();
  target = await startTarget();
  smtp = await startSmtp();
  mailer = createMailer({ db: app.db, smtpUrl: smtp.url, from: 'Launch Ready <alerts@launch-ready.local>' });
  ownerId = (await app.signUp('Owner')).id;
});
afterAll(async () => {
  await smtp.close();
  await target.close();
  await app.close();
});

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

/** A project with one email channel (or a webhook channel) and one monitor at `path` whose slot is due now. */
async function setup(name: string, path: string, channel: { email: string } | { url: string; secret: string }) {
  const [ws] = await app.db.insert(workspaces).values({ name, createdBy: ownerId }).returning();
  const [project] = await app.db
    .insert(projects)
    .values({ workspaceId: ws!.id, name, productType: 'other', segment: 'other', maturity: 'demo-launch', primaryDomain: 'example.com' })
    .returning();
  await app.db.insert(alertChannels).values({ projectId: project!.id, kind: 'email' in channel ? 'email' : 'webhook', name: 'Ops', config: channel });
  const [monitor] = await app.db
    .insert(monitors)
    // The time limit only bounds a hung probe: a healthy answer on a loaded machine must not read as down.
    .values({ projectId: project!.id, name, kind: 'http', url: `${target.origin}${path}`, intervalSeconds: 60, timeoutMs: 30_000, failThreshold: 1, recoverThreshold: 1, state: 'up', nextRunAt: new Date(Date.now() - 100) })
    .returning();
  lastSlot.set(monitor!.id, monitor!.nextRunAt);
  return { projectId: project!.id, monitorId: monitor!.id };
}

/** Each monitor's latest slot handed out, so the next is strictly later without waiting for the clock to move. */
const lastSlot = new Map<string, Date>();

/** The next slot of a monitor is due now (as if its time had come, or it was resumed): one millisecond after its last. */
async function dueNow(monitorId: string) {
  const next = new Date(lastSlot.get(monitorId)!.getTime() + 1);
  lastSlot.set(monitorId, next);
  await app.db.update(monitors).set({ nextRunAt: next, leaseUntil: null, leaseOwner: null }).where(eq(monitors.id, monitorId));
}

async function run(slot: ClaimedSlot): Promise<FinishedCheck> {
  return { ...(await runProbe(network, slot)), monitorId: slot.monitorId, scheduledAt: slot.scheduledAt, startedAt: new Date() };
}

async function claimOne(worker: string, monitorId: string): Promise<ClaimedSlot> {
  const now = new Date();
  const claimed = await claimDue(app.db, { worker, now, horizon: now, limit: 100 });
  const slot = claimed.find((c) => c.monitorId === monitorId);
  expect(slot, `${worker} claims the slot`).toBeDefined();
  return slot!;
}

const deliveriesOf = (projectId: string) => app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, projectId)).orderBy(alertDeliveries.createdAt);
const monitorRow = async (id: string) => (await app.db.select().from(monitors).where(eq(monitors.id, id)))[0]!;
const stop = (id: string) => app.db.update(monitors).set({ enabled: false }).where(eq(monitors.id, id));

describe('state transitions: one per monitor and slot', () => {
  it('a slot run again after its lease ran out, the target flipping in between, changes the state once and alerts once', async () => {
    const email = 'ops-rerun@example.test';
    const { projectId, monitorId } = await setup('Rerun', '/rerun', { email });
    target.setMode('fail', '/rerun');
    const first = await claimOne('w1', monitorId);
    const failed = await run(first);

    // w1's write waits for the database; meanwhile its lease runs out and the slot is claimed
    // again (by w1 itself here, so both runs end up in one batch) and run against a target that
    // has recovered in the meantime.
    await app.db.update(monitors).set({ leaseUntil: new Date(Date.now() - 1) }).where(eq(monitors.id, monitorId));
    target.setMode('ok', '/rerun');
    const again = await claimOne('w1', monitorId);
    expect(again.reclaimed).toBe(true);
    expect(again.scheduledAt.getTime()).toBe(first.scheduledAt.getTime());
    const passed = await run(again);
    expect((await writeResults(app.db, [failed, passed], 'w1')).written).toBe(1);

    // A second worker that also ran the slot writes later: nothing more.
    expect((await writeResults(app.db, [passed], 'w2')).written).toBe(0);

    const row = await monitorRow(monitorId);
    expect(row.state).toBe('down'); // the slot's first recorded result counts, once
    expect(row.consecutiveFailures).toBe(1);
    expect(await app.db.select().from(monitorResults).where(eq(monitorResults.monitorId, monitorId))).toHaveLength(1);
    const [rollup] = await app.db.select().from(monitorRollups).where(eq(monitorRollups.monitorId, monitorId));
    expect({ checks: rollup!.checks, failures: rollup!.failures }).toEqual({ checks: 1, failures: 1 });

    const deliveries = await deliveriesOf(projectId);
    expect(deliveries.map((d) => d.payload.kind)).toEqual(['down']);
    await deliverDue(app.db, { mailer, http: network.http });
    await deliverDue(app.db, { mailer, http: network.http }, { now: new Date(Date.now() + 10 * 60_000) });
    expect(mailsTo(email)).toHaveLength(1);
    await stop(monitorId);
  });

  it("a stale worker's result for an older slot, arriving after newer slots, is kept as data but never moves the state or alerts", async () => {
    const email = 'ops-stale@example.test';
    const { projectId, monitorId } = await setup('Stale', '/stale', { email });
    target.setMode('fail', '/stale');
    const slot = await claimOne('frozen', monitorId);
    const late = await run(slot); // the worker freezes holding this result

    // The schedule moves on without it (the monitor was paused and resumed): newer slots are
    // run by another worker: down, then recovered.
    // Run at the slot's own time (an injected clock): a loaded machine cannot make it "missed".
    await dueNow(monitorId);
    await runDueOnce(app.db, network, 'w2', lastSlot.get(monitorId));
    target.setMode('ok', '/stale');
    await dueNow(monitorId);
    await runDueOnce(app.db, network, 'w2', lastSlot.get(monitorId));
    expect((await monitorRow(monitorId)).state).toBe('up');

    expect((await writeResults(app.db, [late], 'frozen')).written).toBe(1);
    const row = await monitorRow(monitorId);
    expect(row.state).toBe('up');
    expect(row.lastOk).toBe(true);
    const [rollup] = await app.db.select({ checks: sql<number>`sum(${monitorRollups.checks})::int` }).from(monitorRollups).where(eq(monitorRollups.monitorId, monitorId));
    expect(Number(rollup!.checks)).toBe(3);
    expect((await deliveriesOf(projectId)).map((d) => d.payload.kind)).toEqual(['down', 'recovered']);
    await deliverDue(app.db, { mailer, http: network.http });
    expect(mailsTo(email).map((m) => /Subject: \[Stale\] Stale is (\S+)/.exec(m.raw)?.[1])).toEqual(['down', 'back']);
    await stop(monitorId);
  });
});

/** Makes the database refuse the first write that marks this delivery sent, as during a restart. */
async function refuseFirstMarkSent(deliveryId: string) {
  await app.db.execute(sql`create sequence test_mark_sent_fault`);
  await app.db.execute(
    sql.raw(`create function test_refuse_mark_sent() returns trigger language plpgsql as $$
      begin
        if nextval('test_mark_sent_fault') = 1 then raise exception 'the database system is shutting down'; end if;
        return new;
      end $$`),
  );
  // The id is a uuid the database made; quoting it into the DDL is safe.
  await app.db.execute(
    sql.raw(`create trigger test_refuse_mark_sent before update on alert_deliveries for each row
      when (new.status = 'sent' and old.id = '${deliveryId.replace(/'/g, "''")}') execute function test_refuse_mark_sent()`),
  );
  return async () => {
    await app.db.execute(sql`drop trigger test_refuse_mark_sent on alert_deliveries`);
    const [fault] = await rowsOf<{ last_value: string | number }>(app.db, sql`select last_value from test_mark_sent_fault`);
    return Number(fault!.last_value);
  };
}

describe('deliveries: each alert sent once', () => {
  it('an email that went out is not sent again when recording it as sent fails once', async () => {
    const email = 'ops-mark@example.test';
    const { projectId, monitorId } = await setup('Mark', '/mark', { email });
    target.setMode('fail', '/mark');
    await runDueOnce(app.db, network, 'w1');
    const [pending] = await deliveriesOf(projectId);
    const remove = await refuseFirstMarkSent(pending!.id);
    const now = new Date();
    try {
      await deliverDue(app.db, { mailer, http: network.http }, { now });
    } finally {
      expect(await remove()).toBeGreaterThanOrEqual(1); // the database did refuse a write
    }
    // Later passes (after any backoff, after any lease) send nothing more.
    await deliverDue(app.db, { mailer, http: network.http }, { now: new Date(now.getTime() + 10 * 60_000) });
    await deliverDue(app.db, { mailer, http: network.http }, { now: new Date(now.getTime() + 20 * 60_000) });
    expect(mailsTo(email)).toHaveLength(1);
    const [delivery] = await deliveriesOf(projectId);
    expect({ status: delivery!.status, attempts: delivery!.attempts }).toEqual({ status: 'sent', attempts: 1 });
    await stop(monitorId);
  });

  it('a receiver slower than the lease: the sending worker keeps its claim, a second worker does not send again', { timeout: 60_000 }, async () => {
    // The receiver holds the webhook until released: the send is in flight for as long as the test needs.
    const receiver = target.hold('/slow-hook');
    const { projectId, monitorId } = await setup('Slow hook', '/slow-hook-monitor', { url: `${target.origin}/slow-hook`, secret: 'x'.repeat(32) });
    target.setMode('fail', '/slow-hook-monitor');
    await runDueOnce(app.db, network, 'w1');
    const deps = { mailer, http: network.http };
    const first = deliverDue(app.db, deps, { leaseMs: 1000 });
    await receiver.arrived;
    const leaseOf = async () => (await deliveriesOf(projectId))[0]!.leaseUntil!.getTime();
    const claimedUntil = await leaseOf();
    // Wait for the sending worker to renew its claim (an event in the database, not a sleep)…
    for (let i = 0; i < 1200 && (await leaseOf()) <= claimedUntil; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(await leaseOf()).toBeGreaterThan(claimedUntil);
    // …then a second worker looks at a moment past the first lease: only the renewal keeps it.
    expect(await deliverDue(app.db, deps, { leaseMs: 1000, now: new Date(claimedUntil + 1) })).toEqual({ sent: 0, failed: 0 });
    receiver.release();
    await first;
    expect(target.hits.get('/slow-hook')).toHaveLength(1);
    const [delivery] = await deliveriesOf(projectId);
    expect(delivery!.status).toBe('sent');
    await stop(monitorId);
  });

  it('a worker that dies between sending and recording: the email is repeated once at most, after the lease', async () => {
    const email = 'ops-crash@example.test';
    const { projectId, monitorId } = await setup('Crash', '/crash', { email });
    target.setMode('fail', '/crash');
    await runDueOnce(app.db, network, 'w1');
    const [pending] = await deliveriesOf(projectId);
    // The dying worker's claim and send, as deliverDue does them; then it is gone.
    const now = new Date();
    await app.db
      .update(alertDeliveries)
      .set({ leaseUntil: new Date(now.getTime() + 60_000), attempts: 1 })
      .where(and(eq(alertDeliveries.id, pending!.id), eq(alertDeliveries.status, 'pending')));
    await sendAlert({ mailer, http: network.http }, { kind: 'email', email }, pending!.payload, `${pending!.eventKey}/${pending!.destination}`);

    await deliverDue(app.db, { mailer, http: network.http }, { now: new Date(now.getTime() + 30_000) });
    expect(mailsTo(email)).toHaveLength(1); // the lease still holds
    await deliverDue(app.db, { mailer, http: network.http }, { now: new Date(now.getTime() + 61_000) });
    await deliverDue(app.db, { mailer, http: network.http }, { now: new Date(now.getTime() + 10 * 60_000) });
    expect(mailsTo(email)).toHaveLength(2); // one repeat, then never again
    // …carrying the same Message-ID, so the mail system or client can drop it.
    const ids = mailsTo(email).map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1]);
    expect(ids[0]).toMatch(/^<[0-9a-f]{32}@launch-ready\.local>$/);
    expect(ids[1]).toBe(ids[0]);
    expect((await deliveriesOf(projectId))[0]!.status).toBe('sent');
    await stop(monitorId);
  });

  it('with the in-app outbox, a worker dying between sending and recording leaves one message, not two', async () => {
    const email = 'ops-outbox@example.test';
    const outbox = createMailer({ db: app.db, from: 'Launch Ready <alerts@launch-ready.local>' });
    const { projectId, monitorId } = await setup('Outbox crash', '/outbox-crash', { email });
    target.setMode('fail', '/outbox-crash');
    await runDueOnce(app.db, network, 'w1');
    const [pending] = await deliveriesOf(projectId);
    const now = new Date();
    await app.db.update(alertDeliveries).set({ leaseUntil: new Date(now.getTime() + 60_000), attempts: 1 }).where(eq(alertDeliveries.id, pending!.id));
    await sendAlert({ mailer: outbox, http: network.http }, { kind: 'email', email }, pending!.payload, `${pending!.eventKey}/${pending!.destination}`);

    await deliverDue(app.db, { mailer: outbox, http: network.http }, { now: new Date(now.getTime() + 61_000) });
    expect((await deliveriesOf(projectId))[0]!.status).toBe('sent');
    expect(await app.db.select().from(outboxMessages).where(eq(outboxMessages.to, email))).toHaveLength(1);
    await stop(monitorId);
  });
});
