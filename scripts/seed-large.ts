/**
 * `tsx scripts/seed-large.ts`: a large workspace for benchmarks — a consultant with 50 client
 * projects (each with its full roadmap), 10 monitors per project with 7 days of hourly rollups,
 * some progress with evidence and comments, risks, check runs and the activity all that records.
 *
 * Writes to PostgreSQL (DATABASE_URL) or the embedded database in LR_DATA_DIR (default .data),
 * which must be migrated and not open in another process. Refuses a database that already holds
 * the bench consultant. Prints the consultant's credentials and a project id as JSON on the last line.
 *
 * Also writes the raw one-minute window (the last 48 hours of results) for every HTTP monitor.
 *
 * LR_SEED_PROJECTS (default 50) changes the number of projects. LR_SEED_MONITOR_TARGET (a loopback
 * origin, for `npm run bench`) turns the monitors into live ones: every HTTP monitor is pointed at
 * that origin and enabled, and a second workspace gets enough more to make LR_SEED_ACTIVE_MONITORS
 * (default 1000) monitors for the workers to check. Without it the monitors stay paused (they
 * point at example.com).
 */
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../db/open';
import { checkRuns, monitors, user } from '../db/schema';
import { firstSlot } from '../server/monitoring/schedule';
import { createMailer } from '../server/mail/mailer';
import { createAuth } from '../server/auth/auth';
import { createWorkspace } from '../server/services/workspaces';
import { createProject } from '../server/services/projects';
import { projectFieldsSchema } from '../server/projects/validation';
import { listItems } from '../db/queries/roadmap';
import { addComment, addEvidence, updateItem } from '../server/services/checklist';
import { addManualRisk } from '../server/services/roadmap';
import { seedDemoMonitoring } from '../server/demo/monitoring';

export const BENCH_CONSULTANT = { name: 'Bench Consultant', email: 'bench@launch-ready.local', password: 'launch-ready-bench' };

const projectCount = Number(process.env.LR_SEED_PROJECTS ?? 50);
const started = Date.now();

const databaseUrl = process.env.DATABASE_URL;
const handle = databaseUrl ? openPostgres(databaseUrl, 4) : await openPglite({ dataDir: path.join(path.resolve(process.env.LR_DATA_DIR || '.data'), 'pglite') });
const { db } = handle;

try {
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, BENCH_CONSULTANT.email));
  if (existing) throw new Error(`${BENCH_CONSULTANT.email} already exists: seed a fresh database.`);

  const mailer = createMailer({ db, from: 'Launch Ready <bench@launch-ready.local>' });
  const auth = createAuth({ db, mailer, secret: process.env.BETTER_AUTH_SECRET ?? 'seed-large-secret-seed-large-secret-1234', appUrl: 'http://127.0.0.1', rateLimit: { window: 60, max: 1000 } });
  const { user: created } = await auth.api.signUpEmail({ body: { name: BENCH_CONSULTANT.name, email: BENCH_CONSULTANT.email, password: BENCH_CONSULTANT.password } });
  await db.update(user).set({ emailVerified: true }).where(eq(user.id, created.id));
  const consultant = { id: created.id, name: created.name, email: created.email };
  const workspace = await createWorkspace(db, { actor: consultant }, { name: 'Bench Studio' });

  // Endpoints that make suggestMonitors propose exactly 10 monitors: homepage, certificate and these 8.
  const monitorEndpoints = [
    ...['/api/login', '/admin/login', '/app/login'].map((url) => ({ kind: 'login', method: 'POST', url })),
    ...['/api/health', '/api/v2/health', '/app/health'].map((url) => ({ kind: 'api-health', method: 'GET', url })),
    ...['/api/webhooks/stripe', '/api/webhooks/paddle'].map((url) => ({ kind: 'payment-webhook', method: 'POST', url })),
  ];

  const projects = [];
  for (let i = 0; i < projectCount; i += 1) {
    const host = `client-${i}.example.com`; // IANA example domain: nothing points at a real product
    const fields = projectFieldsSchema.parse({
      name: `Client ${String(i + 1).padStart(2, '0')}`,
      productType: i % 2 ? 'membership-community' : 'ai-chatbot',
      segment: i % 2 ? 'membership-community' : 'coach-consultant',
      maturity: i % 3 ? 'demo-launch' : 'customers-growth',
      primaryDomain: 'example.com',
      subdomains: [`client-${i}`],
      productionUrl: `https://${host}`,
      endpoints: [
        { kind: 'login', method: 'POST', url: '/api/login' },
        { kind: 'signup', method: 'POST', url: '/api/signup' },
      ],
      environments: [{ name: 'production', url: `https://${host}` }],
    });
    const project = await createProject(db, { workspaceId: workspace.id, actorId: consultant.id }, { fields });
    projects.push(project);

    // Progress: the first audit items passed with evidence, one critical failing, comments, risks.
    const items = await listItems(db, { projectId: project.id });
    const audit = items.filter((item) => item.stageKey === 'audit');
    for (const [n, item] of audit.slice(0, 4).entries()) {
      const scope = { projectId: project.id, stageKey: item.stageKey, actorId: consultant.id };
      // Evidence first: Passed needs it (docs/decisions/0010).
      await addEvidence(db, scope, item.id, { body: `Checked on the production site (${n + 1}).`, url: `https://${host}/evidence/${n}` });
      await updateItem(db, scope, item.id, { status: n === 3 ? 'failed' : 'passed', ownerUserId: consultant.id });
      if (n < 2) await addComment(db, scope, item.id, 'Confirmed with the client.');
    }
    await addManualRisk(db, { projectId: project.id, actorId: consultant.id }, { title: 'Payment provider migration pending', severity: 'high', impact: 'revenue', ownerName: 'Bench Consultant' });
    await addManualRisk(db, { projectId: project.id, actorId: consultant.id }, { title: 'Support inbox not monitored at weekends', severity: 'medium', impact: 'operations' });

    // Check runs, in bulk: one a day for a week.
    await db.insert(checkRuns).values(
      Array.from({ length: 7 }, (_, d) => {
        const at = new Date(started - d * 86_400_000);
        return { projectId: project.id, checkIds: ['dns', 'tls'], target: { domain: host }, status: 'done' as const, progress: { total: 2, done: 2, current: [] }, startedBy: consultant.id, startedAt: at, finishedAt: new Date(at.getTime() + 4000) };
      }),
    );
  }

  // 10 monitors per project with 7 days of hourly rollups, written in bulk the way the demo does.
  await seedDemoMonitoring(
    db,
    projects.map((p) => ({ id: p.id, name: p.name, productionUrl: p.productionUrl, primaryDomain: p.primaryDomain, endpoints: monitorEndpoints })),
    consultant.id,
  );

  // The raw window: one result a minute for 48 hours per HTTP monitor, written by the database.
  const projectIds = projects.map((p) => p.id);
  await db.execute(sql`
    insert into monitor_results (monitor_id, scheduled_at, started_at, ok, status_code, latency_ms, worker)
    select m.id, s, s, random() > 0.002, 200, 80 + random() * 250, 'seed'
    from monitors m
    cross join generate_series(date_trunc('minute', now()) - interval '48 hours', date_trunc('minute', now()) - interval '1 minute', interval '1 minute') as s
    where m.project_id in ${projectIds} and m.kind = 'http'`);

  const target = process.env.LR_SEED_MONITOR_TARGET;
  let active = 0;
  if (target) {
    // Live monitors: same paths, on the bench's loopback target.
    const live = await db.select({ id: monitors.id, url: monitors.url }).from(monitors).where(and(inArray(monitors.projectId, projectIds), eq(monitors.kind, 'http')));
    const now = new Date();
    for (const m of live) {
      const url = new URL(new URL(m.url).pathname, target).href;
      await db.update(monitors).set({ url, enabled: true, nextRunAt: firstSlot(m.id, 60, now) }).where(eq(monitors.id, m.id));
    }
    active = live.length;
    const wanted = Number(process.env.LR_SEED_ACTIVE_MONITORS ?? 1000);
    if (wanted > active) {
      const load = await createWorkspace(db, { actor: consultant }, { name: 'Bench load' });
      const loadProject = await createProject(db, { workspaceId: load.id, actorId: consultant.id }, {
        fields: projectFieldsSchema.parse({ name: 'Synthetic load', productType: 'saas-dashboard', segment: 'other', maturity: 'demo-launch', primaryDomain: 'example.com', productionUrl: 'https://load.example.com' }),
      });
      const rows = Array.from({ length: wanted - active }, (_, i) => {
        const id = crypto.randomUUID();
        return { id, projectId: loadProject.id, name: `Load ${i + 1}`, kind: 'http' as const, purpose: 'homepage' as const, url: new URL(`/load/${i}`, target).href, method: 'GET' as const, expectedStatus: 'success' as const, intervalSeconds: 60, enabled: true, nextRunAt: firstSlot(id, 60, now), createdBy: consultant.id };
      });
      for (let i = 0; i < rows.length; i += 200) await db.insert(monitors).values(rows.slice(i, i + 200));
      active = wanted;
    }
  }
  console.error(`Seeded ${projectCount} projects (${handle.driver}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(JSON.stringify({ email: BENCH_CONSULTANT.email, password: BENCH_CONSULTANT.password, workspaceId: workspace.id, projectId: projects[0]?.id ?? null, activeMonitors: active }));
} finally {
  await handle.close();
}
