/**
 * `npm run bench`: the dashboard's reads and pages over HTTP, on PostgreSQL and on the embedded
 * database, with the monitor workers keeping 1,000 one-minute monitors on schedule meanwhile.
 *
 * For each database: a fresh database (PostgreSQL: created on BENCH_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; embedded: a new data dir), `npm run migrate`, the
 * large workspace from scripts/seed-large.ts with its 1,000 monitors live against a loopback
 * target this script serves, then the built app (`next start`, built first only when
 * .next/BUILD_ID is missing) on a free loopback port, and the monitor workers (PostgreSQL: two
 * `npm run worker` processes; embedded: the app's own worker). It signs in as the seeded
 * consultant and drives each read with autocannon, then prints requests/s, p50/p95/p99, the ratio
 * of requests/s to the bare route (/api/health: one `select 1`) on the same server, the SQL
 * statements per request (LR_QUERY_STATS, measured over sequential requests), the answer's size
 * and pass/fail against the budgets (docs/performance.md):
 *   - data reads (one batched tRPC GET, as a screen asks): p95 ≤ 100 ms PostgreSQL / ≤ 200 ms
 *     embedded, ≥ 50 % of the bare route;
 *   - pages (HTML) and client-side navigations (the RSC request the router sends when moving
 *     between a project's pages): p95 ≤ 300 ms / ≤ 450 ms, ≥ 20 % of the bare route, and a size
 *     budget per page;
 *   - the monitor schedule while the pages and navigations were loaded: 0 missed slots, p99
 *     start delay ≤ 2 s.
 *
 *   npm run bench -- --seconds 8 --connections 20 --databases postgres,embedded
 *   npm run bench -- --seconds 3 --reads pages        (quick: bare route, pages and navigations)
 *   npm run bench -- --profile /tmp/prof               (a CPU profile of the app, docs/performance.md)
 *
 * Options: --reads all|data|pages (pages includes the navigations), --workers N (PostgreSQL worker
 * processes, default 2), --monitors N, --settle S (seconds for the workers to reach their pace,
 * default 15). Everything stays on 127.0.0.1; the servers are stopped by pid at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const seconds = Number(args.get('seconds') ?? process.env.BENCH_SECONDS ?? 10);
const connections = Number(args.get('connections') ?? process.env.BENCH_CONNECTIONS ?? 20);
const databases = (args.get('databases') ?? 'postgres,embedded').split(',').map((d) => d.trim()) as ('postgres' | 'embedded')[];
const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const activeMonitors = Number(args.get('monitors') ?? process.env.BENCH_MONITORS ?? 1000);
const workerProcesses = Number(args.get('workers') ?? 2);
const settleSeconds = Number(args.get('settle') ?? 15);
const readSet = args.get('reads') ?? 'all';
const profileDir = args.get('profile') ? path.resolve(args.get('profile')!) : null;
const QUERY_SAMPLE = 20; // sequential requests per read for the SQL count

type Database = 'postgres' | 'embedded';
type Kind = 'floor' | 'data' | 'page' | 'navigation';
/** docs/performance.md: p95 per database, share of the bare route's requests/s. */
const BUDGETS: Record<Exclude<Kind, 'floor'>, { p95: Record<Database, number>; ofBare: number }> = {
  data: { p95: { postgres: 100, embedded: 200 }, ofBare: 0.5 },
  page: { p95: { postgres: 300, embedded: 450 }, ofBare: 0.2 },
  navigation: { p95: { postgres: 300, embedded: 450 }, ofBare: 0.2 },
};
/** Size budgets (bytes) of the pages, HTML and navigation alike. */
const KB = 1024;
const SIZE_BUDGET = { home: 60 * KB, overview: 80 * KB, stage: 80 * KB } as const;
/** The monitors' schedule while pages are loaded: no slot missed, p99 start delay ≤ 2 s. */
const SCHEDULE_BUDGET = { missed: 0, p99DelayMs: 2000 };

const root = process.cwd();
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, argv, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${result.status ?? result.signal}).`);
  return result.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

type Seeded = { email: string; password: string; workspaceId: string; projectId: string; activeMonitors: number };

/** A fresh, migrated and seeded database; returns the environment the app needs for it. */
async function prepare(database: 'postgres' | 'embedded', target: string): Promise<{ env: NodeJS.ProcessEnv; seeded: Seeded }> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DATABASE_URL;
  delete base.LR_DATA_DIR;
  let env: NodeJS.ProcessEnv;
  if (database === 'postgres') {
    const name = `lr_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { ...base, DATABASE_URL: url.href };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-bench-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    env = { ...base, LR_DATA_DIR: dir };
  }
  run('npm', ['run', '-s', 'migrate'], env);
  const started = Date.now();
  const out = run('npx', ['tsx', 'scripts/seed-large.ts'], { ...env, LR_SEED_MONITOR_TARGET: target, LR_SEED_ACTIVE_MONITORS: String(activeMonitors) }).trim().split('\n');
  console.error(`[bench] ${database}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { env, seeded: JSON.parse(out[out.length - 1]!) as Seeded };
}

/** What the live monitors check: a loopback server answering every path at once. */
function startTarget(): Promise<{ origin: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = http.createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

const SERVER_ENV = {
  NODE_ENV: 'production' as const,
  BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
  LR_SECRETS_KEY: crypto.randomBytes(32).toString('base64'),
  AUTH_RATE_LIMIT_MAX: '1000000',
  LR_SEED_DEMO: 'off',
  MAIL_OUTBOX: 'on', // the bench sends no mail; production config otherwise wants SMTP_URL
  LR_MONITOR_ALLOW_LOOPBACK: 'on', // the monitors check the bench's loopback target
  LR_QUERY_STATS: 'on',
};

async function startServer(env: NodeJS.ProcessEnv): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // --cpu-prof writes the profile when the server exits (serve.mjs exits on SIGTERM).
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'scripts/serve.mjs')], {
    cwd: root,
    env: { ...env, ...SERVER_ENV, HOST: '127.0.0.1', PORT: String(port), BETTER_AUTH_URL: origin },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.mjs exited (${child.exitCode}).`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('scripts/serve.mjs did not answer /api/health within 60 s.');
}

/** PostgreSQL: separate worker processes, as production runs them. Embedded: the app's own worker. */
function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  // Node itself with tsx's loader (not the tsx CLI, whose own child would outlive a kill).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: root,
    env: { ...env, ...SERVER_ENV },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function signIn(origin: string, seeded: Seeded): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: seeded.email, password: seeded.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (cookies.length === 0) throw new Error('sign-in set no cookie.');
  return cookies.join('; ');
}

type Schedule = { slots: number; ran: number; missed: number; p50DelayMs: number | null; p99DelayMs: number | null; maxDelayMs: number | null };
type Stats = { queries: number; checksLastMinute: number; schedule: Schedule | null };

async function stats(origin: string, window?: { from: Date; to: Date }): Promise<Stats> {
  const query = window ? `?from=${window.from.toISOString()}&to=${window.to.toISOString()}` : '';
  const response = await fetch(`${origin}/api/query-stats${query}`);
  if (!response.ok) throw new Error(`/api/query-stats answered ${response.status}.`);
  return (await response.json()) as Stats;
}

type Read = { read: string; url: string; kind: Kind; headers?: Record<string, string>; sizeBudget?: number };
type Figures = Read & { rps: number; p50: number; p95: number; p99: number; errors: number; queries: number; bytes: number };

async function drive(origin: string, read: Read, cookie: string): Promise<Figures> {
  const { url } = read;
  const headers = { ...read.headers, cookie };
  // Warm up and check the read answers 200 (a redirect would mean the session is not accepted).
  const check = await fetch(url, { headers, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`${read.read} answered ${check.status} (${url}).`);
  const type = check.headers.get('content-type') ?? '';
  if (read.kind === 'navigation' && !type.startsWith('text/x-component')) throw new Error(`${read.read} answered ${type}, not an RSC payload.`);
  const bytes = (await check.arrayBuffer()).byteLength;
  // SQL statements per request: sequential requests, so nothing else runs in between.
  const before = (await stats(origin)).queries;
  for (let i = 0; i < QUERY_SAMPLE; i += 1) await (await fetch(url, { headers })).arrayBuffer();
  const queries = ((await stats(origin)).queries - before) / QUERY_SAMPLE;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    ...read,
    rps: result.requests.total / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
    queries,
    bytes,
  };
}

/** One batched tRPC GET, as the browser's httpBatchLink sends it. */
function trpcBatch(origin: string, calls: [string, Record<string, unknown>][]): string {
  const input = Object.fromEntries(calls.map(([, json], i) => [i, { json }]));
  return `${origin}/api/trpc/${calls.map(([procedure]) => procedure).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/**
 * The RSC request Next's router sends for a client-side navigation: `RSC: 1` and the router state
 * of the page the person is on, so the server renders only the segments below the layouts both
 * pages share. Segment shapes follow next/dist/server/app-render/types.js (Next 16.4).
 */
type Segment = string | [string, string, 'd', null];
function routerState(segments: Segment[]): string {
  let tree: unknown[] = ['__PAGE__', {}, null, null];
  for (const segment of [...segments].reverse()) tree = [segment, { children: tree }, null, null];
  return encodeURIComponent(JSON.stringify(['', { children: tree }, null, null]));
}
/**
 * The navigation request: Next 16 redirects an RSC request whose `_rsc` parameter is not the hash
 * of its router headers (next/dist/shared/lib/router/utils/cache-busting-search-param.js).
 */
function navigation(url: string, from: Segment[]): { url: string; headers: Record<string, string> } {
  const state = routerState(from);
  const rsc = crypto.createHash('sha256').update(`0,0,${state},0`).digest().subarray(0, 12).toString('base64url');
  return { url: `${url}?_rsc=${rsc}`, headers: { rsc: '1', 'next-router-state-tree': state } };
}

type DatabaseRun = { figures: Figures[]; checksPerSecond: number[]; activeMonitors: number; schedule: Schedule | null; workers: string };

async function benchDatabase(database: Database): Promise<DatabaseRun> {
  const target = await startTarget();
  cleanups.push(target.close);
  const { env, seeded } = await prepare(database, target.origin);
  const { origin, child } = await startServer(env);
  const workers = database === 'postgres' ? Array.from({ length: workerProcesses }, () => startWorker({ ...env, BETTER_AUTH_URL: origin })) : [];
  try {
    const cookie = await signIn(origin, seeded);
    const { projectId, workspaceId } = seeded;
    const project = { projectId };
    const signedIn: Segment = '(signed-in)';
    const projectSegments: Segment[] = [signedIn, 'p', ['projectId', projectId, 'd', null]];
    const overviewTree = projectSegments;
    const stageTree: Segment[] = [...projectSegments, 'stages', ['stage', 'perimeter', 'd', null]];
    const homeTree: Segment[] = [signedIn, 'w', ['workspaceId', workspaceId, 'd', null]];
    const floor: Read = { read: 'bare route (/api/health)', url: `${origin}/api/health`, kind: 'floor' };
    const data: Read[] = [
      { read: 'workspace home — data', url: trpcBatch(origin, [['workspace.get', { workspaceId }], ['workspace.home', { workspaceId }]]), kind: 'data' },
      { read: 'project overview — data (stages, risks, monitoring)', url: trpcBatch(origin, [['project.get', project], ['roadmap.overview', project], ['monitoring.projectSummary', project]]), kind: 'data' },
      { read: 'stage page — data (perimeter)', url: trpcBatch(origin, [['project.get', project], ['perimeter.get', { projectId, filter: 'all' }]]), kind: 'data' },
      { read: 'monitor panel', url: trpcBatch(origin, [['monitoring.projectPanel', project]]), kind: 'data' },
    ];
    const pages: Read[] = [
      { read: 'workspace home — page (HTML, 50 projects)', url: `${origin}/w/${workspaceId}`, kind: 'page', sizeBudget: SIZE_BUDGET.home },
      { read: 'project overview — page (HTML)', url: `${origin}/p/${projectId}`, kind: 'page', sizeBudget: SIZE_BUDGET.overview },
      { read: 'stage page — page (HTML)', url: `${origin}/p/${projectId}/stages/perimeter`, kind: 'page', sizeBudget: SIZE_BUDGET.stage },
      { read: 'home → overview (navigation, RSC)', kind: 'navigation', ...navigation(`${origin}/p/${projectId}`, homeTree), sizeBudget: SIZE_BUDGET.overview },
      { read: 'overview → stage page (navigation, RSC)', kind: 'navigation', ...navigation(`${origin}/p/${projectId}/stages/perimeter`, overviewTree), sizeBudget: SIZE_BUDGET.stage },
      { read: 'stage page → overview (navigation, RSC)', kind: 'navigation', ...navigation(`${origin}/p/${projectId}`, stageTree), sizeBudget: SIZE_BUDGET.overview },
    ];
    // Let the workers reach their steady pace before measuring.
    await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    const figures: Figures[] = [];
    const checksPerSecond: number[] = [];
    const measure = async (read: Read) => {
      const f = await drive(origin, read, cookie);
      figures.push(f);
      checksPerSecond.push((await stats(origin)).checksLastMinute / 60);
      // Each row as it is measured, so a run cut short still says what it found.
      console.error(`[bench] ${database}: ${read.read}: ${f.rps.toFixed(0)} req/s, p95 ${f.p95.toFixed(0)} ms, ${(f.bytes / KB).toFixed(0)} KB, ${f.queries.toFixed(1)} SQL/request, ${f.errors} errors`);
    };
    await measure(floor);
    if (readSet !== 'pages') for (const read of data) await measure(read);
    let schedule: Schedule | null = null;
    if (readSet !== 'data') {
      // The schedule is judged over the window in which pages were hammered, once every slot in
      // it is past its grace period and flushed.
      const from = new Date();
      for (const read of pages) await measure(read);
      const to = new Date();
      await new Promise((r) => setTimeout(r, 20_000));
      schedule = (await stats(origin, { from, to })).schedule;
    }
    const workerText = database === 'postgres' ? `${workers.length} worker process${workers.length === 1 ? '' : 'es'}` : "the app's own worker";
    return { figures, checksPerSecond, activeMonitors: seeded.activeMonitors, schedule, workers: workerText };
  } finally {
    for (const c of [child, ...workers]) if (c.pid && c.exitCode === null) process.kill(c.pid, 'SIGTERM');
    // The profile is written as the server exits.
    if (profileDir) await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

const verdict = (failures: string[]) => (failures.length === 0 ? 'met' : `missed (${failures.join(', ')})`);

function table(database: Database, { figures, checksPerSecond, activeMonitors, schedule, workers }: DatabaseRun): string {
  const floor = figures[0]!.rps;
  const checks = checksPerSecond.filter((c) => c > 0);
  const [one, five] = os.loadavg();
  const lines = [
    `${database} — ${connections} connections, ${seconds} s per read; load average now ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min) on ${os.cpus().length} CPUs`,
    `budgets: data p95 ≤ ${BUDGETS.data.p95[database]} ms and ≥ ${BUDGETS.data.ofBare * 100} % of bare; pages and navigations p95 ≤ ${BUDGETS.page.p95[database]} ms, ≥ ${BUDGETS.page.ofBare * 100} % of bare, size ≤ budget`,
    `workers (${workers}): ${activeMonitors} live monitors, ${checks.length ? `${Math.min(...checks).toFixed(1)}–${Math.max(...checks).toFixed(1)}` : '0'} checks/s finished (last-minute rate after each read)`,
    `| read | req/s | p50 ms | p95 ms | p99 ms | vs bare | SQL/request | KB (budget) | errors | budget |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
  ];
  for (const f of figures) {
    const ratio = f.rps / floor;
    const failures: string[] = [];
    if (f.kind !== 'floor') {
      const budget = BUDGETS[f.kind];
      if (f.p95 > budget.p95[database]) failures.push('p95');
      if (ratio < budget.ofBare) failures.push('throughput');
      if (f.sizeBudget !== undefined && f.bytes > f.sizeBudget) failures.push('size');
      if (f.errors) failures.push('errors');
    }
    const size = `${(f.bytes / KB).toFixed(0)}${f.sizeBudget ? ` (${f.sizeBudget / KB})` : ''}`;
    lines.push(
      `| ${f.read} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${f.p99.toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${f.queries.toFixed(1)} | ${size} | ${f.errors} | ${f.kind === 'floor' ? '—' : verdict(failures)} |`,
    );
  }
  if (schedule) {
    const failures = [
      ...(schedule.missed > SCHEDULE_BUDGET.missed ? ['missed slots'] : []),
      ...(schedule.p99DelayMs === null || schedule.p99DelayMs > SCHEDULE_BUDGET.p99DelayMs ? ['p99 start delay'] : []),
    ];
    lines.push(
      `monitor schedule while the pages were loaded: ${schedule.slots} slots, ${schedule.ran} ran, ${schedule.missed} missed; start delay p50 ${schedule.p50DelayMs ?? '—'} ms, p99 ${schedule.p99DelayMs ?? '—'} ms, max ${schedule.maxDelayMs ?? '—'} ms — budget 0 missed, p99 ≤ ${SCHEDULE_BUDGET.p99DelayMs} ms: ${verdict(failures)}`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) run('npx', ['next', 'build'], { ...process.env });
  const [one, five, fifteen] = os.loadavg();
  const out: string[] = [`load average at the start: ${one!.toFixed(1)}, ${five!.toFixed(1)}, ${fifteen!.toFixed(1)} on ${os.cpus().length} CPUs`];
  for (const database of databases) out.push(table(database, await benchDatabase(database)));
  console.log(`\n${out.join('\n\n')}`);
}

try {
  await main();
} finally {
  for (const child of children) if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('[bench] cleanup:', error instanceof Error ? error.message : error);
    }
  }
}
