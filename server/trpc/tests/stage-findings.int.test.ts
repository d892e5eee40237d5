/**
 * The stage view carries the open findings of the checks its items name, so an item shows what
 * keeps it from passing: open, regressed and expired acceptances — not fixed ones, not accepted
 * ones still within their date, never another project's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { findings } from '@/db/schema';
import type { SessionUser } from '../context';

let app: TestApp;
let founder: SessionUser;
let workspaceId: string;

const fields = { name: 'Shop', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'shop-example.com' } as const;

beforeAll(async () => {
  app = await createTestApp();
  founder = await app.signUp('Stella Stage');
  workspaceId = (await app.caller(founder).workspace.create({ name: 'Stella Co' })).id;
});
afterAll(() => app.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function finding(projectId: string, checkId: string, code: string, extra: Partial<typeof findings.$inferInsert> = {}): typeof findings.$inferInsert {
  const now = new Date();
  return {
    projectId,
    fingerprint: `${checkId}:${code}`,
    checkId,
    code,
    subject: 'shop-example.com',
    severity: 'high',
    impact: 'security',
    message: `Problem ${code}`,
    fix: `Fix ${code}`,
    firstSeenAt: now,
    lastSeenAt: now,
    ...extra,
  };
}

describe('stage view findings', () => {
  it('lists the open findings of the checks its items name, in this project only', async () => {
    const caller = app.caller(founder);
    const project = await caller.project.create({ workspaceId, ...fields });
    const other = await caller.project.create({ workspaceId, ...fields, name: 'Other shop' });
    // Read the stage once on the other project only: the project under test is read after the inserts.
    const named = (await caller.perimeter.get({ projectId: other.id, filter: 'all' })).items.map((i) => i.automatedCheck).filter((c): c is string => c !== null);
    const checkId = named[0]!;
    expect(checkId).toBeTruthy();

    await app.db.insert(findings).values([
      finding(project.id, checkId, 'open'),
      finding(project.id, checkId, 'regressed', { state: 'regressed' }),
      finding(project.id, checkId, 'fixed', { state: 'fixed', fixedAt: new Date() }),
      finding(project.id, checkId, 'accepted', { state: 'accepted', acceptedReason: 'Known and fine for now', acceptedUntil: day(30) }),
      finding(project.id, checkId, 'expired', { state: 'accepted', acceptedReason: 'Was fine last month', acceptedUntil: day(-1) }),
      finding(project.id, 'no-such-check', 'unnamed'),
      finding(other.id, checkId, 'elsewhere'),
    ]);

    const view = await caller.perimeter.get({ projectId: project.id, filter: 'all' });
    const shown = view.findings.map((f) => [f.message, f.state]).sort();
    expect(shown).toEqual([
      ['Problem expired', 'acceptance-expired'],
      ['Problem open', 'open'],
      ['Problem regressed', 'regressed'],
    ]);
    expect(view.findings.every((f) => f.checkId === checkId)).toBe(true);
  });

  it('skips the query and lists none when no shown item names a check', async () => {
    const caller = app.caller(founder);
    const project = await caller.project.create({ workspaceId, ...fields, name: 'Quiet shop' });
    await app.db.insert(findings).values(finding(project.id, 'dns', 'open'));
    // "mine" shows no items (nothing is assigned), so no check is named.
    const view = await caller.perimeter.get({ projectId: project.id, filter: 'mine' });
    expect(view.items).toHaveLength(0);
    expect(view.findings).toEqual([]);
  });
});
