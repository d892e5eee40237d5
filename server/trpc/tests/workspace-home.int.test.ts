/**
 * The workspace home (workspace.home): status per project from the same assessment the overview
 * shows, "needs attention" first, sortable, fresh after any change, and only for members.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { checkRuns, findings, monitors } from '@/db/schema';
import type { SessionUser } from '../context';
import { refusal } from '@/test/trpc/expect-refusal';

let app: TestApp;
let consultant: SessionUser;
let workspaceId: string;
const ids: Record<'critical' | 'down' | 'never' | 'fresh', string> = { critical: '', down: '', never: '', fresh: '' };

const fields = { productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'idea-prototype', primaryDomain: 'example.com' } as const;
const DAY = 86_400_000;

async function addFinding(projectId: string, severity: 'critical' | 'high', extra: Partial<typeof findings.$inferInsert> = {}) {
  const now = new Date();
  const [row] = await app.db
    .insert(findings)
    .values({
      projectId,
      fingerprint: crypto.randomBytes(8).toString('hex'),
      checkId: 'tls',
      code: 'tls.expired',
      subject: 'example.com',
      severity,
      impact: 'security',
      message: 'The certificate has expired.',
      fix: 'Renew the certificate.',
      firstSeenAt: now,
      lastSeenAt: now,
      ...extra,
    })
    .returning();
  return row!;
}

async function addMonitor(projectId: string, state: 'up' | 'down', enabled = true) {
  const [row] = await app.db
    .insert(monitors)
    .values({ projectId, name: `Homepage ${state}`, kind: 'http', purpose: 'homepage', url: 'https://example.com/', intervalSeconds: 60, nextRunAt: new Date(Date.now() + 3_600_000), state, enabled })
    .returning();
  return row!;
}

async function addProjectRun(projectId: string, finishedAt: Date, stageKey: 'audit' | null = null) {
  await app.db.insert(checkRuns).values({ projectId, stageKey, checkIds: ['tls'], target: { domain: 'example.com' }, status: 'done', progress: { total: 1, done: 1, current: [] }, startedAt: finishedAt, finishedAt });
}

const names = (home: { projects: { name: string }[] }) => home.projects.map((p) => p.name);

beforeAll(async () => {
  app = await createTestApp();
  consultant = await app.signUp('Hana Home');
  const caller = app.caller(consultant);
  workspaceId = (await caller.workspace.create({ name: 'Hana Studio' })).id;
  // Created in an order unlike any expected one, so no test passes by insertion order.
  ids.fresh = (await caller.project.create({ workspaceId, name: 'Alder fresh', ...fields })).id;
  ids.never = (await caller.project.create({ workspaceId, name: 'Birch never run', ...fields })).id;
  ids.down = (await caller.project.create({ workspaceId, name: 'Cedar monitor down', ...fields })).id;
  ids.critical = (await caller.project.create({ workspaceId, name: 'Dogwood critical', ...fields })).id;

  await addFinding(ids.critical, 'critical');
  await addFinding(ids.critical, 'high');
  await addMonitor(ids.down, 'down');
  await addMonitor(ids.down, 'up');
  await addMonitor(ids.down, 'down', false); // paused: not counted
  await addProjectRun(ids.down, new Date(Date.now() - DAY));
  await addProjectRun(ids.fresh, new Date(Date.now() - 2 * DAY));
  await addProjectRun(ids.never, new Date(Date.now() - DAY), 'audit'); // a stage run is not a whole-project run
});
afterAll(() => app.close());

describe('workspace home status', () => {
  it('gives each project its verdict, readiness, findings, monitors down and last run, needs-attention first', async () => {
    const caller = app.caller(consultant);
    const home = await caller.workspace.home({ workspaceId });
    expect(names(home)).toEqual(['Dogwood critical', 'Cedar monitor down', 'Birch never run', 'Alder fresh']);
    const byId = new Map(home.projects.map((p) => [p.id, p]));

    const critical = byId.get(ids.critical)!;
    expect(critical.verdict).toBe('no-go');
    expect(critical.openFindings).toEqual({ critical: 1, high: 1 });
    expect(critical.attention).toEqual({ level: 'no-go', reason: 'Critical finding on example.com: The certificate has expired.' });

    const down = byId.get(ids.down)!;
    expect(down.monitorsDown).toBe(1);
    expect(down.attention.level).toBe('urgent');
    expect(down.attention.reason).toBe('1 monitor down');
    expect(Date.parse(down.lastRunAt!)).toBeGreaterThan(Date.now() - DAY - 60_000);

    const never = byId.get(ids.never)!;
    expect(never.lastRunAt).toBeNull();
    expect(never.attention).toEqual({ level: 'stale', reason: 'The checks have never run on the whole project.' });

    const fresh = byId.get(ids.fresh)!;
    expect(fresh.attention).toEqual({ level: 'none', reason: null });
    expect(fresh.openFindings).toEqual({ critical: 0, high: 0 });

    // The verdict and readiness are the overview's own.
    for (const p of home.projects) {
      const overview = await caller.roadmap.overview({ projectId: p.id });
      expect(p.verdict, p.name).toBe(overview.recommendation.verdict);
      expect(p.readiness, p.name).toBe(overview.readiness.score);
    }
  });

  it('sorts by the column asked for, both ways', async () => {
    const caller = app.caller(consultant);
    expect(names(await caller.workspace.home({ workspaceId, sort: 'name' }))).toEqual(['Alder fresh', 'Birch never run', 'Cedar monitor down', 'Dogwood critical']);
    expect(names(await caller.workspace.home({ workspaceId, sort: 'name', dir: 'desc' }))).toEqual(['Dogwood critical', 'Cedar monitor down', 'Birch never run', 'Alder fresh']);
    // Most open critical / high findings first by default; ties keep the attention order.
    const byFindings = await caller.workspace.home({ workspaceId, sort: 'findings' });
    expect(byFindings.dir).toBe('desc');
    expect(names(byFindings)).toEqual(['Dogwood critical', 'Cedar monitor down', 'Birch never run', 'Alder fresh']);
    // Oldest run first, never-run projects oldest of all.
    expect(names(await caller.workspace.home({ workspaceId, sort: 'lastRun' }))).toEqual(['Dogwood critical', 'Birch never run', 'Alder fresh', 'Cedar monitor down']);
    expect(names(await caller.workspace.home({ workspaceId, sort: 'lastRun', dir: 'desc' }))).toEqual(['Cedar monitor down', 'Alder fresh', 'Dogwood critical', 'Birch never run']);
    expect(names(await caller.workspace.home({ workspaceId, sort: 'attention', dir: 'desc' }))).toEqual(['Alder fresh', 'Birch never run', 'Cedar monitor down', 'Dogwood critical']);

    // Readiness: least ready first. Pass one item on "Alder fresh" so it leads when sorted high to low.
    const audit = await caller.audit.get({ projectId: ids.fresh, filter: 'all' });
    await caller.audit.updateItem({ projectId: ids.fresh, itemId: audit.items[0]!.id, status: 'passed', evidence: { body: 'Checked the DNS records by hand with the founder.' } });
    const readiness = await caller.workspace.home({ workspaceId, sort: 'readiness', dir: 'desc' });
    expect(readiness.projects[0]!.name).toBe('Alder fresh');
    expect(readiness.projects[0]!.readiness).toBeGreaterThan(readiness.projects[1]!.readiness ?? 0);

    expect((await refusal(caller.workspace.home({ workspaceId, sort: 'colour' as 'name' }))).code).toBe('BAD_REQUEST');
  });

  it('shows a change on the very next read, however it was made', async () => {
    const caller = app.caller(consultant);
    const status = async (id: string) => (await caller.workspace.home({ workspaceId })).projects.find((p) => p.id === id)!;
    expect((await status(ids.fresh)).verdict).not.toBe('no-go');

    // Straight in the database, as a check run records it: the cached assessment must not answer.
    const finding = await addFinding(ids.fresh, 'critical');
    let fresh = await status(ids.fresh);
    expect(fresh.verdict).toBe('no-go');
    expect(fresh.openFindings.critical).toBe(1);

    // Accepted until yesterday: open again (the lifecycle's rule, not a copy of it).
    const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    await app.db.update(findings).set({ state: 'accepted', acceptedUntil: yesterday, acceptedReason: 'Renewing Monday' }).where(eq(findings.id, finding.id));
    expect((await status(ids.fresh)).openFindings.critical).toBe(1);
    await app.db.update(findings).set({ state: 'fixed', fixedAt: new Date() }).where(eq(findings.id, finding.id));
    fresh = await status(ids.fresh);
    expect(fresh.verdict).not.toBe('no-go');
    expect(fresh.openFindings.critical).toBe(0);

    // A monitor going down, as a worker writes it.
    const monitor = await addMonitor(ids.fresh, 'up');
    expect((await status(ids.fresh)).monitorsDown).toBe(0);
    await app.db.update(monitors).set({ state: 'down' }).where(eq(monitors.id, monitor.id));
    expect((await status(ids.fresh)).monitorsDown).toBe(1);
    await app.db.update(monitors).set({ state: 'up' }).where(eq(monitors.id, monitor.id));

    // A whole-project run finishing.
    await addProjectRun(ids.never, new Date());
    expect((await status(ids.never)).attention.level).not.toBe('stale');
  });

  it('lists only this workspace, and only for its members: a client sees just what is shared with them', async () => {
    const other = await app.signUp('Otto Other');
    const otherWorkspace = (await app.caller(other).workspace.create({ name: 'Otto Studio' })).id;
    const elsewhere = (await app.caller(other).project.create({ workspaceId: otherWorkspace, name: 'Elsewhere', ...fields })).id;
    await addFinding(elsewhere, 'critical');
    expect(names(await app.caller(consultant).workspace.home({ workspaceId }))).not.toContain('Elsewhere');
    expect((await refusal(app.caller(consultant).workspace.home({ workspaceId: otherWorkspace }))).code).toBe('NOT_FOUND');

    const client = await app.signUp('Cleo Client');
    await app.caller(consultant).project.share({ projectId: ids.down, email: client.email, role: 'viewer' });
    const token = (await app.lastMailTo(client.email))!.link!.split('/share/')[1]!;
    await app.caller(client).project.acceptShare({ token });
    expect((await refusal(app.caller(client).workspace.home({ workspaceId }))).code).toBe('NOT_FOUND');
    expect((await app.caller(client).project.sharedWithMe()).map((p) => p.name)).toEqual(['Cedar monitor down']);
  });

  it('leaves archived projects out unless asked, and never flags them', async () => {
    const caller = app.caller(consultant);
    const archived = (await caller.project.create({ workspaceId, name: 'Elm archived', ...fields })).id;
    await addFinding(archived, 'critical');
    await caller.project.archive({ projectId: archived });
    expect(names(await caller.workspace.home({ workspaceId }))).not.toContain('Elm archived');
    const all = await caller.workspace.home({ workspaceId, includeArchived: true });
    const row = all.projects.find((p) => p.id === archived)!;
    expect(row.archived).toBe(true);
    expect(row.attention.level).toBe('none');
    expect(names(all).at(-1)).toBe('Elm archived');
  });
});
