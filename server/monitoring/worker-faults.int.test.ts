/**
 * Live workers against the database: two workers share the due slots, and (on PostgreSQL) every
 * connection of the pool is terminated mid-run, as in a database restart; then leases that run
 * out while checks run, so every slot is run several times. Afterwards each slot has exactly one
 * result, rollups count each once, and each outage sent exactly one alert.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { alertChannels, alertDeliveries, monitorProjectRollups, monitorResults, monitorRollups, monitors, outboxMessages, projects, workspaces } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { testDriver } from '@/test/database';
import { createNetwork } from '@/server/net';
import { startTarget, type Target } from '@/test/testnet/monitoring-fixtures';
import { startWorker } from './worker';

// Live workers, servers and a database on a shared, loaded machine: these bounds only stop a
// hung test; every wait inside is for an event (a row written, a request held), never a sleep.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const network = createNetwork({ policy: { allowLoopback: true } });
let app: TestApp;
let target: Target;

beforeAll(async () => {
  app = await createTestApp();
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
  await app.close();
});

async function waitFor(condition: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

it('two workers, a database restart mid-run: no lost results, no duplicates, one alert per outage', { timeout: 240_000 }, async () => {
  const owner = await app.signUp('Owner');
  const [ws] = await app.db.insert(workspaces).values({ name: 'Faults', createdBy: owner.id }).returning();
  const [project] = await app.db
    .insert(projects)
    .values({ workspaceId: ws!.id, name: 'Faults', productType: 'other', segment: 'other', maturity: 'demo-launch', primaryDomain: 'example.com' })
    .returning();
  await app.db.insert(alertChannels).values({ projectId: project!.id, kind: 'email', name: 'Ops', config: { email: 'ops-faults@example.test' } });
  target.setMode('fail', '/bad-0');
  target.setMode('fail', '/bad-1');
  target.setMode('fail', '/bad-2');
  const start = Date.now() + 400;
  const rows = Array.from({ length: 40 }, (_, i) => ({
    projectId: project!.id,
    name: `m${i}`,
    kind: 'http' as const,
    url: `${target.origin}/${i < 3 ? `bad-${i}` : `ok-${i}`}`,
    intervalSeconds: 60,
    // Failing paths answer 503 at once; the time limit only has to outlast a loaded machine
    // (PGlite shares this event loop), or healthy monitors read as timed out.
    timeoutMs: 30_000,
    failThreshold: 1,
    nextRunAt: new Date(start + i * 40),
  }));
  const created = await app.db.insert(monitors).values(rows).returning({ id: monitors.id, nextRunAt: monitors.nextRunAt });

  // This test is about restarts and two workers sharing work: a lease that outlasts a busy CI
  // machine's pauses keeps re-runs out of it (the next test is about those).
  const options = { db: app.db, mailer: app.mailer, network, pollMs: 100, flushMs: 100, leaseSlackMs: 3000, housekeeping: false, log: () => {} };
  const workers = [startWorker({ ...options, id: 'w1' }), startWorker({ ...options, id: 'w2' })];
  try {
    // Mid-run: once the first result is written (an event, not a sleep), the rest are in flight or due.
    expect(await waitFor(async () => Number((await app.db.select({ n: sql<number>`count(*)::int` }).from(monitorResults))[0]!.n) > 0, 120_000)).toBe(true);
    if (testDriver() === 'postgres') {
      // A restart as the pool sees it: every other connection to this database is cut.
      await app.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    }
    const done = await waitFor(async () => {
      const [n] = await app.db.select({ n: sql<number>`count(*)::int` }).from(monitorResults);
      const [sent] = await app.db.select({ n: sql<number>`count(*)::int` }).from(alertDeliveries).where(eq(alertDeliveries.status, 'sent'));
      return Number(n!.n) >= 40 && Number(sent!.n) >= 3;
    }, 120_000); // returns as soon as the condition holds; the bound only stops a hung run
    expect(done).toBe(true);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  const results = await app.db.select().from(monitorResults);
  expect(results).toHaveLength(40);
  expect(new Set(results.map((r) => r.monitorId)).size).toBe(40);
  const [rolled] = await app.db.select({ n: sql<number>`sum(${monitorRollups.checks})::int` }).from(monitorRollups);
  expect(Number(rolled!.n)).toBe(40);
  const [projectRolled] = await app.db.select({ n: sql<number>`sum(${monitorProjectRollups.checks})::int` }).from(monitorProjectRollups);
  expect(Number(projectRolled!.n)).toBe(40);
  for (const m of created) {
    const [row] = await app.db.select({ next: monitors.nextRunAt }).from(monitors).where(eq(monitors.id, m.id));
    expect(row!.next.getTime()).toBe(m.nextRunAt.getTime() + 60_000);
  }
  // One alert per outage: the three failing paths are down, and every monitor that went down
  // (a healthy one too, should a loaded machine outlast its time limit) alerted exactly once.
  const down = await app.db.select({ id: monitors.id, name: monitors.name }).from(monitors).where(and(eq(monitors.projectId, project!.id), eq(monitors.state, 'down')));
  expect(down.map((m) => m.name)).toEqual(expect.arrayContaining(['m0', 'm1', 'm2']));
  const deliveries = await app.db.select().from(alertDeliveries);
  expect(deliveries.map((d) => ('monitorId' in d.payload ? d.payload.monitorId : null)).sort()).toEqual(down.map((m) => m.id).sort());
  const mails = await app.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'ops-faults@example.test'));
  expect(mails).toHaveLength(down.length);
  // Both workers took part.
  expect(new Set(results.map((r) => r.worker)).size).toBe(2);
});

it('leases that run out while checks run: slots run again by both workers, yet counted once and alerted once', { timeout: 240_000 }, async () => {
  const owner = await app.signUp('Lease owner');
  const [ws] = await app.db.insert(workspaces).values({ name: 'Leases', createdBy: owner.id }).returning();
  const [project] = await app.db
    .insert(projects)
    .values({ workspaceId: ws!.id, name: 'Leases', productType: 'other', segment: 'other', maturity: 'demo-launch', primaryDomain: 'example.com' })
    .returning();
  const email = 'ops-leases@example.test';
  await app.db.insert(alertChannels).values({ projectId: project!.id, kind: 'email', name: 'Ops', config: { email } });
  const paths = Array.from({ length: 8 }, (_, i) => (i < 2 ? `/lease-bad-${i}` : `/lease-ok-${i}`));
  for (const path of paths.slice(0, 2)) target.setMode('fail', path);
  const start = Date.now() + 300;
  await app.db.insert(monitors).values(
    paths.map((path, i) => ({ projectId: project!.id, name: `l${i}`, kind: 'http' as const, url: `${target.origin}${path}`, intervalSeconds: 60, timeoutMs: 30_000, failThreshold: 1, nextRunAt: new Date(start + i * 30) })),
  );
  // Each path's first request is held until a second run of the same slot arrives: the re-runs
  // this test is about happen by construction, not because the machine was slow enough.
  const holds = paths.map((path) => target.hold(path, 2));
  for (const hold of holds) void hold.arrived.then(() => hold.release());

  // A lease that ends as it is taken (timeout + slack = -lookahead): every poll of either worker
  // claims every unwritten slot again, so each slot runs several times, on both workers.
  const options = { db: app.db, mailer: app.mailer, network, pollMs: 50, lookaheadMs: 150, flushMs: 100, leaseSlackMs: -30_150, housekeeping: false, log: () => {} };
  const workers = [startWorker({ ...options, id: 'l1' }), startWorker({ ...options, id: 'l2' })];
  const ofProject = eq(monitors.projectId, project!.id);
  try {
    const done = await waitFor(async () => {
      const [n] = await app.db.select({ n: sql<number>`count(*)::int` }).from(monitorResults).innerJoin(monitors, eq(monitors.id, monitorResults.monitorId)).where(ofProject);
      const [sent] = await app.db.select({ n: sql<number>`count(*)::int` }).from(alertDeliveries).where(and(eq(alertDeliveries.projectId, project!.id), eq(alertDeliveries.status, 'sent')));
      return Number(n!.n) >= 8 && Number(sent!.n) >= 2;
    }, 120_000); // returns as soon as the condition holds; the bound only stops a hung run
    expect(done).toBe(true);
  } finally {
    for (const hold of holds) hold.release();
    // Stopping waits for the checks in flight and writes their results: late re-runs land here.
    await Promise.all(workers.map((w) => w.stop()));
  }
  for (const path of paths) expect(target.hits.get(path)?.length ?? 0).toBeGreaterThanOrEqual(2);
  const [results] = await app.db.select({ n: sql<number>`count(*)::int` }).from(monitorResults).innerJoin(monitors, eq(monitors.id, monitorResults.monitorId)).where(ofProject);
  expect(Number(results!.n)).toBe(8);
  const [rolled] = await app.db.select({ n: sql<number>`sum(${monitorRollups.checks})::int` }).from(monitorRollups).where(eq(monitorRollups.projectId, project!.id));
  expect(Number(rolled!.n)).toBe(8);
  const states = await app.db.select({ name: monitors.name, state: monitors.state, failures: monitors.consecutiveFailures }).from(monitors).where(ofProject).orderBy(monitors.name);
  expect(states.filter((m) => m.state === 'down').map((m) => [m.name, m.failures])).toEqual([['l0', 1], ['l1', 1]]);
  const deliveries = await app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, project!.id));
  expect(deliveries.map((d) => d.payload.kind)).toEqual(['down', 'down']);
  expect(await app.db.select().from(outboxMessages).where(eq(outboxMessages.to, email))).toHaveLength(2);
});
