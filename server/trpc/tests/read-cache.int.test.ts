/**
 * Cached project reads (server/read-cache.ts): a repeated read costs only its authorization
 * query, and every kind of change a read shows — made through the app or straight in the
 * database, as the monitor workers do — is visible on the very next read, because database
 * triggers bump the project's revisions in the same transaction (migration 0005).
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { monitorProjectRollups, projectShares, user, workspaceMembers } from '@/db/schema';
import type { SessionUser } from '../context';
import { createCaller } from '../root';
import { createAccessMemo } from '../access-memo';
import { createReadCache } from '@/server/read-cache';

let app: TestApp;
let founder: SessionUser;
let queries = 0;

const fields = { name: 'Cached bot', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' } as const;

beforeAll(async () => {
  app = await createTestApp({ onQuery: () => (queries += 1) });
  founder = await app.signUp('Casey Cache');
});
afterAll(() => app.close());

async function queriesOf<T>(read: () => Promise<T>): Promise<{ value: T; queries: number }> {
  queries = 0;
  const value = await read();
  return { value, queries };
}

async function newProject() {
  const caller = app.caller(founder);
  const workspaceId = (await caller.workspace.create({ name: `Cache ${crypto.randomBytes(2).toString('hex')}` })).id;
  const project = await caller.project.create({ workspaceId, ...fields });
  return { caller, workspaceId, projectId: project.id };
}

describe('cached project reads', () => {
  it('cost one authorization query when nothing changed', async () => {
    const { caller, projectId } = await newProject();
    const reads: Record<string, () => Promise<unknown>> = {
      'project.get': () => caller.project.get({ projectId }),
      'roadmap.overview': () => caller.roadmap.overview({ projectId }),
      'roadmap.risks': () => caller.roadmap.risks({ projectId }),
      'audit.get': () => caller.audit.get({ projectId, filter: 'all' }),
      'monitoring.projectPanel': () => caller.monitoring.projectPanel({ projectId }),
      'monitoring.projectSummary': () => caller.monitoring.projectSummary({ projectId }),
    };
    for (const [name, read] of Object.entries(reads)) {
      const first = await queriesOf(read);
      const again = await queriesOf(read);
      // The summary is cut from the panel read just before it, so its first call is cached too.
      if (name === 'monitoring.projectSummary') expect(first.queries, name).toBe(1);
      else expect(first.queries, name).toBeGreaterThan(1);
      expect(again.queries, name).toBe(1);
      expect(again.value, name).toEqual(first.value);
    }
  });

  it('show checklist, evidence, comment, risk and decision changes on the next read', async () => {
    const { caller, projectId } = await newProject();
    const before = await caller.audit.get({ projectId, filter: 'all' });
    const item = before.items[0]!;
    const auditProgress = async () => (await caller.roadmap.overview({ projectId })).stages.find((s) => s.key === 'audit')!.progress;
    const progressBefore = await auditProgress();

    await caller.audit.updateItem({ projectId, itemId: before.items[1]!.id, status: 'passed', evidence: { body: 'Checked by hand.' } });
    expect(await auditProgress()).toBeGreaterThan(progressBefore);
    await caller.audit.updateItem({ projectId, itemId: item.id, status: 'failed' });
    expect((await caller.audit.get({ projectId, filter: 'failing' })).items.map((i) => i.id)).toEqual([item.id]);

    await caller.audit.addEvidence({ projectId, itemId: item.id, body: 'The apex answers 502.', url: 'https://example.com/proof' });
    await caller.audit.comment({ projectId, itemId: item.id, body: 'Fixing the origin today.' });
    const withEvidence = (await caller.audit.get({ projectId, filter: 'all' })).items.find((i) => i.id === item.id)!;
    expect(withEvidence.evidence.map((e) => e.body)).toEqual(['The apex answers 502.']);
    expect(withEvidence.comments.map((c) => c.body)).toEqual(['Fixing the origin today.']);

    await caller.roadmap.addRisk({ projectId, title: 'Card payments untested', severity: 'high', impact: 'revenue' });
    expect((await caller.roadmap.risks({ projectId })).ranked.map((r) => r.title)).toContain('Card payments untested');

    await caller.roadmap.decide({ projectId, decision: 'no_go', reason: 'The apex is down and payments are untested.' });
    expect((await caller.roadmap.overview({ projectId })).latestDecision).toMatchObject({ decision: 'no_go' });
  });

  it('show renamed workspaces and people, new members and project edits on the next read', async () => {
    const { caller, workspaceId, projectId } = await newProject();
    const first = await caller.audit.get({ projectId, filter: 'all' });
    await caller.audit.updateItem({ projectId, itemId: first.items[0]!.id, ownerUserId: founder.id });
    expect((await caller.audit.get({ projectId, filter: 'all' })).items[0]!.ownerLabel).toBe('Casey Cache');
    await caller.project.get({ projectId });

    await caller.workspace.rename({ workspaceId, name: 'Renamed Studio' });
    expect((await caller.project.get({ projectId })).workspaceName).toBe('Renamed Studio');

    await app.db.update(user).set({ name: 'Casey Renamed' }).where(eq(user.id, founder.id));
    expect((await caller.audit.get({ projectId, filter: 'all' })).items[0]!.ownerLabel).toBe('Casey Renamed');

    const colleague = await app.signUp('Morgan Member');
    await app.db.insert(workspaceMembers).values({ workspaceId, userId: colleague.id, role: 'member' });
    expect((await caller.audit.get({ projectId, filter: 'all' })).members.map((m) => m.name)).toContain('Morgan Member');

    await caller.project.update({ projectId, ...fields, name: 'Cached bot v2' });
    expect((await caller.project.get({ projectId })).name).toBe('Cached bot v2');
  });

  it('show monitoring written by workers on the next read, and keep the checklist cached meanwhile', async () => {
    const { caller, projectId } = await newProject();
    await caller.monitoring.quickSetup({ projectId });
    const empty = await caller.monitoring.projectPanel({ projectId });
    expect(empty.last24h.checks).toBe(0);
    await caller.roadmap.overview({ projectId });
    await caller.audit.get({ projectId, filter: 'all' });

    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await app.db.insert(monitorProjectRollups).values({ projectId, hour, checks: 60, failures: 3, missed: 0, latencySumMs: 6000, histogram: {} });
    expect((await caller.monitoring.projectPanel({ projectId })).last24h.checks).toBe(60);
    expect((await caller.monitoring.projectSummary({ projectId })).last7d.checks).toBe(60);
    expect((await queriesOf(() => caller.audit.get({ projectId, filter: 'all' }))).queries).toBe(1);
    // The overview's verdict reads monitoring (p95, uptime, incidents), so it is read afresh.
    expect((await queriesOf(() => caller.roadmap.overview({ projectId }))).queries).toBeGreaterThan(1);
  });

  it('are remembered per person and grant: a client never gets what the team sees', async () => {
    const { caller, projectId } = await newProject();
    const teamView = await caller.audit.get({ projectId, filter: 'all' });
    expect(teamView.members.length).toBeGreaterThan(0);

    const client = await app.signUp('Cleo Client');
    await app.db.insert(projectShares).values({ projectId, email: client.email, role: 'viewer', userId: client.id, tokenHash: crypto.randomBytes(16).toString('hex'), expiresAt: new Date(Date.now() + 86_400_000), acceptedAt: new Date() });
    const clientView = await app.caller(client).audit.get({ projectId, filter: 'all' });
    expect(clientView.members).toEqual([]);
    expect((await app.caller(client).project.get({ projectId })).access).toMatchObject({ via: 'client', role: 'viewer' });

    await app.db.update(projectShares).set({ revokedAt: new Date() }).where(eq(projectShares.userId, client.id));
    await expect(app.caller(client).audit.get({ projectId, filter: 'all' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('cached workspace reads', () => {
  it('cost one query when nothing changed, stay cached while project content changes, and show list changes next', async () => {
    const { caller, workspaceId, projectId } = await newProject();
    const list = () => caller.project.list({ workspaceId, includeArchived: false });
    const names = async () => (await list()).map((p) => p.name);
    await list();
    expect((await queriesOf(list)).queries).toBe(1);
    await caller.workspace.get({ workspaceId });
    expect((await queriesOf(() => caller.workspace.get({ workspaceId }))).queries).toBe(1);

    const item = (await caller.audit.get({ projectId, filter: 'all' })).items[0]!;
    await caller.audit.updateItem({ projectId, itemId: item.id, status: 'passed', evidence: { body: 'Checked by hand.' } });
    expect((await queriesOf(list)).queries).toBe(1); // the list shows nothing of the checklist

    const second = await caller.project.create({ workspaceId, ...fields, name: 'Second product' });
    expect(await names()).toContain('Second product');
    await caller.project.update({ projectId: second.id, ...fields, name: 'Second product, renamed' });
    expect(await names()).toContain('Second product, renamed');
    await caller.project.archive({ projectId: second.id });
    expect(await names()).not.toContain('Second product, renamed');
    await caller.workspace.rename({ workspaceId, name: 'Studio renamed' });
    expect((await caller.workspace.get({ workspaceId })).name).toBe('Studio renamed');
  });
});

describe('access within one request', () => {
  it('is looked up once for all reads of a request, and afresh for a mutation and the reads after it', async () => {
    const { projectId } = await newProject();
    // One request's context, as createRequestContext builds it for a batch or a server render.
    const request = createCaller({ db: app.db, user: founder, mailer: app.mailer, appUrl: 'http://localhost', checkDeps: () => { throw new Error('no checks here'); }, reads: createReadCache({ maxProjects: 10 }), access: createAccessMemo() });
    const reads = () => Promise.all([request.project.get({ projectId }), request.roadmap.overview({ projectId }), request.audit.get({ projectId, filter: 'all' })]);
    await reads();
    const batch = await queriesOf(reads);
    expect(batch.queries).toBe(0); // cached values, and no second authorization query either

    const item = batch.value[2].items[0]!;
    const write = await queriesOf(() => request.audit.updateItem({ projectId, itemId: item.id, status: 'passed', evidence: { body: 'Checked by hand.' } }));
    expect(write.queries).toBeGreaterThan(1);
    const after = await request.audit.get({ projectId, filter: 'all' });
    expect(after.items.find((i) => i.id === item.id)!.status).toBe('passed');
  });
});
