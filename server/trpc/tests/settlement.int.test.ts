/**
 * Honest settlement (docs/decisions/0010): no item of any kind becomes Passed on a bare click —
 * check or deliverable, verified or supported by its check or with no check, from a template or
 * added by a person, through every stage router, by the founder or a collaborating client.
 * A check that only supports an item passes it to "check passed — a person confirms".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { activityLog, checklistItems, itemEvidence, projectShares } from '@/db/schema';
import { listItems, type ItemRow } from '@/db/queries/roadmap';
import { STAGE_KEYS, type StageKey } from '@/lib/vocabulary/projects';
import { newToken } from '@/server/services/tokens';
import { PASS_NEEDS_EVIDENCE } from '@/server/services/checklist';
import { settleItems } from '@/server/check-runs/settle';
import type { ResultSummary } from '@/server/check-runs/diff';
import type { SessionUser } from '../context';
import { refusal } from '@/test/trpc/expect-refusal';
import { fieldErrorsOf } from '@/test/trpc/records-fixtures';

let app: TestApp;
let founder: SessionUser;
let collaborator: SessionUser;
let workspaceId: string;

beforeAll(async () => {
  app = await createTestApp();
  founder = await app.signUp('Sol Settle');
  collaborator = await app.signUp('Cleo Client');
  workspaceId = (await app.caller(founder).workspace.create({ name: 'Sol Co' })).id;
});
afterAll(() => app.close());

/** A membership-growth project shared with a collaborating client, plus the items a person added. */
async function world() {
  const caller = app.caller(founder);
  const project = await caller.project.create({ workspaceId, name: 'Honest', productType: 'membership-community', segment: 'membership-community', maturity: 'customers-growth', primaryDomain: 'example.com', templateId: 'membership-growth' });
  await app.db.insert(projectShares).values({ projectId: project.id, email: collaborator.email, role: 'collaborator', userId: collaborator.id, tokenHash: newToken().hash, expiresAt: new Date(Date.now() + 1e7), acceptedAt: new Date() });
  const personCheck = await caller.deployment.addItem({ projectId: project.id, title: 'Smoke test the release', kind: 'check', severity: 'high', impact: 'operations' });
  const personDeliverable = await caller.handover.addItem({ projectId: project.id, title: 'Write the on-call page', kind: 'deliverable', severity: 'medium', impact: 'operations' });
  // An item a person added that names a check (older projects have them): it has no declaration.
  const personWithCheck = await caller.perimeter.addItem({ projectId: project.id, title: 'CORS on the admin API', kind: 'check', severity: 'high', impact: 'security' });
  await app.db.update(checklistItems).set({ automatedCheck: 'cors' }).where(eq(checklistItems.id, personWithCheck.id));
  const items = await listItems(app.db, { projectId: project.id });
  const byKey = (key: string) => items.find((i) => i.templateKey === key)!;
  const byId = (id: string) => items.find((i) => i.id === id)!;
  const kinds = {
    'template check, verified by its check': byKey('perimeter.cors'),
    'template check, supported by its check': byKey('perimeter.rate-limits'),
    'template deliverable, verified by its check': byKey('perimeter.spf'),
    'template deliverable, supported by its check': byKey('routing.apex-dns'),
    'template check, no check': byKey('audit.core-endpoints'),
    'template deliverable, no check': items.find((i) => i.templateKey && i.kind === 'deliverable' && i.automatedCheck === null)!,
    'person-added check': byId(personCheck.id),
    'person-added deliverable': byId(personDeliverable.id),
    'person-added item naming a check': byId(personWithCheck.id),
  } satisfies Record<string, ItemRow>;
  return { projectId: project.id, kinds };
}

async function row(itemId: string) {
  const [item] = await app.db.select().from(checklistItems).where(eq(checklistItems.id, itemId));
  const evidence = await app.db.select().from(itemEvidence).where(eq(itemEvidence.itemId, itemId));
  return { item: item!, evidence };
}

const setStatus = (user: SessionUser, stage: StageKey, input: Parameters<ReturnType<TestApp['caller']>['audit']['updateItem']>[0]) => app.caller(user)[stage].updateItem(input);

function settle(projectId: string, results: ResultSummary[]) {
  return app.db.transaction((tx) => settleItems(tx, { projectId, runId: crypto.randomUUID(), actorId: founder.id, results, titles: {} }));
}

describe('honest settlement', () => {
  it('items get their template declaration; items a person added get none', async () => {
    const { kinds } = await world();
    expect(kinds['template check, verified by its check'].checkRole).toBe('verifies');
    expect(kinds['template check, supported by its check'].checkRole).toBe('supports');
    expect(kinds['template deliverable, verified by its check'].checkRole).toBe('verifies');
    expect(kinds['template deliverable, supported by its check'].checkRole).toBe('supports');
    expect(kinds['template check, no check'].checkRole).toBeNull();
    expect(kinds['person-added check'].checkRole).toBeNull();
    expect(kinds['person-added item naming a check'].checkRole).toBeNull();
  });

  it('refuses a bare Passed for every kind of item, through its stage router, for the founder and a collaborating client, and changes nothing', async () => {
    const { projectId, kinds } = await world();
    for (const [kind, item] of Object.entries(kinds)) {
      for (const user of [founder, collaborator]) {
        const before = await row(item.id);
        const activityBefore = await app.db.select().from(activityLog).where(eq(activityLog.projectId, projectId));
        const bare = await refusal(setStatus(user, item.stageKey, { projectId, itemId: item.id, status: 'passed', notes: 'looks fine', ownerName: 'Someone' }));
        expect(bare.code, kind).toBe('BAD_REQUEST');
        expect(fieldErrorsOf(bare).evidence, kind).toBe(PASS_NEEDS_EVIDENCE);
        // Blank text is no evidence either.
        const blank = await refusal(setStatus(user, item.stageKey, { projectId, itemId: item.id, status: 'passed', overrideReason: '   ' }));
        expect(fieldErrorsOf(blank).evidence, kind).toBe(PASS_NEEDS_EVIDENCE);
        const emptyNote = await refusal(setStatus(user, item.stageKey, { projectId, itemId: item.id, status: 'passed', evidence: { body: '  ' } }));
        expect(fieldErrorsOf(emptyNote)['evidence.body'], kind).toBe('Describe the evidence.');
        const after = await row(item.id);
        expect(after, kind).toEqual(before);
        expect(await app.db.select().from(activityLog).where(eq(activityLog.projectId, projectId))).toHaveLength(activityBefore.length);
      }
    }
  });

  it('refuses a bare Passed on the items of every stage', async () => {
    const { projectId } = await world();
    const items = await listItems(app.db, { projectId });
    for (const stage of STAGE_KEYS) {
      for (const item of items.filter((i) => i.stageKey === stage)) {
        const error = await refusal(setStatus(founder, stage, { projectId, itemId: item.id, status: 'passed' }));
        expect(fieldErrorsOf(error).evidence, `${stage} ${item.title}`).toBe(PASS_NEEDS_EVIDENCE);
      }
    }
    expect((await listItems(app.db, { projectId })).some((i) => i.status === 'passed')).toBe(false);
  });

  it('passes any kind of item on a note or link given with the change, on one already there, or on an override reason', async () => {
    const { projectId, kinds } = await world();
    const entries = Object.entries(kinds);
    for (const [index, [kind, item]] of entries.entries()) {
      const user = index % 2 === 0 ? founder : collaborator;
      const way = index % 3;
      if (way === 0) {
        await setStatus(user, item.stageKey, { projectId, itemId: item.id, status: 'passed', evidence: { body: 'Checked by hand in the admin panel.', url: 'https://example.com/ticket/1' } });
        const { evidence } = await row(item.id);
        expect(evidence.map((e) => [e.kind, e.url]), kind).toEqual([['link', 'https://example.com/ticket/1']]);
      } else if (way === 1) {
        await app.caller(user)[item.stageKey].addEvidence({ projectId, itemId: item.id, body: 'Screenshot in the shared drive.' });
        await setStatus(user, item.stageKey, { projectId, itemId: item.id, status: 'passed' });
      } else {
        await setStatus(user, item.stageKey, { projectId, itemId: item.id, status: 'passed', overrideReason: 'Handled by the client’s IT team; confirmed on a call.' });
      }
      const { item: after } = await row(item.id);
      expect(after.status, kind).toBe('passed');
      expect(after.statusSource, kind).toBe('person');
    }
  });

  it('a check that verifies an item passes it; one that only supports it waits for a person, whose click then confirms it', async () => {
    const { projectId, kinds } = await world();
    const verified = kinds['template check, verified by its check'];
    const supported = kinds['template check, supported by its check'];
    const undeclared = kinds['person-added item naming a check'];
    await settle(projectId, [
      { checkId: 'cors', status: 'pass', findings: [] },
      { checkId: 'rate-limit', status: 'pass', findings: [] },
    ]);
    expect((await row(verified.id)).item.status).toBe('passed');
    expect((await row(supported.id)).item.status).toBe('in_progress');
    // A check on an item without a declaration only supports it.
    expect((await row(undeclared.id)).item.status).toBe('in_progress');
    expect((await row(supported.id)).evidence.map((e) => e.checkStatus)).toEqual(['pass']);

    const view = await app.caller(collaborator).perimeter.get({ projectId, filter: 'all' });
    const shown = view.items.find((i) => i.id === supported.id)!;
    expect(shown.awaitingConfirmation).toBe(true);
    expect(shown.passBasis).toBe('check');
    expect(shown.checkGap).toMatch(/sign-in only/);
    expect(view.items.find((i) => i.id === verified.id)!.awaitingConfirmation).toBe(false);

    // The person's Passed confirms the passing result; no further evidence is needed.
    await setStatus(collaborator, 'perimeter', { projectId, itemId: supported.id, status: 'passed' });
    expect((await row(supported.id)).item).toMatchObject({ status: 'passed', statusSource: 'person' });
    // A later pass keeps the confirmation; a fail still fails it.
    await settle(projectId, [{ checkId: 'rate-limit', status: 'pass', findings: [] }]);
    expect((await row(supported.id)).item.status).toBe('passed');
    await settle(projectId, [{ checkId: 'rate-limit', status: 'fail', findings: [{ code: 'rate-limit.missing', message: 'No limit.', severity: 'high' }] }]);
    expect((await row(supported.id)).item.status).toBe('failed');
    // Once its latest result failed, a bare Passed is refused again.
    const error = await refusal(setStatus(founder, 'perimeter', { projectId, itemId: supported.id, status: 'passed' }));
    expect(fieldErrorsOf(error).evidence).toBe(PASS_NEEDS_EVIDENCE);
  });

  it('a check that warned or could not run is no evidence for Passed', async () => {
    const { projectId, kinds } = await world();
    const item = kinds['template deliverable, verified by its check'];
    await settle(projectId, [{ checkId: 'spf', status: 'warn', findings: [{ code: 'spf.soft-all', message: 'Soft fail.', severity: 'low' }] }]);
    expect((await refusal(setStatus(founder, 'perimeter', { projectId, itemId: item.id, status: 'passed' }))).code).toBe('BAD_REQUEST');
    await settle(projectId, [{ checkId: 'spf', status: 'error', findings: [] }]);
    expect((await refusal(setStatus(founder, 'perimeter', { projectId, itemId: item.id, status: 'passed' }))).code).toBe('BAD_REQUEST');
    const evidence = await app.db.select({ checkStatus: itemEvidence.checkStatus }).from(itemEvidence).where(and(eq(itemEvidence.itemId, item.id), eq(itemEvidence.kind, 'check')));
    expect(evidence.map((e) => e.checkStatus).sort()).toEqual(['error', 'warn']);
  });

  it('monitoring passes the items it verifies and leaves the ones it supports for a person to confirm', async () => {
    const { projectId } = await world();
    const caller = app.caller(founder);
    await caller.monitoring.addChannel({ projectId, channel: { kind: 'email', name: 'Me', email: 'me@example.test' } });
    await caller.monitoring.setFallback({ projectId, email: 'backup@example.test' });
    await caller.monitoring.quickSetup({ projectId });
    const items = await listItems(app.db, { projectId });
    const alerts = items.find((i) => i.templateKey === 'observability.alert-channel')!;
    const uptime = items.find((i) => i.templateKey === 'observability.uptime')!;
    expect([alerts.checkRole, alerts.status]).toEqual(['verifies', 'passed']);
    expect([uptime.checkRole, uptime.status]).toEqual(['supports', 'in_progress']);
    const view = await caller.observability.get({ projectId, filter: 'all' });
    expect(view.items.find((i) => i.id === uptime.id)!.awaitingConfirmation).toBe(true);
    await caller.observability.updateItem({ projectId, itemId: uptime.id, status: 'passed' });
    expect((await row(uptime.id)).item.status).toBe('passed');
  });
});
