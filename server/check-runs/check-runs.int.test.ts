/**
 * Check runs end to end against the loopback DNS server: results stored, items settled with
 * evidence, a person's override kept, the diff against the previous run, and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { testCheckDeps } from '@/test/testnet/check-deps';
import { checklistItems, itemEvidence } from '@/db/schema';
import { refusal } from '@/test/trpc/expect-refusal';
import type { SessionUser } from '@/server/trpc/context';
import { startCheckRun } from './run';
import { listItems } from '@/db/queries/roadmap';

let dns: DnsTestServer;
let app: TestApp;
let founder: SessionUser;
let projectId: string;

const GOOD_ZONE = {
  'example.com': { TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@example.com'] },
};

beforeAll(async () => {
  dns = await startDnsServer({ 'example.com': { TXT: ['v=spf1 +all'] } });
  app = await createTestApp({ checkDeps: () => testCheckDeps(dns) });
  founder = await app.signUp('Chen Checks');
  const workspaceId = (await app.caller(founder).workspace.create({ name: 'Chen Co' })).id;
  const project = await app.caller(founder).project.create({
    workspaceId,
    name: 'Mail app',
    productType: 'saas-dashboard',
    segment: 'coach-consultant',
    maturity: 'idea-prototype',
    primaryDomain: 'example.com',
  });
  projectId = project.id;
});
afterAll(async () => {
  await app.close();
  await dns.close();
});

async function itemsNaming(check: string) {
  return app.db.select().from(checklistItems).where(and(eq(checklistItems.projectId, projectId), eq(checklistItems.automatedCheck, check)));
}

describe('check runs', () => {
  it('runs the checks the items name, stores results, and settles those items with evidence', async () => {
    const { runId, finished } = await startCheckRun({ db: app.db, checkDeps: () => testCheckDeps(dns) }, { projectId, actorId: founder.id });
    await finished;
    const run = await app.caller(founder).checks.run({ projectId, runId });
    expect(run.status).toBe('done');
    expect(run.progress.done).toBe(run.progress.total);
    const spf = run.results.find((r) => r.checkId === 'spf');
    expect(spf?.status).toBe('fail');
    expect(spf?.findings.map((f) => f.code)).toContain('spf.pass-all');

    const spfItems = await itemsNaming('spf');
    expect(spfItems.length).toBeGreaterThan(0);
    for (const item of spfItems) {
      expect(item.status).toBe('failed');
      expect(item.statusSource).toBe('check');
      const evidence = await app.db.select().from(itemEvidence).where(eq(itemEvidence.itemId, item.id));
      expect(evidence.some((e) => e.kind === 'check' && e.body.startsWith('Automated SPF'))).toBe(true);
    }
  });

  it('keeps a person’s override, and reports what changed since the previous run', async () => {
    const [dmarcItem] = await itemsNaming('dmarc');
    const stageKey = (await listItems(app.db, { projectId })).find((i) => i.id === dmarcItem!.id)!.stageKey;
    await app.caller(founder)[stageKey].updateItem({ projectId, itemId: dmarcItem!.id, status: 'passed', overrideReason: 'DMARC is managed by the client’s IT; confirmed by email.' });
    dns.setZone(GOOD_ZONE);
    const { runId, finished } = await startCheckRun({ db: app.db, checkDeps: () => testCheckDeps(dns) }, { projectId, actorId: founder.id });
    await finished;
    const run = await app.caller(founder).checks.run({ projectId, runId });
    const spfChange = run.changes.find((c) => c.checkId === 'spf');
    expect(spfChange?.before).toBe('fail');
    expect(spfChange?.after).not.toBe('fail');
    expect(spfChange?.resolved.map((f) => f.code)).toContain('spf.pass-all');
    const [after] = await app.db.select().from(checklistItems).where(eq(checklistItems.id, dmarcItem!.id));
    expect(after?.status).toBe('passed');
    expect(after?.statusSource).toBe('person');
  });

  it('gives each run its own page: findings by severity, what changed, the run before; evidence links to it', async () => {
    const caller = app.caller(founder);
    const [latest, earlier] = await caller.checks.runs({ projectId, limit: 2 });
    const first = await caller.checks.report({ projectId, runId: earlier!.id });
    expect(first.previousRun).toBeNull();
    expect(first.compared).toBe(false);
    const spfFirst = first.bySeverity.flatMap((g) => g.findings.map((f) => ({ ...f, severity: g.severity }))).find((f) => f.code === 'spf.pass-all');
    expect(spfFirst).toMatchObject({ checkId: 'spf', checkTitle: expect.stringMatching(/^SPF/) });
    const order = first.bySeverity.map((g) => g.severity);
    expect(order).toEqual([...order].sort((a, b) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(a) - ['critical', 'high', 'medium', 'low', 'info'].indexOf(b)));

    const second = await caller.checks.report({ projectId, runId: latest!.id });
    expect(second.previousRun?.id).toBe(earlier!.id);
    expect(second.compared).toBe(true);
    expect(second.changes.find((c) => c.checkId === 'spf')).toMatchObject({ title: expect.stringMatching(/^SPF/), before: 'fail' });

    // Evidence points at the run's page inside the project, and legacy links are read the same way.
    const [spfItem] = await itemsNaming('spf');
    const evidence = await app.db.select().from(itemEvidence).where(and(eq(itemEvidence.itemId, spfItem!.id), eq(itemEvidence.kind, 'check')));
    expect(evidence.map((e) => e.url)).toContain(`/p/${projectId}/check-runs/${latest!.id}#spf`);
    await app.db.update(itemEvidence).set({ url: `/check-runs/${earlier!.id}#spf` }).where(eq(itemEvidence.id, evidence[0]!.id));
    const stageKey = (await listItems(app.db, { projectId })).find((i) => i.id === spfItem!.id)!.stageKey;
    const stage = await caller[stageKey].get({ projectId, filter: 'all' });
    const urls = stage.items.find((i) => i.id === spfItem!.id)!.evidence.map((e) => e.url);
    expect(urls).toContain(`/p/${projectId}/check-runs/${earlier!.id}#spf`);
    expect(urls.some((u) => u?.startsWith('/check-runs/'))).toBe(false);

    // A run is only found through its own project, even for someone who can read both.
    const other = await caller.project.create({ workspaceId: (await caller.workspace.list())[0]!.id, name: 'Other app', productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'idea-prototype', primaryDomain: 'example.net' });
    expect((await refusal(caller.checks.report({ projectId: other.id, runId: latest!.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(await app.signUp('Nosy')).checks.report({ projectId, runId: latest!.id }))).code).toBe('NOT_FOUND');
  });

  it('verifies domain ownership from a DNS TXT record, and forgets it when the domain changes', async () => {
    const caller = app.caller(founder);
    expect((await caller.checks.ownership({ projectId })).token).toBeNull();
    const issued = await caller.checks.issueOwnershipToken({ projectId });
    expect(issued.instructions?.dnsTxt.value).toBe(`launch-ready-verification=${issued.token}`);
    expect((await caller.checks.verifyOwnership({ projectId })).verified).toBe(false);
    dns.setZone({ ...GOOD_ZONE, 'example.com': { TXT: [...GOOD_ZONE['example.com'].TXT, issued.instructions!.dnsTxt.value] } });
    expect((await caller.checks.verifyOwnership({ projectId })).verified).toBe(true);
    expect((await caller.checks.ownership({ projectId })).method).toBe('dns-txt');
    const { runId, finished } = await startCheckRun({ db: app.db, checkDeps: () => testCheckDeps(dns) }, { projectId, actorId: founder.id, only: ['spf'] });
    await finished;
    expect((await caller.checks.run({ projectId, runId })).target).toMatchObject({ ownershipVerified: true });
  });

  it('starts through tRPC for one stage; clients who may not update and outsiders are refused', async () => {
    const { runId } = await app.caller(founder).checks.start({ projectId, stageKey: 'perimeter' });
    expect(runId).toMatch(/-/);
    // The run continues after the request returns; wait for it (bounded) before closing the database.
    for (let i = 0; i < 100; i++) {
      if ((await app.caller(founder).checks.run({ projectId, runId })).status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await app.caller(founder).checks.runs({ projectId, limit: 5 }))[0]?.id).toBe(runId);
    const outsider = await app.signUp('Oscar');
    expect((await refusal(app.caller(outsider).checks.start({ projectId }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(founder).checks.start({ projectId, stageKey: 'handover' }))).code).toBe('BAD_REQUEST');
  });
});
