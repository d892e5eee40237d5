/**
 * Operating records, monitoring data and check results for one project, inserted directly: used
 * by the handover tests, the benchmark and the visual check to see a full pack. `canary` is
 * planted in every free-text field, as a person pasting a secret would.
 */
import type { Database } from '@/db/types';
import {
  alertChannels,
  alertSettings,
  checkResults,
  checkRuns,
  contacts,
  envVars,
  handoverEntries,
  monitorIncidents,
  monitorResults,
  monitors,
  projectDocuments,
  releaseSteps,
} from '@/db/schema';

const DAY = 86_400_000;

export async function insertFullRecords(db: Database, projectId: string, { now = new Date(), canary = '', monitoring = true }: { now?: Date; canary?: string; monitoring?: boolean } = {}) {
  const c = canary ? ` ${canary}` : '';
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString().slice(0, 10);
  await db.insert(envVars).values([
    { projectId, name: 'DATABASE_URL', environments: ['production', 'preview'], ownerName: 'Dana Okafor', purpose: `Main database connection${c}`, storedIn: 'Vercel project settings', lastRotatedOn: daysAgo(40) },
    { projectId, name: 'STRIPE_SECRET_KEY', environments: ['production'], ownerName: 'Sam (client developer)', purpose: 'Charges and refunds', storedIn: '1Password: Ops vault', lastRotatedOn: null },
    { projectId, name: 'STRIPE_WEBHOOK_SECRET', environments: ['production'], ownerName: 'Sam (client developer)', purpose: 'Verifies Stripe webhook calls', storedIn: 'Vercel project settings', lastRotatedOn: daysAgo(400) },
    { projectId, name: 'RESEND_API_KEY', environments: ['production', 'preview'], ownerName: null, purpose: 'Transactional email', storedIn: null, lastRotatedOn: null },
    { projectId, name: 'NEXT_PUBLIC_SITE_URL', environments: ['production', 'preview', 'local'], ownerName: 'Dana Okafor', purpose: 'Public site address', storedIn: 'Repository .env.example', isSecret: false },
  ]).onConflictDoNothing();
  await db.insert(projectDocuments).values([
    { projectId, kind: 'deployment_runbook', body: `Merge to main; Vercel builds and deploys production.\nRun database migrations with npm run migrate before promoting.\nWatch the error tracker for ten minutes after each deploy.${c}` },
    { projectId, kind: 'rollback_path', body: 'Promote the previous deployment in Vercel (Deployments → … → Promote).\nMigrations are additive only, so the old build still runs on the new schema.' },
    { projectId, kind: 'incident_template', body: 'What happened, when it started, who is affected, what we did, what we will change.' },
  ]).onConflictDoNothing();
  const steps: [('build' | 'migrate' | 'verify' | 'rollback'), string, boolean][] = [
    ['build', 'Build passes on main with type checks', true],
    ['migrate', 'Migration applied on a copy of production first', true],
    ['verify', 'Sign-up, sign-in and checkout tried on production', false],
    ['rollback', 'Previous deployment identified and promotable', false],
  ];
  await db.insert(releaseSteps).values(steps.map(([phase, title, done], position) => ({ projectId, phase, title, position, checkedAt: done ? now : null })));
  await db.insert(contacts).values([
    { projectId, name: 'Dana Okafor', role: 'Consultant', email: 'dana@example.org', phone: '+44 20 7946 0001', escalationOrder: 1, notes: `Weekdays 9–18${c}` },
    { projectId, name: 'Sam Reyes', role: 'Client developer', email: 'sam@example.org', escalationOrder: 2 },
    { projectId, name: 'Priya Shah', role: 'Founder', email: 'priya@example.org', phone: '+44 20 7946 0002', escalationOrder: 3, isFallback: true },
  ]);
  await db.insert(handoverEntries).values([
    { projectId, kind: 'known_limitation', title: 'Search is slow above 10,000 posts', detail: `Full-text index planned.${c}`, position: 1 },
    { projectId, kind: 'known_limitation', title: 'Only one admin account', position: 2 },
    { projectId, kind: 'improvement', title: 'Add a second person who can deploy', detail: 'Removes the single point of failure.', businessValue: 5, position: 1 },
    { projectId, kind: 'improvement', title: 'Cache the member feed', businessValue: 3, position: 2 },
    { projectId, kind: 'improvement', title: 'Dark mode', businessValue: 1, position: 3 },
    { projectId, kind: 'weekly_check', title: 'Look at failed payments in Stripe', detail: 'Retry or contact the member.', position: 1 },
    { projectId, kind: 'weekly_check', title: 'Read the error tracker digest', position: 2 },
    { projectId, kind: 'weekly_check', title: 'Confirm last night’s backup exists', position: 3 },
  ]);

  if (monitoring) await insertMonitoring(db, projectId, now, c, canary);
  await insertCheckResults(db, projectId, now, c);
}

async function insertMonitoring(db: Database, projectId: string, now: Date, c: string, canary: string) {
  const made = await db
    .insert(monitors)
    .values([
      { projectId, name: 'Homepage', kind: 'http', url: 'https://www.example.org/', intervalSeconds: 900, nextRunAt: now, state: 'up' },
      { projectId, name: 'Sign-in API', kind: 'http', url: 'https://api.example.org/api/auth/sign-in', intervalSeconds: 900, nextRunAt: now, state: 'up', p95TargetMs: 800 },
      { projectId, name: 'Stripe webhook', kind: 'http', url: 'https://www.example.org/api/webhooks/stripe', method: 'POST', expectedStatus: 'no-server-error', intervalSeconds: 900, nextRunAt: now, state: 'degraded' },
    ])
    .returning({ id: monitors.id });
  const results = [];
  for (const [m, monitor] of made.entries()) {
    for (let slot = 0; slot < 7 * 96; slot += 1) {
      const at = new Date(now.getTime() - slot * 900_000);
      const bad = (m === 2 && slot % 37 === 0) || (m === 1 && slot >= 200 && slot < 206);
      const wave = 120 + m * 90 + Math.round(60 * Math.sin(slot / 9)) + (slot % 23) * 4;
      results.push({ monitorId: monitor.id, scheduledAt: at, startedAt: at, ok: !bad, statusCode: bad ? 502 : 200, latencyMs: bad ? null : wave, error: bad ? 'Bad gateway' : null });
    }
  }
  for (let i = 0; i < results.length; i += 500) await db.insert(monitorResults).values(results.slice(i, i + 500));
  await db.insert(monitorIncidents).values({
    monitorId: made[1]!.id,
    projectId,
    startedAt: new Date(now.getTime() - 206 * 900_000),
    endedAt: new Date(now.getTime() - 200 * 900_000),
    cause: 'Sign-in API answered 502 Bad Gateway',
    notes: `Database connection pool exhausted after a deploy; rolled back.${c}`,
    failedChecks: 6,
  });
  await db.insert(alertChannels).values([
    { projectId, kind: 'email', name: 'Ops inbox', config: { email: 'ops@example.org' } },
    { projectId, kind: 'slack', name: '#alerts', config: { url: `https://hooks.slack.com/services/T000/B000/${canary || 'XXXXXXXX'}` } },
  ]);
  await db.insert(alertSettings).values({ projectId, fallbackEmail: 'priya@example.org' }).onConflictDoUpdate({ target: alertSettings.projectId, set: { fallbackEmail: 'priya@example.org' } });
}

async function insertCheckResults(db: Database, projectId: string, now: Date, c: string) {
  const [run] = await db.insert(checkRuns).values({ projectId, checkIds: ['tls', 'spf', 'dkim', 'dmarc', 'security-headers'], target: { domain: 'example.org' }, status: 'done', progress: { total: 5, done: 5, current: [] }, finishedAt: now }).returning();
  const result = (checkId: string, status: 'pass' | 'warn' | 'fail', findings: { message: string; fix: string }[], evidence: unknown = null) => ({
    runId: run!.id,
    projectId,
    checkId,
    status,
    findings: findings.map((f) => ({ severity: status === 'pass' ? 'info' : 'medium', code: `${checkId}.x`, evidence: null, ...f })),
    evidence,
    durationMs: 120,
  });
  await db.insert(checkResults).values([
    // What the TLS check records (its evidence contract, server/checks/evidence/tls.ts).
    result('tls', 'pass', [], {
      hosts: [
        { host: 'www.example.org', protocol: 'TLSv1.3', authorized: true, hostnameMatches: true, daysToExpiry: 62, validTo: new Date(now.getTime() + 62 * DAY).toISOString(), chain: ['CN=www.example.org'] },
        { host: 'api.example.org', protocol: 'TLSv1.3', authorized: true, hostnameMatches: true, daysToExpiry: 12, validTo: new Date(now.getTime() + 12 * DAY).toISOString(), chain: ['CN=api.example.org'] },
      ],
    }),
    result('spf', 'pass', []),
    result('dkim', 'pass', []),
    result('dmarc', 'warn', [{ message: `DMARC policy is p=none, so spoofed mail is still delivered.${c}`, fix: 'Move to p=quarantine once reports look clean.' }]),
    result('security-headers', 'fail', [{ message: 'No Content-Security-Policy header.', fix: 'Add a CSP, starting in report-only mode.' }]),
  ]);
}
