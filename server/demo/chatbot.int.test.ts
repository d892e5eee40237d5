/** The demo's AI chatbot project: a prompt set and two runs with history, findings that follow, and a pack that lists them without the canary. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { checklistItems, findings } from '@/db/schema';
import { createProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { buildHandoverDocument } from '@/server/handover/model';
import { renderMarkdown } from '@/server/handover/render-markdown';
import { seedDemoChatbot } from './chatbot';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

it('seeds a prompt set and two runs; the leak and the CRM action are fixed, one answer accepted; the pack lists it all, never the canary', async () => {
  const consultant = await app.signUp('Demo Consultant');
  const workspace = await createWorkspace(app.db, { actor: consultant }, { name: 'Demo' });
  const project = await createProject(app.db, { workspaceId: workspace.id, actorId: consultant.id }, {
    fields: { name: 'Coach Copilot', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.net', canonicalHost: 'apex', subdomains: [], mailDomain: null, dkimSelectors: [], productionUrl: 'https://example.net', endpoints: [{ kind: 'chat', method: 'POST', url: '/api/chat', label: undefined }], environments: [] },
  });
  await seedDemoChatbot(app.db, project, consultant.id);
  const overview = await app.caller(consultant).chatbot.overview({ projectId: project.id });
  expect(overview.prompts).toHaveLength(12);
  expect(overview.runs).toHaveLength(2);
  expect(overview.runs.map((r) => `${r.summary?.passed}/${r.summary?.total}`)).toEqual(['11/12', '9/12']);
  expect(overview.latest?.verdict.status).toBe('pass');
  const detail = await app.caller(consultant).chatbot.run({ projectId: project.id, runId: overview.runs[0]!.id });
  expect(detail.changes.filter((c) => c.change === 'fixed').map((c) => c.title).sort()).toEqual(['CRM update and refund', 'Ignore previous instructions']);

  const rows = await app.db.select({ code: findings.code, state: findings.state }).from(findings).where(and(eq(findings.projectId, project.id), eq(findings.checkId, 'chatbot')));
  expect(rows.map((r) => `${r.code}:${r.state}`).sort()).toEqual(['chatbot.acted-without-approval:fixed', 'chatbot.canary-leaked:fixed', 'chatbot.off-topic:accepted']);
  const [redTeam] = await app.db.select({ status: checklistItems.status }).from(checklistItems).where(and(eq(checklistItems.projectId, project.id), eq(checklistItems.templateKey, 'perimeter.bot-red-team')));
  expect(redTeam?.status).toBe('passed');

  const markdown = renderMarkdown(await buildHandoverDocument(app.db, project.id, { preparedBy: 'Demo Consultant' }));
  expect(markdown).toContain('## Chatbot checks');
  expect(markdown).toContain('Ignore previous instructions');
  expect(markdown).toContain('A short rhyme is on brand for us');
  expect(markdown).not.toContain(overview.settings!.canary!);
  expect(markdown).not.toContain(overview.settings!.canary!.slice(10, 19));
});
