/**
 * The workspace home read (workspace.home) on a database seeded by scripts/seed-large.ts: time
 * and SQL statements for a cold read (nothing remembered), a warm one, and one after a change
 * to one project (a finding recorded), through the tRPC caller as the bench consultant.
 *   DATABASE_URL=postgres://… npx tsx scripts/bench-home.ts [runs=5]     (or LR_DATA_DIR for PGlite)
 * Prints figures; not a test.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openPglite, openPostgres } from '@/db/open';
import { findings, projects, user, workspaceMembers } from '@/db/schema';
import { createMailer } from '@/server/mail/mailer';
import { appCheckDeps } from '@/server/check-runs/network';
import { createCaller } from '@/server/trpc/root';
import { createReadCache } from '@/server/read-cache';
// scripts/seed-large.ts seeds as it is imported, so its consultant is named here.
const BENCH_CONSULTANT = { email: 'bench@launch-ready.local' };

const runs = Number(process.argv[2] ?? 5);
let queries = 0;
const onQuery = () => (queries += 1);
const databaseUrl = process.env.DATABASE_URL;
const handle = databaseUrl ? openPostgres(databaseUrl, 10, onQuery) : await openPglite({ dataDir: path.join(path.resolve(process.env.LR_DATA_DIR || '.data'), 'pglite'), onQuery });
const { db } = handle;

const [bench] = await db.select().from(user).where(eq(user.email, BENCH_CONSULTANT.email));
if (!bench) throw new Error('Seed the database with scripts/seed-large.ts first.');
const [membership] = await db.select().from(workspaceMembers).where(eq(workspaceMembers.userId, bench.id)).limit(1);
const workspaceId = membership!.workspaceId;
const [someProject] = await db.select({ id: projects.id }).from(projects).where(eq(projects.workspaceId, workspaceId)).limit(1);

const mailer = createMailer({ db, from: 'Launch Ready <bench@launch-ready.local>' });
const sessionUser = { id: bench.id, email: bench.email, name: bench.name, emailVerified: true };
const checkDeps = () => appCheckDeps({ checks: { dnsServers: ['127.0.0.1:9'], allowLoopbackTargets: false } });

async function measure(label: string, reads: ReturnType<typeof createReadCache>) {
  const caller = createCaller({ db, user: sessionUser, mailer, appUrl: 'http://localhost:3000', checkDeps, reads });
  queries = 0;
  const t0 = performance.now();
  const home = await caller.workspace.home({ workspaceId });
  const ms = performance.now() - t0;
  const bytes = JSON.stringify(home).length;
  return { label, ms: Math.round(ms * 10) / 10, queries, projects: home.projects.length, jsonKB: Math.round(bytes / 102.4) / 10 };
}

const rows: Awaited<ReturnType<typeof measure>>[] = [];
for (let i = 0; i < runs; i += 1) {
  const reads = createReadCache({ maxProjects: 200 });
  rows.push(await measure('cold', reads));
  rows.push(await measure('warm', reads));
  const now = new Date();
  const [finding] = await db
    .insert(findings)
    .values({ projectId: someProject!.id, fingerprint: `bench-${now.getTime()}`, checkId: 'tls', code: 'bench', subject: 'bench.example', severity: 'high', impact: 'security', message: 'Bench finding.', fix: 'None.', firstSeenAt: now, lastSeenAt: now })
    .returning();
  rows.push(await measure('one project changed', reads));
  await db.delete(findings).where(eq(findings.id, finding!.id));
}
const median = (label: string) => {
  const ms = rows.filter((r) => r.label === label).map((r) => r.ms).sort((a, b) => a - b);
  const row = rows.find((r) => r.label === label)!;
  return { label, medianMs: ms[Math.floor(ms.length / 2)], minMs: ms[0], maxMs: ms.at(-1), queries: row.queries, projects: row.projects, jsonKB: row.jsonKB };
};
console.table(['cold', 'warm', 'one project changed'].map(median));
await handle.close();
