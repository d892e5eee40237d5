/**
 * `npm run bench`: the dashboard's reads over HTTP, on PostgreSQL and on the embedded database.
 *
 * For each database: a fresh database (PostgreSQL: created on BENCH_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; embedded: a new data dir), `npm run migrate`, the
 * large workspace from scripts/seed-large.ts with its 1,000 monitors live against a loopback
 * target this script serves, then the built app (`next start`, built first only when
 * .next/BUILD_ID is missing) on a free loopback port, and the monitor workers (PostgreSQL: one
 * `npm run worker` process; embedded: the app's own worker). It signs in as the seeded consultant
 * and drives each read with autocannon, then prints requests/s, p50/p95/p99, the ratio of
 * requests/s to the bare route (/api/health: one `select 1`) on the same server, the SQL
 * statements per request (LR_QUERY_STATS, measured over sequential requests) and the checks the
 * workers finished meanwhile.
 *
 * The budgeted reads are the data each screen loads (one batched tRPC GET, as the browser sends
 * it); the server-rendered pages are measured too, for information (docs/performance.md).
 *
 *   npm run bench -- --seconds 10 --connections 20 --databases postgres,embedded
 *
 * Budgets (docs/performance.md): p95 ≤ 100 ms on PostgreSQL, ≤ 200 ms embedded, throughput ≥ 50 %
 * of the bare route. Everything stays on 127.0.0.1; the servers are stopped by pid at the end.
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
const QUERY_SAMPLE = 20; // sequential requests per read for the SQL count
const BUDGET_P95_MS = { postgres: 100, embedded: 200 } as const;

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
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
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

/** PostgreSQL: one separate worker process, as production runs it. Embedded: the app's own worker. */
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

type Stats = { queries: number; checksLastMinute: number };

async function stats(origin: string): Promise<Stats> {
  const response = await fetch(`${origin}/api/query-stats`);
  if (!response.ok) throw new Error(`/api/query-stats answered ${response.status}.`);
  return (await response.json()) as Stats;
}

type Read = { read: string; url: string; budgeted: boolean };
type Figures = { read: string; budgeted: boolean; rps: number; p50: number; p95: number; p99: number; errors: number; queries: number; bytes: number };

async function drive(origin: string, { read, url, budgeted }: Read, cookie: string): Promise<Figures> {
  // Warm up and check the read answers 200 (a redirect would mean the session is not accepted).
  const check = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`${read} answered ${check.status} (${url}).`);
  const bytes = (await check.arrayBuffer()).byteLength;
  // SQL statements per request: sequential requests, so nothing else runs in between.
  const before = (await stats(origin)).queries;
  for (let i = 0; i < QUERY_SAMPLE; i += 1) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
  const queries = ((await stats(origin)).queries - before) / QUERY_SAMPLE;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    read,
    budgeted,
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

type DatabaseRun = { figures: Figures[]; checksPerSecond: number[]; activeMonitors: number };

async function benchDatabase(database: 'postgres' | 'embedded'): Promise<DatabaseRun> {
  const target = await startTarget();
  cleanups.push(target.close);
  const { env, seeded } = await prepare(database, target.origin);
  const { origin, child } = await startServer(env);
  const worker = database === 'postgres' ? startWorker({ ...env, BETTER_AUTH_URL: origin }) : null;
  try {
    const cookie = await signIn(origin, seeded);
    const { projectId, workspaceId } = seeded;
    const project = { projectId };
    const reads: Read[] = [
      { read: 'bare route (/api/health)', url: `${origin}/api/health`, budgeted: false },
      { read: 'workspace home — data', url: trpcBatch(origin, [['workspace.get', { workspaceId }], ['project.list', { workspaceId, includeArchived: false }]]), budgeted: true },
      { read: 'project overview — data (stages, risks, monitoring)', url: trpcBatch(origin, [['project.get', project], ['roadmap.overview', project], ['monitoring.projectSummary', project]]), budgeted: true },
      { read: 'stage page — data (perimeter)', url: trpcBatch(origin, [['project.get', project], ['perimeter.get', { projectId, filter: 'all' }]]), budgeted: true },
      { read: 'monitor panel', url: trpcBatch(origin, [['monitoring.projectPanel', project]]), budgeted: true },
      { read: 'workspace home — page (HTML)', url: `${origin}/w/${workspaceId}`, budgeted: false },
      { read: 'project overview — page (HTML)', url: `${origin}/p/${projectId}`, budgeted: false },
      { read: 'stage page — page (HTML)', url: `${origin}/p/${projectId}/stages/perimeter`, budgeted: false },
    ];
    // Let the workers reach their steady pace before measuring.
    await new Promise((r) => setTimeout(r, 15_000));
    const figures: Figures[] = [];
    const checksPerSecond: number[] = [];
    for (const read of reads) {
      figures.push(await drive(origin, read, cookie));
      checksPerSecond.push((await stats(origin)).checksLastMinute / 60);
      console.error(`[bench] ${database}: ${read.read} done`);
    }
    return { figures, checksPerSecond, activeMonitors: seeded.activeMonitors };
  } finally {
    for (const c of [child, worker]) if (c?.pid && c.exitCode === null) process.kill(c.pid, 'SIGTERM');
  }
}

function table(database: 'postgres' | 'embedded', { figures, checksPerSecond, activeMonitors }: DatabaseRun): string {
  const floor = figures[0]!.rps;
  const budget = BUDGET_P95_MS[database];
  const checks = checksPerSecond.filter((c) => c > 0);
  const lines = [
    `${database} — ${connections} connections, ${seconds} s per read; budgets: p95 ≤ ${budget} ms, ≥ 50 % of the bare route`,
    `workers: ${activeMonitors} live monitors, ${checks.length ? `${Math.min(...checks).toFixed(1)}–${Math.max(...checks).toFixed(1)}` : '0'} checks/s finished while measuring (last-minute rate after each read)`,
    `| read | req/s | p50 ms | p95 ms | p99 ms | vs bare | SQL/request | KB | errors | budget |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
  ];
  for (const f of figures) {
    const ratio = f.rps / floor;
    const met = !f.budgeted
      ? '— (not budgeted)'
      : f.p95 <= budget && ratio >= 0.5 && f.errors === 0
        ? 'met'
        : `missed${f.p95 > budget ? ' (p95)' : ''}${ratio < 0.5 ? ' (throughput)' : ''}${f.errors ? ' (errors)' : ''}`;
    lines.push(
      `| ${f.read} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${f.p99.toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${f.queries.toFixed(1)} | ${(f.bytes / 1024).toFixed(0)} | ${f.errors} | ${met} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) run('npx', ['next', 'build'], { ...process.env });
  const out: string[] = [];
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
