/**
 * The founder's top everyday questions pasted one a line: each becomes an everyday prompt that
 * must stay on topic and be complete in time, duplicates are skipped, bad input is refused with
 * a field message and changes nothing, and a run judges the questions like any other prompt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { createTestApp, type TestApp } from '@/test/harness';
import { activityLog, chatbotPrompts, domainOwnership } from '@/db/schema';
import { createProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { createFakeChatbot } from '@/test/testnet/fake-chatbot';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import type { SessionUser } from '@/server/trpc/context';
import { refusal } from '@/test/trpc/expect-refusal';
import { waitForChatbotRuns } from './run';

const DOMAIN = 'askly.test';
let site: QuickSite;
let app: TestApp;
let founder: SessionUser;
let projectId: string;

beforeAll(async () => {
  const fake = createFakeChatbot({ mode: 'good', pieceMs: 1 });
  site = await startQuickSite({ hosts: { [`chat.${DOMAIN}`]: (request, response) => fake.handler(request, response) }, timeoutMs: 10_000 });
  app = await createTestApp({ checkDeps: () => site.deps });
  founder = await app.signUp('Ada Askly');
  const workspace = await createWorkspace(app.db, { actor: founder }, { name: 'Askly Studio' });
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
const prompts = () => app.db.select().from(chatbotPrompts).where(eq(chatbotPrompts.projectId, projectId)).orderBy(chatbotPrompts.position);

/** The field a refused input names, with its message (what the form shows beside the field). */
async function fieldRefusal(call: Promise<unknown>) {
  const error = await refusal(call);
  expect(error.code).toBe('BAD_REQUEST');
  const cause = error.cause;
  if (!(cause instanceof ZodError)) return { field: null, message: error.message };
  return { field: cause.issues[0]!.path.join('.'), message: cause.issues[0]!.message };
}

describe('adding everyday questions one a line', () => {
  it('offers the product name and the chat target as defaults', async () => {
    const overview = await call().overview({ projectId });
    expect(overview.everydayDefaults).toEqual({ keywords: ['Coachly'], withinMs: 2_000 });
  });

  it('makes one everyday prompt per distinct line, on topic and in time, in one new version of the set', async () => {
    const text = '  How do I book a session?  \n\nCan I change my plan later?\r\nhow do I   book a session?\nWhat does it cost?\n';
    expect(await call().addEverydayQuestions({ projectId, questions: text, keywords: ['Coachly', 'session'], withinMs: 10_000 })).toEqual({ added: 3, skipped: 0 });
    const rows = await prompts();
    expect(rows.map((r) => [r.category, r.title, r.prompt, r.severity, r.position])).toEqual([
      ['everyday', 'How do I book a session?', 'How do I book a session?', 'medium', 0],
      ['everyday', 'Can I change my plan later?', 'Can I change my plan later?', 'medium', 1],
      ['everyday', 'What does it cost?', 'What does it cost?', 'medium', 2],
    ]);
    for (const row of rows) expect(row.expectations).toEqual([{ kind: 'on-topic', keywords: ['Coachly', 'session'] }, { kind: 'within-ms', ms: 10_000 }]);
    expect((await call().overview({ projectId })).settings?.promptSetVersion).toBe(2);
    const log = await app.db.select({ summary: activityLog.summary }).from(activityLog).where(and(eq(activityLog.projectId, projectId), eq(activityLog.action, 'chatbot.prompt.everyday')));
    expect(log.map((l) => l.summary)).toEqual(['added 3 everyday questions to the chatbot prompts']);
  });

  it('skips questions already in the set and names a long question by its first words', async () => {
    const long = `Could you walk me through ${'every single step of '.repeat(12)}booking?`;
    const result = await call().addEverydayQuestions({ projectId, questions: `WHAT DOES IT COST?\n${long}`, keywords: ['zebra'], withinMs: 10_000 });
    expect(result).toEqual({ added: 1, skipped: 1 });
    const added = (await prompts()).at(-1)!;
    expect(added.prompt).toBe(long);
    expect(added.title).toHaveLength(120);
    expect(added.title.endsWith('…')).toBe(true);
    // Everything already there: nothing added, the version stays.
    const version = (await call().overview({ projectId })).settings?.promptSetVersion;
    expect(await call().addEverydayQuestions({ projectId, questions: 'What does it cost?', keywords: ['Coachly'], withinMs: 2_000 })).toEqual({ added: 0, skipped: 1 });
    expect((await call().overview({ projectId })).settings?.promptSetVersion).toBe(version);
  });

  it('refuses bad input with the field and a plain message, and changes nothing', async () => {
    const before = await prompts();
    const base = { projectId, questions: 'How do I book?', keywords: ['Coachly'], withinMs: 2_000 };
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, questions: ' \n \n' }))).toEqual({ field: 'questions', message: 'Write your top everyday questions, one a line.' });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, questions: Array.from({ length: 21 }, (_, i) => `Question number ${i + 1}?`).join('\n') }))).toEqual({ field: 'questions', message: 'Paste at most 20 questions at a time (there are 21).' });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, questions: `Short one?\n${'x'.repeat(501)}` }))).toMatchObject({ field: 'questions', message: expect.stringContaining('Question 2 is over 500 characters') });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, questions: 'Is it\u0000 open?' }))).toMatchObject({ field: 'questions', message: expect.stringContaining('control characters') });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, questions: 'Why does sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv0123456789 fail?' }))).toMatchObject({ field: 'questions', message: expect.stringContaining('Never paste secret values') });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, keywords: [] }))).toMatchObject({ field: 'keywords', message: 'List at least one word an on-topic answer mentions.' });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, keywords: [' '] }))).toMatchObject({ field: 'keywords.0' });
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, withinMs: 5 }))).toEqual({ field: 'withinMs', message: 'At least 100 ms.' });
    // The set holds at most 40 prompts: a paste that would pass it is refused whole.
    const room = 40 - before.length;
    const many = (n: number, from: number) => Array.from({ length: n }, (_, i) => `Filler question ${from + i}?`).join('\n');
    for (let from = 0; from < room - 2; from += 20) {
      const n = Math.min(20, room - 2 - from);
      expect(await call().addEverydayQuestions({ ...base, questions: many(n, from) })).toEqual({ added: n, skipped: 0 });
    }
    const full = await prompts();
    expect(await fieldRefusal(call().addEverydayQuestions({ ...base, questions: many(3, 100) }))).toMatchObject({ field: null, message: expect.stringContaining('at most 40 prompts') });
    expect(await prompts()).toEqual(full);
    for (const row of full.slice(before.length)) await call().removePrompt({ projectId, promptId: row.id });
    expect((await prompts()).map((r) => r.id)).toEqual(before.map((r) => r.id));
  });

  it('a run judges each question on its topic words and time', async () => {
    await call().saveSettings({ projectId, requestTemplate: '{"message": "{{prompt}}"}', answerPath: null, scheduleEnabled: false, scheduleEveryDays: 7 });
    await app.db.insert(domainOwnership).values({ projectId, domain: DOMAIN, token: 'askly-ownership-token-0123456789', verifiedAt: new Date(), method: 'dns-txt' });
    const { runId } = await call().start({ projectId });
    await waitForChatbotRuns();
    const run = await call().run({ projectId, runId });
    const outcome = (title: string, kind: string) => run.results.find((r) => r.title === title)!.outcomes.find((o) => o.kind === kind);
    // The good bot's product answer names Coachly and comes at once (the 10 s allowance is a ceiling no loaded machine reaches).
    expect(outcome('How do I book a session?', 'on-topic')).toMatchObject({ passed: true, detail: 'Mentions “Coachly”.' });
    expect(outcome('How do I book a session?', 'within-ms')).toMatchObject({ passed: true });
    expect(run.results.find((r) => r.title === 'How do I book a session?')!.status).toBe('pass');
    // The question pasted with the topic word "zebra" fails on topic, as an everyday finding.
    const zebra = run.results.find((r) => r.prompt.startsWith('Could you walk me through'))!;
    expect(zebra.status).toBe('fail');
    expect(zebra.outcomes.find((o) => o.kind === 'on-topic')).toMatchObject({ passed: false, detail: 'Mentions none of the topic words.' });
  });
});
