/**
 * Monitoring benchmark (a script, not a test): a local target on loopback, N monitors at one
 * interval, workers running for a bounded time. Prints checks/s, worker CPU and memory, interval
 * jitter measured at the target (p50/p99), missed checks, panel query times and the p95 error of
 * the histogram against the exact value.
 *
 *   npx tsx scripts/bench-monitoring.ts --driver postgres --monitors 5000 --seconds 180 --workers 2
 *   npx tsx scripts/bench-monitoring.ts --driver pglite --monitors 1000 --seconds 180
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is used to
 * create and drop a scratch database.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { openPglite, openPostgres, type DbHandle } from '../db/open';
import { monitorProjectRollups, monitorResults, monitorRollups, monitors, projects, workspaces } from '../db/schema';
import { projectRollupRows, type RollupDelta } from '../server/monitoring/write-results';
import { createMailer } from '../server/mail/mailer';
import { createNetwork } from '../server/net';
import { startWorker } from '../server/monitoring/worker';
import { firstSlot, slotOffsetMs } from '../server/monitoring/schedule';
import { exactQuantile, histogramOf, quantiles } from '../server/monitoring/histogram';
import { monitorPanel, projectPanel } from '../server/monitoring/panels';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');

// ---- the target runs in its own process, so the worker's CPU is measured alone ----
if (process.env.BENCH_TARGET_CHILD) {
  const http = await import('node:http');
  const arrivals: [number, number][] = []; // [monitor index, epoch ms]
  const server = http.createServer((req, res) => {
    const at = Date.now();
    const url = req.url ?? '/';
    if (url === '/__stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(arrivals));
      return;
    }
    arrivals.push([Number(url.split('/')[2]), at]);
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'), 2 + Math.random() * 20);
  });
  server.keepAliveTimeout = 1000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
} else {
  await main();
}

function startTargetChild(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_TARGET_CHILD: '1' }, execArgv: process.execArgv });
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ child, port: m.port })));
}

function pct(sorted: number[], q: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
}

async function timeIt(fn: () => Promise<unknown>, runs = 20): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return pct(times.sort((a, b) => a - b), 0.5);
}

async function main() {
  const driver = args.get('driver') ?? 'postgres';
  const count = Number(args.get('monitors') ?? (driver === 'postgres' ? 5000 : 1000));
  const seconds = Number(args.get('seconds') ?? 180);
  const interval = Number(args.get('interval') ?? 60);
  const workerCount = Number(args.get('workers') ?? (driver === 'postgres' ? 2 : 1));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `lr_bench_${crypto.randomBytes(4).toString('hex')}`;

  let handle: DbHandle;
  const extraHandles: DbHandle[] = [];
  if (driver === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    handle = openPostgres(url.href, 10);
    await handle.migrate();
    for (let i = 1; i < workerCount; i += 1) extraHandles.push(openPostgres(url.href, 10));
  } else {
    handle = await openPglite();
    await handle.migrate();
  }
  const db = handle.db;
  const { child, port } = await startTargetChild();
  console.log(`driver ${driver}, ${count} monitors every ${interval} s, ${workerCount} worker(s), ${seconds} s; target on 127.0.0.1:${port}`);

  // ---- monitors ----
  const [ws] = await db.insert(workspaces).values({ name: 'Bench' }).returning();
  const [project] = await db
    .insert(projects)
    .values({ workspaceId: ws!.id, name: 'Bench', productType: 'other', segment: 'other', maturity: 'demo-launch', primaryDomain: 'example.com' })
    .returning();
  const now = new Date();
  const ids: string[] = [];
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const id = crypto.randomUUID();
    ids.push(id);
    rows.push({ id, projectId: project!.id, name: `m${i}`, kind: 'http' as const, url: `http://127.0.0.1:${port}/m/${i}`, intervalSeconds: interval, timeoutMs: 5000, nextRunAt: firstSlot(id, interval, new Date(now.getTime() + 5000)) });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(monitors).values(rows.slice(i, i + 1000));

  // ---- run ----
  const network = createNetwork({ policy: { allowLoopback: true } });
  const mailer = createMailer({ db, from: 'bench <bench@localhost>' });
  const windowStart = Date.now() + 5000;
  const cpu0 = process.cpuUsage();
  const handles = [handle, ...extraHandles];
  const workers = Array.from({ length: workerCount }, (_, i) => startWorker({ db: handles[i]!.db, mailer, network, id: `bench-${i}`, housekeeping: false, log: (m) => console.error(`[worker ${i}] ${m}`) }));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1000);
  await new Promise((r) => setTimeout(r, seconds * 1000 + 5000));
  const windowEnd = Date.now() - 8000; // slots this close to the end may still be in flight
  await Promise.all(workers.map((w) => w.stop()));
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  const wall = seconds + 5;

  // ---- jitter at the target ----
  const arrivals = (await (await fetch(`http://127.0.0.1:${port}/__stats`)).json()) as [number, number][];
  child.kill();
  const jitters: number[] = [];
  for (const [index, at] of arrivals) {
    const period = interval * 1000;
    const offset = slotOffsetMs(ids[index]!, period);
    const slot = Math.round((at - offset) / period) * period + offset;
    jitters.push(Math.abs(at - slot));
  }
  jitters.sort((a, b) => a - b);

  // ---- missed: grid slots inside the window without a result ----
  let expected = 0;
  for (const id of ids) {
    const period = interval * 1000;
    const offset = slotOffsetMs(id, period);
    const first = Math.ceil((windowStart - offset) / period) * period + offset;
    for (let t = first; t < windowEnd; t += period) expected += 1;
  }
  const [got] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(monitorResults)
    .where(and(gte(monitorResults.scheduledAt, new Date(windowStart)), lt(monitorResults.scheduledAt, new Date(windowEnd))));
  const [dupes] = await db.select({ n: sql<number>`count(*)::int - count(distinct (monitor_id, scheduled_at))::int` }).from(monitorResults);
  const [totalResults] = await db.select({ n: sql<number>`count(*)::int` }).from(monitorResults);
  const [failed] = await db.select({ n: sql<number>`count(*)::int` }).from(monitorResults).where(eq(monitorResults.ok, false));

  // ---- p95 of live results: histogram vs exact ----
  const [one] = await db.select({ id: monitorResults.monitorId }).from(monitorResults).limit(1);
  const liveSamples = (await db.select({ ms: monitorResults.latencyMs }).from(monitorResults)).map((r) => r.ms!).filter((v) => v !== null);
  const liveError = Math.abs(quantiles(histogramOf(liveSamples), [0.95])[0]! - exactQuantile(liveSamples, 0.95)!) / exactQuantile(liveSamples, 0.95)!;

  // ---- panels: a 50-monitor project with 7 days of rollups ----
  const [panelProject] = await db
    .insert(projects)
    .values({ workspaceId: ws!.id, name: 'Panels', productType: 'other', segment: 'other', maturity: 'demo-launch', primaryDomain: 'example.com' })
    .returning();
  const hourNow = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const panelIds: string[] = [];
  const exactSamples: number[] = [];
  const allRollups: RollupDelta[] = [];
  for (let m = 0; m < 50; m += 1) {
    const id = crypto.randomUUID();
    panelIds.push(id);
    await db.insert(monitors).values({ id, projectId: panelProject!.id, name: `p${m}`, kind: 'http', url: 'https://example.com/', intervalSeconds: 60, enabled: false, nextRunAt: new Date(), createdAt: new Date(hourNow - 8 * 86_400_000) });
    const rollups = [];
    for (let h = 0; h < 168; h += 1) {
      const samples = Array.from({ length: 60 }, () => 40 + Math.random() * 200 + (Math.random() < 0.05 ? 800 * Math.random() : 0));
      if (m === 0) exactSamples.push(...samples);
      rollups.push({ monitorId: id, projectId: panelProject!.id, hour: new Date(hourNow - h * 3_600_000), checks: 60, failures: 0, missed: 0, latencySumMs: 0, histogram: histogramOf(samples) });
    }
    await db.insert(monitorRollups).values(rollups);
    allRollups.push(...rollups.map((r) => ({ ...r, histogram: { ...r.histogram } })));
  }
  await db.insert(monitorProjectRollups).values(projectRollupRows(allRollups));
  const [panelMonitor] = await db.select().from(monitors).where(eq(monitors.id, panelIds[0]!));
  const onePanelMs = await timeIt(() => monitorPanel(db, panelMonitor!));
  const projectPanelMs = await timeIt(() => projectPanel(db, panelProject!.id));
  const panel = await monitorPanel(db, panelMonitor!);
  const exact = exactQuantile(exactSamples, 0.95)!;
  const panelError = Math.abs(panel.last7d.p95Ms! - exact) / exact;

  const checks = workers.reduce((n, w) => n + w.stats.written, 0);
  console.log('');
  console.log(`checks written           ${checks} (${(checks / wall).toFixed(1)} checks/s; expected ≈ ${(count / interval).toFixed(1)}/s)`);
  console.log(`failed checks            ${failed!.n}`);
  console.log(`worker CPU               ${(((cpu.user + cpu.system) / 1000 / (wall * 1000)) * 100).toFixed(1)} % of one core (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s)${driver === 'pglite' ? ', PGlite included' : ''}`);
  console.log(`worker memory            peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
  console.log(`jitter at the target     p50 ${pct(jitters, 0.5).toFixed(0)} ms, p99 ${pct(jitters, 0.99).toFixed(0)} ms, max ${jitters[jitters.length - 1]?.toFixed(0)} ms (${jitters.length} arrivals)`);
  console.log(`missed checks            ${Math.max(0, expected - Number(got!.n))} of ${expected} slots in the window (duplicates: ${dupes!.n}; results total ${totalResults!.n})`);
  console.log(`panel, one monitor 7 d   ${onePanelMs.toFixed(1)} ms (median of 20)`);
  console.log(`panel, 50-monitor proj.  ${projectPanelMs.toFixed(1)} ms (median of 20)`);
  console.log(`p95 error vs exact       7-day panel ${(panelError * 100).toFixed(2)} %; live results ${(liveError * 100).toFixed(2)} % (bound ${(((1.04 - 1) / 2.04) * 100).toFixed(2)} %)`);
  void one;

  for (const h of extraHandles) await h.close();
  await handle.close();
  if (driver === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  process.exit(0);
}
