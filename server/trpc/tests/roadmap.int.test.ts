import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { checkRuns, projectRoadmaps, projectShares } from '@/db/schema';
import { STAGE_KEYS } from '@/lib/vocabulary/projects';
import { newToken } from '@/server/services/tokens';
import { TEMPLATES } from '@/server/roadmap/templates';
import type { SessionUser } from '../context';
import { refusal } from '@/test/trpc/expect-refusal';

let app: TestApp;
let founder: SessionUser;
let workspaceId: string;

const fields = { name: 'Coach bot', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' } as const;

beforeAll(async () => {
  app = await createTestApp();
  founder = await app.signUp('Fiona Founder');
  workspaceId = (await app.caller(founder).workspace.create({ name: 'Fiona Co' })).id;
});
afterAll(() => app.close());

async function newProject(extra: Record<string, unknown> = {}) {
  return app.caller(founder).project.create({ workspaceId, ...fields, ...extra });
}

describe('roadmaps', () => {
  it('instantiates the suggested playbook into seven stages in order, or the one chosen', async () => {
    const project = await newProject();
    const overview = await app.caller(founder).roadmap.overview({ projectId: project.id });
    expect(overview.playbook.id).toBe('coach-chatbot-launch');
    expect(overview.stages.map((s) => s.key)).toEqual([...STAGE_KEYS]);
    expect(overview.stages.every((s) => s.itemCount > 0)).toBe(true);
    expect(overview.readiness.score).toBe(0);

    const chosen = await newProject({ templateId: 'membership-growth' });
    expect((await app.caller(founder).roadmap.overview({ projectId: chosen.id })).playbook.id).toBe('membership-growth');
    expect((await refusal(newProject({ templateId: 'nope' }))).code).toBe('BAD_REQUEST');
  });

  it('moves readiness, the risk list and go / no-go as items change, with reasons', async () => {
    const project = await newProject();
    const caller = app.caller(founder);
    const stage = await caller.perimeter.get({ projectId: project.id, filter: 'critical' });
    const critical = stage.items[0]!;
    expect(critical.severity).toBe('critical');

    await caller.perimeter.updateItem({ projectId: project.id, itemId: critical.id, status: 'failed' });
    let overview = await caller.roadmap.overview({ projectId: project.id });
    expect(overview.recommendation.verdict).toBe('no-go');
    expect(overview.recommendation.reasons.map((r) => r.text)).toContain(`Critical item failing: ${critical.title}`);
    const risks = await caller.roadmap.risks({ projectId: project.id });
    expect(risks.ranked.find((r) => r.id === critical.id)?.state).toBe('failing');

    const before = overview.readiness.score!;
    await caller.perimeter.updateItem({ projectId: project.id, itemId: critical.id, status: 'passed', evidence: { body: 'Rotated and re-scanned the bundle.' } });
    overview = await caller.roadmap.overview({ projectId: project.id });
    expect(overview.readiness.score!).toBeGreaterThan(before);
    expect(overview.recommendation.verdict).toBe('not-yet');
    expect((await caller.roadmap.risks({ projectId: project.id })).ranked.find((r) => r.id === critical.id)).toBeUndefined();

    // Every critical item passed → go.
    for (const key of STAGE_KEYS) {
      const view = await app.caller(founder)[key].get({ projectId: project.id, filter: 'critical' });
      for (const item of view.items) await app.caller(founder)[key].updateItem({ projectId: project.id, itemId: item.id, status: 'passed', evidence: { body: 'Checked by hand.' } });
    }
    // …but go needs measured evidence too: until the automated checks have run on the whole project, not yet.
    const unmeasured = (await caller.roadmap.overview({ projectId: project.id })).recommendation;
    expect(unmeasured.verdict).toBe('not-yet');
    expect(unmeasured.reasons.map((r) => r.kind)).toEqual(['stale']);
    await app.db.insert(checkRuns).values({ projectId: project.id, checkIds: ['spf'], target: {}, status: 'done', progress: { total: 1, done: 1, current: [] }, finishedAt: new Date() });
    expect((await caller.roadmap.overview({ projectId: project.id })).recommendation.verdict).toBe('go');
    const decision = await caller.roadmap.decide({ projectId: project.id, decision: 'go', reason: 'All critical checks pass; launch Monday.' });
    expect(decision.recommendation.verdict).toBe('go');
    expect((await caller.roadmap.decisions({ projectId: project.id }))[0]?.decidedBy).toBe('Fiona Founder');
    const activity = await caller.roadmap.activity({ projectId: project.id, limit: 5 });
    expect(activity[0]?.summary).toMatch(/recorded a go decision/);
  });

  it('needs a reason for "not applicable", an owner from the workspace, and the item in the right stage', async () => {
    const project = await newProject();
    const caller = app.caller(founder);
    const item = (await caller.audit.get({ projectId: project.id, filter: 'all' })).items[0]!;
    const noReason = await refusal(caller.audit.updateItem({ projectId: project.id, itemId: item.id, status: 'not_applicable' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    await caller.audit.updateItem({ projectId: project.id, itemId: item.id, status: 'not_applicable', notApplicableReason: 'No marketing subdomains yet.' });

    const stranger = await app.signUp('Stranger');
    expect((await refusal(caller.audit.updateItem({ projectId: project.id, itemId: item.id, ownerUserId: stranger.id }))).code).toBe('BAD_REQUEST');
    await caller.audit.updateItem({ projectId: project.id, itemId: item.id, ownerUserId: founder.id, dueDate: '2020-01-01' });
    const mine = await caller.audit.get({ projectId: project.id, filter: 'mine' });
    expect(mine.items.map((i) => i.id)).toEqual([item.id]);
    // Through another stage's router the item does not exist.
    expect((await refusal(caller.routing.updateItem({ projectId: project.id, itemId: item.id, status: 'passed' }))).code).toBe('NOT_FOUND');
    expect((await refusal(caller.audit.updateItem({ projectId: project.id, itemId: item.id, dueDate: '31/12/2026' }))).code).toBe('BAD_REQUEST');
  });

  it('lets a collaborating client tick items and a commenting client only comment', async () => {
    const project = await newProject();
    const item = (await app.caller(founder).audit.get({ projectId: project.id, filter: 'all' })).items[0]!;
    const collaborator = await app.signUp('Colin');
    const commenter = await app.signUp('Cora');
    for (const [person, role] of [[collaborator, 'collaborator'], [commenter, 'commenter']] as const) {
      await app.db.insert(projectShares).values({ projectId: project.id, email: person.email, role, userId: person.id, tokenHash: newToken().hash, expiresAt: new Date(Date.now() + 1e7), acceptedAt: new Date() });
    }
    await app.caller(collaborator).audit.addEvidence({ projectId: project.id, itemId: item.id, body: 'Screenshot of the DNS panel', url: 'https://example.com/dns.png' });
    await app.caller(collaborator).audit.updateItem({ projectId: project.id, itemId: item.id, status: 'passed' });
    await app.caller(commenter).audit.comment({ projectId: project.id, itemId: item.id, body: 'Thanks, confirmed.' });
    expect((await refusal(app.caller(commenter).audit.updateItem({ projectId: project.id, itemId: item.id, status: 'failed' }))).code).toBe('FORBIDDEN');
    expect((await refusal(app.caller(collaborator).roadmap.decide({ projectId: project.id, decision: 'go', reason: 'Looks good to me now' }))).code).toBe('FORBIDDEN');
    const view = await app.caller(commenter).audit.get({ projectId: project.id, filter: 'all' });
    const seen = view.items.find((i) => i.id === item.id)!;
    expect(seen.status).toBe('passed');
    expect(seen.evidence.map((e) => e.body)).toEqual(['Screenshot of the DNS panel']);
    expect(seen.comments.map((c) => c.author)).toEqual(['Cora']);
    expect(view.members).toEqual([]);
  });

  it('switches playbook only before work starts, and applies a playbook update keeping progress', async () => {
    const project = await newProject();
    const caller = app.caller(founder);
    await caller.roadmap.changeTemplate({ projectId: project.id, templateId: 'coach-dashboard-prototype' });
    expect((await caller.roadmap.overview({ projectId: project.id })).playbook.id).toBe('coach-dashboard-prototype');
    const item = (await caller.audit.get({ projectId: project.id, filter: 'all' })).items[0]!;
    await caller.audit.updateItem({ projectId: project.id, itemId: item.id, status: 'passed', evidence: { body: 'Confirmed with the client.' } });
    expect((await refusal(caller.roadmap.changeTemplate({ projectId: project.id, templateId: 'membership-growth' }))).code).toBe('CONFLICT');

    expect((await refusal(caller.roadmap.applyTemplateUpdate({ projectId: project.id }))).code).toBe('CONFLICT');
    await app.db.update(projectRoadmaps).set({ templateVersion: 0 }).where(eq(projectRoadmaps.projectId, project.id));
    expect((await caller.roadmap.overview({ projectId: project.id })).updateAvailable).toBe(TEMPLATES.find((t) => t.id === 'coach-dashboard-prototype')!.version);
    const summary = await caller.roadmap.applyTemplateUpdate({ projectId: project.id });
    expect(summary.added).toBe(0);
    expect(summary.updated).toBeGreaterThan(0);
    expect((await caller.audit.get({ projectId: project.id, filter: 'all' })).items.find((i) => i.id === item.id)?.status).toBe('passed');
  });

  it('scores the founder decision checklist: two or more "no" answers mean audit first', async () => {
    const project = await newProject();
    const caller = app.caller(founder);
    const checklist = await caller.roadmap.founderChecklist({ projectId: project.id });
    expect(checklist.questions.length).toBeGreaterThanOrEqual(5);
    await caller.roadmap.answerFounder({ projectId: project.id, questionKey: checklist.questions[0]!.key, answer: false });
    expect((await caller.roadmap.founderChecklist({ projectId: project.id })).result.auditFirst).toBe(false);
    await caller.roadmap.answerFounder({ projectId: project.id, questionKey: checklist.questions[1]!.key, answer: false });
    expect((await caller.roadmap.founderChecklist({ projectId: project.id })).result.auditFirst).toBe(true);
    expect((await refusal(caller.roadmap.answerFounder({ projectId: project.id, questionKey: 'made-up', answer: true }))).code).toBe('BAD_REQUEST');
  });
});
