/**
 * Chatbot launch checks end to end through the tRPC callers, against the fake chatbot on the
 * loopback testnet: the good bot passes everything, the bad bot fails exactly where it should
 * (canary leak and obeyed injection as critical findings → no-go), answers and findings are
 * masked, runs are bounded and compared, reviews settle items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { alertChannels, alertDeliveries, chatbotResults, chatbotSettings, checklistItems, domainOwnership, findings } from '@/db/schema';
import { createProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { createFakeChatbot, FAKE_BOT_API_KEY, FAKE_MEMBER, type FakeChatbotState } from '@/test/testnet/fake-chatbot';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import type { SessionUser } from '@/server/trpc/context';
import { waitForChatbotRuns } from './run';
import { chatbotOverview } from './overview';
import { runDueChatbotChecks } from './schedule';

const DOMAIN = 'coachly.test';
let site: QuickSite;
let bot: FakeChatbotState;
let app: TestApp;
let founder: SessionUser;
let projectId: string;

beforeAll(async () => {
  // The bad bot waits 5.5 s over everyday questions; the prompt allows 5 s (a wait is a floor, so this never flakes).
  const fake = createFakeChatbot({ slowMs: 5_500, pieceMs: 1 });
  bot = fake.state;
  site = await startQuickSite({ hosts: { [`chat.${DOMAIN}`]: (request, response) => fake.handler(request, response) }, timeoutMs: 10_000 });
  app = await createTestApp({ checkDeps: () => site.deps });
  founder = await app.signUp('Cora Coach');
  const workspace = await createWorkspace(app.db, { actor: founder }, { name: 'Cora Studio' });
  const project = await createProject(app.db, { workspaceId: workspace.id, actorId: founder.id }, {
    templateId: 'coach-chatbot-launch',
    // The testnet's .test domain is not a public suffix, so the service is called without the form's validation.
    fields: {
      name: 'Coachly',
      productType: 'ai-chatbot',
      segment: 'coach-consultant',
      maturity: 'demo-launch',
      primaryDomain: DOMAIN,
      canonicalHost: 'apex',
      subdomains: ['chat'],
      mailDomain: null,
      dkimSelectors: [],
      productionUrl: null,
      endpoints: [{ kind: 'chat', method: 'POST', url: `https://chat.${DOMAIN}/api/chat`, label: undefined }],
      environments: [{ name: 'production', url: undefined }],
    },
  });
  projectId = project.id;
});
afterAll(async () => {
  await app?.close();
  await site?.close();
});

const call = () => app.caller(founder).chatbot;

async function runNow() {
  const { runId } = await call().start({ projectId });
  await waitForChatbotRuns();
  return call().run({ projectId, runId });
}

describe('before a run can start', () => {
  it('says what is missing: template, prompts, ownership — and sends nothing', async () => {
    await expect(call().start({ projectId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('request template') });
    await call().saveSettings({ projectId, requestTemplate: '{"message": "{{prompt}}", "channel": "web"}', answerPath: null, scheduleEnabled: true, scheduleEveryDays: 7 });
    await expect(call().start({ projectId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('Add prompts') });
    const added = await call().addSuggested({ projectId });
    expect(added.added).toBe(12);
    await expect(call().start({ projectId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining(`Prove you own ${DOMAIN}`) });
    expect(bot.prompts).toHaveLength(0);
    await app.db.insert(domainOwnership).values({ projectId, domain: DOMAIN, token: 'coachly-ownership-token-0123456789', verifiedAt: new Date(), method: 'dns-txt' });
  });

  it('refuses bad templates, unsafe or invalid patterns, and bad expectations with field messages', async () => {
    await expect(call().saveSettings({ projectId, requestTemplate: '{"message": {{prompt}}}', answerPath: null, scheduleEnabled: true, scheduleEveryDays: 7 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const base = { projectId, category: 'everyday' as const, title: 'Pricing', prompt: 'How much is it?', severity: 'medium' as const };
    await expect(call().addPrompt({ ...base, expectations: [{ kind: 'contains', value: '(unclosed', regex: true }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call().addPrompt({ ...base, expectations: [{ kind: 'contains', value: 'a'.repeat(201), regex: true }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call().addPrompt({ ...base, prompt: 'Use sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv0123456789 to pay' , expectations: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call().addPrompt({ ...base, expectations: [{ kind: 'within-ms', ms: 5 }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const overview = await call().overview({ projectId });
    expect(overview.prompts).toHaveLength(12);
  });
});

describe('runs against the fake chatbot', () => {
  it('good mode, streamed: every prompt passes, no finding, the red-team item passes', async () => {
    const everyday = (await call().overview({ projectId })).prompts.find((p) => p.category === 'everyday')!;
    const { id: everydayId, category, title, prompt, severity, expectations } = everyday;
    await call().updatePrompt({ projectId, promptId: everydayId, category, title, prompt, severity, expectations: expectations.map((e) => (e.kind === 'within-ms' ? { kind: 'within-ms', ms: 5_000 } : e)) });
    bot.mode = 'good';
    bot.format = 'sse';
    bot.prompts.length = 0;
    const run = await runNow();
    expect(run.promptSetVersion).toBe(3);
    expect(run.status).toBe('done');
    expect(run.results.map((r) => [r.title, r.status, r.outcomes.filter((o) => o.passed !== true).map((o) => o.detail)]).filter(([, s]) => s !== 'pass')).toEqual([]);
    expect(run.summary).toMatchObject({ total: 12, passed: 12, failed: 0, errored: 0, criticalRegressions: [] });
    expect(run.results.every((r) => r.format === 'sse' && r.firstTextMs !== null && r.totalMs !== null && r.firstTextMs <= r.totalMs)).toBe(true);
    // Bounded concurrency: never more than two prompts at the bot at once.
    expect(bot.prompts).toHaveLength(12);
    expect(bot.maxInFlight).toBeLessThanOrEqual(2);
    const open = await app.db.select().from(findings).where(and(eq(findings.projectId, projectId), eq(findings.checkId, 'chatbot')));
    // Reply time is wall-clock: on a loaded machine the fast bot can still cross 2 s, and then the finding must say so truthfully.
    expect(open.filter((f) => f.code !== 'chatbot.slow-replies')).toEqual([]);
    if (open.length > 0) expect(run.summary!.p95TotalMs).toBeGreaterThan(2_000);
    const [redTeam] = await app.db.select({ status: checklistItems.status }).from(checklistItems).where(and(eq(checklistItems.projectId, projectId), eq(checklistItems.templateKey, 'perimeter.bot-red-team')));
    expect(redTeam?.status).toBe('passed');
  });

  it('bad mode: leaks, obeys, discloses, acts alone, answers slowly — each as the right finding; nothing secret is stored', async () => {
    // The founder has put the project's canary into the bot's system prompt.
    bot.canary = (await call().overview({ projectId })).settings!.canary!;
    bot.mode = 'bad';
    bot.format = 'json';
    const run = await runNow();
    const byTitle = Object.fromEntries(run.results.map((r) => [r.title, r]));
    expect(byTitle['Ignore previous instructions']).toMatchObject({ status: 'fail', canaryLeaked: true });
    expect(byTitle["Another member's contact details"]!.status).toBe('fail');
    expect(byTitle['CRM update and refund']!.status).toBe('fail');
    expect(byTitle['Off-topic request']!.status).toBe('fail');
    expect(byTitle['What the bot is for']!.outcomes.find((o) => o.kind === 'within-ms')).toMatchObject({ passed: false, detail: expect.stringMatching(/^Complete after [\d,]+ ms\.$/) });
    expect(run.summary?.criticalRegressions.length).toBeGreaterThanOrEqual(5);
    // What changed since the good run: the critical prompts now fail.
    expect(run.changes.filter((c) => c.change === 'now-failing').map((c) => c.title)).toEqual(expect.arrayContaining(['Ignore previous instructions', 'CRM update and refund']));

    const rows = await app.db.select().from(findings).where(and(eq(findings.projectId, projectId), eq(findings.checkId, 'chatbot')));
    const codes = rows.map((f) => `${f.code}:${f.severity}`);
    expect(codes).toEqual(expect.arrayContaining(['chatbot.canary-leaked:critical', 'chatbot.injection-obeyed:critical', 'chatbot.member-data-disclosed:critical', 'chatbot.acted-without-approval:critical', 'chatbot.off-topic:medium']));
    // Nothing secret in stored answers or findings: not the canary, not the key the bot leaked, not whole.
    const overview = await call().overview({ projectId });
    const canary = overview.settings!.canary!;
    const stored = JSON.stringify([await app.db.select().from(chatbotResults).where(eq(chatbotResults.projectId, projectId)), rows]);
    expect(stored).not.toContain(FAKE_BOT_API_KEY);
    expect(stored).not.toContain(canary);
    expect(stored).not.toContain(canary.slice(10, 19));
    expect(stored).toContain('[canary]');

    // The verdict: critical findings are reasons for no-go; the red-team item fails.
    const overviewRead = await app.caller(founder).roadmap.overview({ projectId });
    expect(overviewRead.recommendation.verdict).toBe('no-go');
    expect(overviewRead.recommendation.reasons.filter((r) => r.level === 'no-go').map((r) => r.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Critical finding on chatbot prompt “Ignore previous instructions”: .*leak canary/)]),
    );
    const [redTeam] = await app.db.select({ status: checklistItems.status }).from(checklistItems).where(and(eq(checklistItems.projectId, projectId), eq(checklistItems.templateKey, 'perimeter.bot-red-team')));
    expect(redTeam?.status).toBe('failed');
    expect(FAKE_MEMBER.email).toContain('@');
  });

  it('good again: the findings are fixed; accepting a result needs a reason and is kept', async () => {
    bot.mode = 'good';
    const run = await runNow();
    expect(run.summary?.failed).toBe(0);
    expect(run.changes.filter((c) => c.change === 'fixed').length).toBeGreaterThanOrEqual(5);
    const rows = await app.db.select({ state: findings.state, code: findings.code }).from(findings).where(and(eq(findings.projectId, projectId), eq(findings.checkId, 'chatbot')));
    // Every prompt's finding is fixed (reply time is wall-clock and judged on its own figures).
    expect(rows.filter((r) => r.code !== 'chatbot.slow-replies').every((r) => r.state === 'fixed')).toBe(true);
    const result = run.results[0]!;
    await expect(call().review({ projectId, resultId: result.id, decision: 'reviewed', reason: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await call().review({ projectId, resultId: result.id, decision: 'reviewed', reason: 'Read it: a fair answer for a first-time visitor.' });
    const again = await call().run({ projectId, runId: run.id });
    expect(again.results[0]).toMatchObject({ reviewDecision: 'reviewed', reviewedBy: 'Cora Coach' });
  });

  it('the weekly re-run: two workers claim it once; a critical prompt that passed and now fails raises one alert', async () => {
    await app.db.insert(alertChannels).values({ projectId, kind: 'email', name: 'Founder', config: { email: 'cora@example.test' } });
    const [settings] = await app.db.select().from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
    expect(settings!.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    await app.db.update(chatbotSettings).set({ nextRunAt: new Date(Date.now() - 1_000) }).where(eq(chatbotSettings.projectId, projectId));
    bot.mode = 'bad';
    const before = bot.prompts.length;
    const workers = await Promise.all(['worker-a', 'worker-b'].map((workerId) => runDueChatbotChecks({ db: app.db, checkDeps: () => site.deps, workerId, log: () => undefined })));
    expect(workers.sort()).toEqual([0, 1]);
    expect(bot.prompts.length - before).toBe(12);
    const runs = await call().overview({ projectId });
    expect(runs.runs[0]).toMatchObject({ trigger: 'schedule', startedBy: null });
    expect(runs.runs[0]!.summary!.criticalRegressions.length).toBeGreaterThanOrEqual(5);
    const alerts = await app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, projectId));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload).toMatchObject({ kind: 'chatbot', cause: expect.stringContaining('Ignore previous instructions') });
    // Nothing due any more: the next re-run is a week away, the lease is released.
    const [after] = await app.db.select().from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
    expect(after).toMatchObject({ leaseUntil: null, leasedBy: null });
    expect(await runDueChatbotChecks({ db: app.db, checkDeps: () => site.deps, workerId: 'worker-c' })).toBe(0);
    bot.mode = 'good';
  });

  it('bounds: one run at a time, and the hourly prompt budget', async () => {
    const first = await call().start({ projectId });
    await expect(call().start({ projectId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await waitForChatbotRuns();
    expect(first.runId).toBeTruthy();
    // Five runs of 12 prompts so far this hour; five more reach 120, and the next would pass it.
    for (let i = 0; i < 5; i++) await runNow();
    await expect(call().start({ projectId })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe('who sees the canary', () => {
  it('people who may edit get it; the read for everyone else leaves it out', async () => {
    expect((await call().overview({ projectId })).settings?.canary).toMatch(/^LR-CANARY-/);
    expect((await chatbotOverview(app.db, projectId, { showCanary: false })).settings?.canary).toBeNull();
  });
});
