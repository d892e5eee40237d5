/**
 * `npm run bench`: the dashboard's reads over HTTP, on PostgreSQL and on the embedded database.
 *
 * For each database: a fresh database (PostgreSQL: created on BENCH_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; embedded: a new data dir), `npm run migrate`, the
 * large workspace from scripts/seed-large.ts, then the built app (`next start`, built first only
 * when .next/BUILD_ID is missing) on a free loopback port. It signs in as the seeded consultant and
 * drives each read with autocannon, then prints requests/s, p50/p95/p99 and the ratio of requests/s
 * to the bare route (/api/health: one `select 1`) on the same server.
 *
 *   npm run bench -- --seconds 10 --connections 20 --databases postgres,embedded
 *
 * Budgets (docs/performance.md): p95 ≤ 100 ms on PostgreSQL, ≤ 200 ms embedded, throughput ≥ 50 %
 * of the bare route. Everything stays on 127.0.0.1; the servers are stopped by pid at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

type Seeded = { email: string; password: string; workspaceId: string; projectId: string };

/** A fresh, migrated and seeded database; returns the environment the app needs for it. */
async function prepare(database: 'postgres' | 'embedded'): Promise<{ env: NodeJS.ProcessEnv; seeded: Seeded }> {
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
  const out = run('npx', ['tsx', 'scripts/seed-large.ts'], env).trim().split('\n');
  console.error(`[bench] ${database}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { env, seeded: JSON.parse(out[out.length - 1]!) as Seeded };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      BETTER_AUTH_URL: origin,
      BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
      AUTH_RATE_LIMIT_MAX: '1000000',
      LR_SEED_DEMO: 'off',
      MAIL_OUTBOX: 'on', // the bench sends no mail; production config otherwise wants SMTP_URL
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}).`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('next start did not answer /api/health within 60 s.');
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

type Figures = { read: string; rps: number; p50: number; p95: number; p99: number; errors: number };

async function drive(read: string, url: string, cookie: string): Promise<Figures> {
  // Warm up and check the read answers 200 (a redirect would mean the session is not accepted).
  const check = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`${read} answered ${check.status} (${url}).`);
  await check.arrayBuffer();
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    read,
    rps: result.requests.total / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function benchDatabase(database: 'postgres' | 'embedded'): Promise<Figures[]> {
  const { env, seeded } = await prepare(database);
  const { origin, child } = await startServer(env);
  try {
    const cookie = await signIn(origin, seeded);
    const input = (json: Record<string, unknown>) => encodeURIComponent(JSON.stringify({ json }));
    const panelInput = input({ projectId: seeded.projectId });
    const reads: [string, string][] = [
      ['bare route (/api/health)', `${origin}/api/health`],
      ['workspace home', `${origin}/w/${seeded.workspaceId}`],
      ['project overview', `${origin}/p/${seeded.projectId}`],
      ['stage page (perimeter)', `${origin}/p/${seeded.projectId}/stages/perimeter`],
      ['monitor panel (tRPC)', `${origin}/api/trpc/monitoring.projectPanel?input=${panelInput}`],
      // The data behind the pages, without server rendering: tells data cost from render cost.
      ['overview data (tRPC roadmap.overview)', `${origin}/api/trpc/roadmap.overview?input=${panelInput}`],
      ['stage data (tRPC perimeter.get)', `${origin}/api/trpc/perimeter.get?input=${input({ projectId: seeded.projectId, filter: 'all' })}`],
    ];
    const figures: Figures[] = [];
    for (const [read, url] of reads) {
      figures.push(await drive(read, url, cookie));
      console.error(`[bench] ${database}: ${read} done`);
    }
    return figures;
  } finally {
    if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  }
}

function table(database: 'postgres' | 'embedded', figures: Figures[]): string {
  const floor = figures[0]!.rps;
  const budget = BUDGET_P95_MS[database];
  const lines = [
    `${database} — ${connections} connections, ${seconds} s per read; budgets: p95 ≤ ${budget} ms, ≥ 50 % of the bare route`,
    `| read | req/s | p50 ms | p95 ms | p99 ms | vs bare | errors | budget |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
  ];
  for (const [i, f] of figures.entries()) {
    const ratio = f.rps / floor;
    const met = i === 0 ? '—' : f.p95 <= budget && ratio >= 0.5 && f.errors === 0 ? 'met' : `missed${f.p95 > budget ? ' (p95)' : ''}${ratio < 0.5 ? ' (throughput)' : ''}${f.errors ? ' (errors)' : ''}`;
    lines.push(`| ${f.read} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${f.p99.toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${f.errors} | ${met} |`);
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
