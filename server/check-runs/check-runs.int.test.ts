/**
 * Check runs end to end against the loopback DNS server: results stored, items settled with
 * evidence, a person's override kept, the diff against the previous run, and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { startDnsServer, type DnsTestServer } from '@/server/testnet/dns-server';
import { testCheckDeps } from '@/server/testnet/check-deps';
import { checklistItems, itemEvidence } from '@/db/schema';
import { refusal } from '@/server/trpc/tests/expect-refusal';
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
