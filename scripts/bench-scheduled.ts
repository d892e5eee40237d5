/**
 * Fairness of scheduled check runs (a script, not a test): one worker with N monitors at a 30 s
 * interval against a loopback target, first alone, then while it runs scheduled whole-catalogue
 * runs back to back on the loopback testnet product (secrets in its bundles, launch blockers).
 * Prints the worker's event-loop delay and how late monitor checks started in each phase.
 *
 *   npx tsx scripts/bench-scheduled.ts [--monitors 200] [--seconds 60]
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { and, gte, lt, sql } from 'drizzle-orm';
import { openPglite } from '../db/open';
import { checkSchedules, domainOwnership, monitorResults, monitors } from '../db/schema';
import { createAuth } from '../server/auth/auth';
import { createMailer } from '../server/mail/mailer';
import { createNetwork } from '../server/net';
import { startWorker } from '../server/monitoring/worker';
import { createProject } from '../server/services/projects';
import { createWorkspace } from '../server/services/workspaces';
import { OWNERSHIP_TOKEN, startTestProduct } from '../test/testnet/product';
import { adoptProjects } from '../server/scheduled-checks/settings';
import { testnetProjectFields } from '../test/testnet/project-fields';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const monitorCount = Number(args.get('monitors') ?? 200);
const phaseMs = Number(args.get('seconds') ?? 60) * 1000;

const handle = await openPglite();
await handle.migrate();
const { db } = handle;
const mailer = createMailer({ db, from: 'Launch Ready <bench@launch-ready.local>' });
const auth = createAuth({ db, mailer, secret: 'bench-secret-bench-secret-bench-secret-1', appUrl: 'http://localhost:3000', rateLimit: { window: 60, max: 100 } });
const signed = await auth.api.signUpEmail({ body: { name: 'Bench', email: 'bench@example.test', password: 'correct horse battery' } });
const founder = { id: signed.user.id, email: signed.user.email, name: signed.user.name, emailVerified: false };
const workspaceId = (await createWorkspace(db, { actor: founder }, { name: 'Bench' })).id;

const product = await startTestProduct({ leaky: true, blockers: true });
const t = product.target;
const project = await createProject(db, { workspaceId, actorId: founder.id }, {
  templateId: 'membership-rescue',
  fields: testnetProjectFields(t, 'Scheduled bench'),
});
await db.insert(domainOwnership).values({ projectId: project.id, domain: t.domain, token: OWNERSHIP_TOKEN, verifiedAt: new Date(), method: 'dns-txt' });

const target = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(target.address() as { port: number }).port}`;
const start = Date.now() + 1000;
await db.insert(monitors).values(
  Array.from({ length: monitorCount }, (_, i) => ({ projectId: project.id, name: `m${i}`, kind: 'http' as const, url: `${origin}/m/${i}`, intervalSeconds: 30, timeoutMs: 5000, nextRunAt: new Date(start + Math.floor((i * 30_000) / monitorCount)) })),
);

// The scheduler's clock: a day later each time it is asked after a run finished, so runs follow each other.
let scheduling = false;
let clock = new Date();
await adoptProjects(db, clock);
const worker = startWorker({
  db, mailer, network: createNetwork({ policy: { allowLoopback: true } }), log: () => {},
  scheduledChecks: { checkDeps: () => product.deps, clock: () => clock, pollMs: 250 },
});

async function lateness(from: number, to: number) {
  const rows = await db.select({ late: sql<number>`extract(epoch from (${monitorResults.startedAt} - ${monitorResults.scheduledAt})) * 1000` }).from(monitorResults).where(and(gte(monitorResults.scheduledAt, new Date(from)), lt(monitorResults.scheduledAt, new Date(to))));
  const sorted = rows.map((r) => Number(r.late)).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]?.toFixed(0);
  return { checks: sorted.length, p50: q(0.5), p99: q(0.99), max: q(1) };
}

async function phase(name: string, withRuns: boolean) {
  scheduling = withRuns;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const done = worker.scheduler!.stats.done;
  const from = Date.now();
  loop.enable();
  const pump = setInterval(() => {
    if (!scheduling) return;
    void db.select({ next: checkSchedules.nextRunAt, lease: checkSchedules.leaseUntil }).from(checkSchedules).then(([row]) => {
      if (row?.next && !row.lease && row.next.getTime() > clock.getTime()) clock = new Date(row.next.getTime() + 1000);
    });
  }, 200);
  await new Promise((r) => setTimeout(r, phaseMs));
  clearInterval(pump);
  loop.disable();
  scheduling = false;
  await worker.scheduler!.idle();
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  const late = await lateness(from, Date.now() - 5000);
  console.log(`${name}: scheduled runs ${worker.scheduler!.stats.done - done}; event-loop delay p50 ${ms(loop.percentile(50))} / p99 ${ms(loop.percentile(99))} / max ${ms(loop.max)} ms; monitor checks ${late.checks}, started late p50 ${late.p50} / p99 ${late.p99} / max ${late.max} ms`);
}

await new Promise((r) => setTimeout(r, 2000));
await phase('monitors alone         ', false);
await phase('with scheduled runs    ', true);
console.log(`missed monitor checks: ${worker.stats.missed}`);
await worker.stop();
target.close();
await product.close();
await handle.close();
