/**
 * Monitoring end to end on a fresh database: claims, batched writes, missed slots, the alert
 * state machine with a real SMTP server and a signed-webhook receiver, retries that never send
 * twice, a worker dying mid-batch, a hanging target, panels and the checklist.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { alertDeliveries, checklistItems, monitorIncidents, monitorResults, monitorRollups, monitors } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { createNetwork } from '@/server/net';
import { createMailer } from '@/server/mail/mailer';
import { startSmtp, startTarget, startWebhookReceiver, type Target } from '@/test/testnet/monitoring-fixtures';
import type { SessionUser } from '@/server/trpc/context';
import { claimDue } from './claim';
import { runDueOnce } from '@/test/monitoring/run-once';
import { writeResults } from './write-results';
import { deliverDue } from './alerts/deliver';
import { signWebhook } from './alerts/send';
import { evaluateDegraded, pruneRawResults } from './housekeeping';
import { runProbe } from './probe';
import { exactQuantile } from './histogram';

// Live workers, servers and a database on a shared, loaded machine: these bounds only stop a
// hung test; every wait inside is for an event (a row written, a request held), never a sleep.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const network = createNetwork({ policy: { allowLoopback: true } });
let app: TestApp;
let target: Target;
let owner: SessionUser;
let projectId: string;

async function makeProject(name: string, endpoints: { kind: string; method: string; url: string }[] = []) {
  const caller = app.caller(owner);
  const workspace = await caller.workspace.create({ name: `${name} studio` });
  const project = await caller.project.create({
    workspaceId: workspace.id,
    name,
    productType: 'saas-dashboard',
    segment: 'coach-consultant',
    maturity: 'demo-launch',
    primaryDomain: 'example.com',
    productionUrl: 'https://app.example.com',
    endpoints: endpoints as never,
  });
  return project.id;
}

async function addMonitor(path: string, extra: Record<string, unknown> = {}) {
  const row = await app.caller(owner).monitoring.create({ projectId, name: `Check ${path}`, kind: 'http', url: `${target.origin}${path}`, intervalSeconds: 60, timeoutMs: 2000, ...extra });
  return row.id;
}

/** Makes a monitor's next slot due now (as if its time had come). */
async function dueNow(monitorId: string, at = new Date(Date.now() - 100)) {
  await app.db.update(monitors).set({ nextRunAt: at, leaseUntil: null, leaseOwner: null }).where(eq(monitors.id, monitorId));
}

beforeAll(async () => {
  // The monitors and hooks below live on loopback, which addresses are only saved with this switch on.
  process.env.LR_ALLOW_LOOPBACK_TARGETS = 'on';
  app = await createTestApp();
  target = await startTarget();
  owner = await app.signUp('Owner');
  projectId = await makeProject('Monitored');
});
afterAll(async () => {
  await target.close();
  await app.close();
});

describe('scheduling and storage', () => {
  it('spreads first slots by id and advances from the scheduled slot, not from now', async () => {
    // The first slot lies within one interval after creation, whenever the (loaded) machine gets to it.
    const before = Date.now();
    const id = await addMonitor('/a');
    const created = Date.now();
    const [row] = await app.db.select().from(monitors).where(eq(monitors.id, id));
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(before);
    expect(row!.nextRunAt.getTime()).toBeLessThanOrEqual(created + 60_000);
    const scheduled = new Date(Date.now() - 1500);
    await dueNow(id, scheduled);
    // Run at a given moment (an injected clock), 1.5 s after the slot: on time however slow the machine is.
    const { written } = await runDueOnce(app.db, network, 'once', new Date(scheduled.getTime() + 1500));
    expect(written).toBe(1);
    const [after] = await app.db.select().from(monitors).where(eq(monitors.id, id));
    expect(after!.nextRunAt.getTime()).toBe(scheduled.getTime() + 60_000);
    expect(after!.state).toBe('up');
    const [rollup] = await app.db.select().from(monitorRollups).where(eq(monitorRollups.monitorId, id));
    expect(rollup!.checks).toBe(1);
    expect(Object.values(rollup!.histogram).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('hands each due slot to exactly one of several concurrent claimers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push(await addMonitor(`/claim-${i}`));
    for (const id of ids) await dueNow(id);
    const now = new Date();
    const claims = await Promise.all(['w1', 'w2', 'w3'].map((worker) => claimDue(app.db, { worker, now, horizon: now, limit: 5 })));
    const claimed = claims.flat().map((c) => c.monitorId);
    expect(new Set(claimed).size).toBe(claimed.length);
    // Only this test's slots count: an earlier test's monitor may have come due meanwhile on a slow machine.
    expect(claimed.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    // Leased slots are not handed out again.
    expect((await claimDue(app.db, { worker: 'w4', now, horizon: now, limit: 50 })).filter((c) => ids.includes(c.monitorId))).toHaveLength(0);
    await app.db.update(monitors).set({ enabled: false }).where(sql`${monitors.id} in ${ids}`);
  });

  it('records slots missed while every worker was down as "no data" and resumes on the grid', async () => {
    const id = await addMonitor('/missed');
    const scheduled = new Date(Date.now() - 5 * 60_000 - 500);
    await dueNow(id, scheduled);
    // The worker comes back 5 min 0.5 s after the slot (an injected clock, not however long the test took).
    const back = new Date(scheduled.getTime() + 5 * 60_000 + 500);
    const { missed, written } = await runDueOnce(app.db, network, 'once', back);
    expect(written).toBe(0);
    expect(missed).toBe(6);
    const [row] = await app.db.select().from(monitors).where(eq(monitors.id, id));
    expect(row!.nextRunAt.getTime()).toBe(scheduled.getTime() + 6 * 60_000);
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(back.getTime());
    const rollups = await app.db.select().from(monitorRollups).where(eq(monitorRollups.monitorId, id));
    expect(rollups.reduce((n, r) => n + r.missed, 0)).toBe(6);
    expect(rollups.reduce((n, r) => n + r.checks + r.failures, 0)).toBe(0);
    expect(await app.db.select().from(monitorResults).where(eq(monitorResults.monitorId, id))).toHaveLength(0);
    await app.db.update(monitors).set({ enabled: false }).where(eq(monitors.id, id));
  });

  it('prunes raw results past the retention window and keeps rollups', async () => {
    const id = await addMonitor('/prune');
    const old = new Date(Date.now() - 50 * 3_600_000);
    await app.db.insert(monitorResults).values({ monitorId: id, scheduledAt: old, startedAt: old, ok: true, latencyMs: 5 });
    expect(await pruneRawResults(app.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await app.db.select().from(monitorResults).where(eq(monitorResults.monitorId, id))).toHaveLength(0);
    await app.db.update(monitors).set({ enabled: false }).where(eq(monitors.id, id));
  });
});

describe('faults', () => {
  it('re-runs the slots of a worker that died mid-batch, once, and drops its late write', async () => {
    const id = await addMonitor('/fault');
    const scheduled = new Date(Date.now() - 200);
    await dueNow(id, scheduled);
    const now = new Date();
    const [dead] = await claimDue(app.db, { worker: 'dies', now, horizon: now, limit: 10 });
    expect(dead!.monitorId).toBe(id);
    const zombieResult = { ...(await runProbe(network, dead!)), monitorId: id, scheduledAt: scheduled, startedAt: new Date() };
    // Its lease runs out (the process is gone); another worker picks the slot up and runs it.
    await app.db.update(monitors).set({ leaseUntil: new Date(Date.now() - 1) }).where(eq(monitors.id, id));
    const second = await runDueOnce(app.db, network, 'survivor');
    expect(second.checks.map((c) => c.monitorId)).toEqual([id]);
    expect(second.written).toBe(1);
    // The "dead" worker was only slow: its write arrives late and changes nothing.
    expect((await writeResults(app.db, [zombieResult], 'dies')).written).toBe(0);
    const rows = await app.db.select().from(monitorResults).where(eq(monitorResults.monitorId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.worker).toBe('survivor');
    const [rollup] = await app.db.select().from(monitorRollups).where(eq(monitorRollups.monitorId, id));
    expect(rollup!.checks).toBe(1);
    await app.db.update(monitors).set({ enabled: false }).where(eq(monitors.id, id));
  });

  it('a hanging target costs only its timeout and does not hold up other checks', async () => {
    target.setMode('hang', '/hang');
    const hanging = { kind: 'http' as const, url: `${target.origin}/hang`, method: 'GET', expectedStatus: 'success', keyword: null, timeoutMs: 1000 };
    const healthy = { ...hanging, url: `${target.origin}/fine` };
    const started = performance.now();
    const [slow, fast] = await Promise.all([
      runProbe(network, hanging).then((r) => ({ r, ms: performance.now() - started })),
      runProbe(network, healthy).then((r) => ({ r, ms: performance.now() - started })),
    ]);
    expect(slow.r.ok).toBe(false);
    expect(slow.r.error).toMatch(/No answer within 1 s/);
    expect(slow.ms).toBeGreaterThanOrEqual(900);
    expect(slow.ms).toBeLessThan(2500);
    expect(fast.r.ok).toBe(true);
    expect(fast.ms).toBeLessThan(800);
  });
});

describe('alerts and incidents', () => {
  it('opens one incident and sends exactly one email and one signed webhook per state change, even when retried', async () => {
    const smtp = await startSmtp();
    const hook = await startWebhookReceiver();
    const mailer = createMailer({ db: app.db, smtpUrl: smtp.url, from: 'Launch Ready <alerts@launch-ready.local>' });
    const alertProject = await makeProject('Alerted');
    const caller = app.caller(owner);
    await caller.monitoring.addChannel({ projectId: alertProject, channel: { kind: 'email', name: 'Founder', email: 'founder@example.test' } });
    const { secret } = await caller.monitoring.addChannel({ projectId: alertProject, channel: { kind: 'webhook', name: 'Ops hook', url: `${hook.origin}/hook` } });
    const monitor = await caller.monitoring.create({ projectId: alertProject, name: 'Checkout', kind: 'http', url: `${target.origin}/checkout`, intervalSeconds: 30, timeoutMs: 2000 });
    const deps = { mailer, http: network.http };
    try {
      target.setMode('fail', '/checkout');
      const outcomes = [];
      for (let i = 0; i < 3; i += 1) {
        await dueNow(monitor.id, new Date(Date.now() - 100 - i));
        outcomes.push(await runDueOnce(app.db, network));
      }
      // A retried batch (same slots) writes nothing and queues nothing.
      expect((await writeResults(app.db, outcomes[1]!.checks, 'retry')).written).toBe(0);
      const [down] = await app.db.select().from(monitors).where(eq(monitors.id, monitor.id));
      expect(down!.state).toBe('down');
      const incidents = await app.db.select().from(monitorIncidents).where(eq(monitorIncidents.monitorId, monitor.id));
      expect(incidents).toHaveLength(1);
      expect(incidents[0]!.endedAt).toBeNull();
      expect(incidents[0]!.cause).toMatch(/503/);
      expect(incidents[0]!.failedChecks).toBe(3);

      await deliverDue(app.db, deps);
      await deliverDue(app.db, deps); // a second pass (another worker, a restart) sends nothing more
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual(['founder@example.test']);
      expect(smtp.received[0]!.raw).toMatch(/Subject: \[Alerted\] Checkout is down/);
      expect(hook.received).toHaveLength(1);
      const { headers, body } = hook.received[0]!;
      expect(headers['x-launchready-signature']).toBe(signWebhook(secret!, Number(headers['x-launchready-timestamp']), body));
      expect(JSON.parse(body)).toMatchObject({ event: 'down', monitorName: 'Checkout', projectName: 'Alerted' });

      target.setMode('ok', '/checkout');
      for (let i = 0; i < 2; i += 1) {
        await dueNow(monitor.id, new Date(Date.now() - 100 - i));
        await runDueOnce(app.db, network);
      }
      const [up] = await app.db.select().from(monitors).where(eq(monitors.id, monitor.id));
      expect(up!.state).toBe('up');
      const [closed] = await app.db.select().from(monitorIncidents).where(eq(monitorIncidents.monitorId, monitor.id));
      expect(closed!.endedAt).not.toBeNull();
      await deliverDue(app.db, deps);
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[1]!.raw).toMatch(/Checkout is back up/);
      expect(hook.received).toHaveLength(2);
      expect(JSON.parse(hook.received[1]!.body).event).toBe('recovered');
      const deliveries = await app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, alertProject));
      expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    } finally {
      await smtp.close();
      await hook.close();
    }
  });

  it('retries a failing webhook with backoff, then tells the fallback contact', async () => {
    const hook = await startWebhookReceiver(500);
    const p = await makeProject('Fallback');
    const caller = app.caller(owner);
    await caller.monitoring.addChannel({ projectId: p, channel: { kind: 'webhook', name: 'Broken hook', url: `${hook.origin}/x` } });
    await caller.monitoring.setFallback({ projectId: p, email: 'backup@example.test' });
    const m = await caller.monitoring.create({ projectId: p, name: 'Home', kind: 'http', url: `${target.origin}/down2`, intervalSeconds: 30, timeoutMs: 2000, failThreshold: 1 });
    target.setMode('fail', '/down2');
    await dueNow(m.id);
    await runDueOnce(app.db, network);
    const deps = { mailer: app.mailer, http: network.http };
    let now = new Date();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const r = await deliverDue(app.db, deps, { now });
      expect(r.failed).toBe(1);
      now = new Date(now.getTime() + 10 * 60_000);
    }
    expect(hook.received).toHaveLength(5);
    await deliverDue(app.db, deps, { now });
    expect((await app.lastMailTo('backup@example.test'))?.subject).toBe('[Fallback] Home is down');
    const rows = await app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, p));
    expect(rows.map((r) => `${r.destination === 'fallback' ? 'fallback' : 'hook'}:${r.status}`).sort()).toEqual(['fallback:sent', 'hook:failed']);
    await hook.close();
  });

  it('marks a monitor degraded when p95 over the window exceeds its target, once', async () => {
    const id = await addMonitor('/slow', { p95TargetMs: 100 });
    await app.db.update(monitors).set({ state: 'up' }).where(eq(monitors.id, id));
    const now = Date.now();
    await app.db.insert(monitorResults).values(Array.from({ length: 10 }, (_, i) => ({ monitorId: id, scheduledAt: new Date(now - (i + 1) * 60_000), startedAt: new Date(now - (i + 1) * 60_000), ok: true, latencyMs: 400 })));
    expect(await evaluateDegraded(app.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await evaluateDegraded(app.db, new Date())).toBe(0);
    const [row] = await app.db.select().from(monitors).where(eq(monitors.id, id));
    expect(row!.state).toBe('degraded');
    await app.db.update(monitors).set({ enabled: false }).where(eq(monitors.id, id));
  });

  it('sends a test alert to a channel on request', async () => {
    const hook = await startWebhookReceiver();
    const p = await makeProject('Test alert');
    process.env.LR_MONITOR_ALLOW_LOOPBACK = 'on';
    try {
      const caller = app.caller(owner);
      const { channel } = await caller.monitoring.addChannel({ projectId: p, channel: { kind: 'webhook', name: 'Hook', url: `${hook.origin}/t` } });
      expect(await caller.monitoring.testAlert({ projectId: p, channelId: channel.id })).toEqual({ ok: true, error: null });
      expect(JSON.parse(hook.received[0]!.body).event).toBe('test');
    } finally {
      delete process.env.LR_MONITOR_ALLOW_LOOPBACK;
      await hook.close();
    }
  });
});

describe('input', () => {
  it('refuses bad monitor and channel input with field messages, and writes nothing', async () => {
    const caller = app.caller(owner);
    const before = (await caller.monitoring.list({ projectId })).monitors.length;
    await expect(caller.monitoring.create({ projectId, name: 'Too often', kind: 'http', url: 'https://example.com/', intervalSeconds: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.monitoring.create({ projectId, name: 'Not http', kind: 'http', url: 'ftp://example.com/', intervalSeconds: 60 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.monitoring.addChannel({ projectId, channel: { kind: 'email', name: 'x', email: 'not-an-email' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await caller.monitoring.list({ projectId })).monitors.length).toBe(before);
  });
});

describe('panels and checklist', () => {
  it('merges hourly histograms into a 7-day p95 within 2 % of the exact value', async () => {
    const id = await addMonitor('/panel');
    const samples: number[] = [];
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const rows = [];
    for (let h = 0; h < 168; h += 1) {
      const histogram: Record<string, number> = {};
      for (let i = 0; i < 60; i += 1) {
        const ms = 20 + Math.random() * 200 + (i === 0 ? 2000 : 0);
        samples.push(ms);
        const b = String(Math.ceil(Math.log(ms) / Math.log(1.04)));
        histogram[b] = (histogram[b] ?? 0) + 1;
      }
      rows.push({ monitorId: id, projectId, hour: new Date(hourStart - h * 3_600_000), checks: 60, failures: 0, missed: 0, latencySumMs: 0, histogram });
    }
    await app.db.insert(monitorRollups).values(rows);
    await app.db.update(monitors).set({ createdAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(monitors.id, id));
    const { panel } = await app.caller(owner).monitoring.get({ projectId, monitorId: id });
    expect(panel.hourly).toHaveLength(168);
    expect(panel.daily).toHaveLength(7);
    const exact = exactQuantile(samples, 0.95)!;
    expect(Math.abs(panel.last7d.p95Ms! - exact) / exact).toBeLessThanOrEqual(0.02);
    expect(panel.last7d.uptimePercent).toBe(100);
    expect(panel.targets.p95Ms).toBe(500);
  });

  it('one click creates homepage, login, API health, webhook and certificate monitors and settles the checklist', async () => {
    const p = await makeProject('Quick', [
      { kind: 'login', method: 'POST', url: '/api/login' },
      { kind: 'api-health', method: 'GET', url: '/api/health' },
      { kind: 'payment-webhook', method: 'POST', url: '/api/webhooks/stripe' },
    ]);
    const caller = app.caller(owner);
    expect(await caller.monitoring.quickSetup({ projectId: p })).toEqual({ created: 5, skipped: 0 });
    expect(await caller.monitoring.quickSetup({ projectId: p })).toEqual({ created: 0, skipped: 5 });
    const items = async () =>
      app.db
        .select({ check: checklistItems.automatedCheck, role: checklistItems.checkRole, status: checklistItems.status })
        .from(checklistItems)
        .where(and(eq(checklistItems.projectId, p), sql`${checklistItems.automatedCheck} in ('monitors', 'alerts')`));
    // Met: passed where monitoring verifies the item, "check passed — a person confirms" where it only supports it.
    const settled = (i: { role: string | null; status: string }) => i.status === (i.role === 'verifies' ? 'passed' : 'in_progress');
    expect((await items()).filter((i) => i.check === 'monitors').every(settled)).toBe(true);
    expect((await items()).filter((i) => i.check === 'alerts').every((i) => i.status === 'todo')).toBe(true);
    await caller.monitoring.addChannel({ projectId: p, channel: { kind: 'email', name: 'Me', email: `me.${crypto.randomBytes(2).toString('hex')}@example.test` } });
    await caller.monitoring.setFallback({ projectId: p, email: 'backup@example.test' });
    expect((await items()).filter((i) => i.check === 'alerts').every(settled)).toBe(true);
  });
});
