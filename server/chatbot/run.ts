/**
 * A chatbot run: every prompt of the set is sent to the project's chat endpoint through its
 * request template (server/chat), at most two at a time, each with its own time limit; each
 * answer is judged against the prompt's expectations and stored masked and shortened. Then, in
 * one transaction: the run's summary, findings (server/findings), the checklist items that name
 * the "chatbot" check, and the next scheduled re-run.
 *
 * Bounds, because every prompt costs the founder a model call and hits their live bot: one run
 * at a time per project, at most MAX_PROMPTS per run, at most REQUESTS_PER_HOUR prompts an hour
 * per project; only to an address under the project's domain, once its ownership is proved.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { chatbotResults, chatbotRuns, chatbotSettings, domainOwnership, projects, type ChatbotRunSummary } from '@/db/schema';
import { getRoadmapRow } from '@/db/queries/roadmap';
import { getProject } from '@/db/queries/projects';
import { getChatbotSettings, listPrompts, listRunResults, previousFinishedRun } from '@/db/queries/chatbot';
import { maskChatText } from '@/server/chat/mask';
import { judgeReplyTime, type ReplyTimeVerdict } from '@/server/chat/reply-time';
import { CHAT_TIMEOUT_MS, sendPrompt } from '@/server/chat/send';
import { mapBounded } from '@/server/checks/support/pool';
import { percentile } from '@/server/checks/support/stats';
import { probeScope } from '@/server/checks/support/probe-scope';
import type { CheckDeps } from '@/server/checks/types';
import { buildCheckTarget } from '@/server/check-runs/target';
import { loggableMessage } from '@/server/db-errors';
import { recordActivity } from '@/server/services/activity';
import { conflict, notFound, precondition, tooMany } from '@/server/errors';
import { chatTargetFor } from './chat-target';
import { judgeAnswer } from './evaluate';
import { recordChatbotFindings, type ResultForFindings } from './findings';
import { nextRunAfter } from './settings-service';
import { settleChatbotItems } from './settle';

export const CONCURRENCY = 2;
export const REQUESTS_PER_HOUR = 120;
/** A run that has not finished after this long died with its process. */
const ABANDONED_AFTER_MS = 15 * 60_000;

export type ChatbotRunDeps = { db: Database; checkDeps: () => CheckDeps };
export type RunTrigger = 'person' | 'schedule';
/** Called after a run is stored (the schedule's alert on a critical regression). */
export type AfterRun = (run: { runId: string; projectId: string; summary: ChatbotRunSummary; endpointUrl: string; at: Date }) => Promise<void>;


/** Everything a run needs, or the plain reason it cannot start. */
async function loadPlan(db: Database, projectId: string) {
  const [row, roadmap, settings, prompts, [ownership]] = await Promise.all([
    getProject(db, { projectId }),
    getRoadmapRow(db, { projectId }),
    getChatbotSettings(db, { projectId }),
    listPrompts(db, { projectId }),
    db.select({ verifiedAt: domainOwnership.verifiedAt, domain: domainOwnership.domain }).from(domainOwnership).where(eq(domainOwnership.projectId, projectId)),
  ]);
  if (!row || !roadmap) throw notFound('Project');
  const domain = row.project.primaryDomain;
  const target = buildCheckTarget(row.project, roadmap.snapshot.targets, false);
  const chat = chatTargetFor(target.endpoints, settings, roadmap.snapshot.targets);
  if (!target.endpoints.some((e) => e.kind === 'chat')) throw precondition('Add your chat endpoint (kind "Chat") in project settings first.');
  if (!chat || !settings) throw precondition('Set up the request template in the Chatbot section first.');
  if (prompts.length === 0) throw precondition('Add prompts to the set first (the suggested ones are a good start).');
  const scope = probeScope(chat.endpoint.url, domain);
  if (!scope.inScope) throw precondition(scope.message);
  if (!(ownership?.verifiedAt && ownership.domain === domain)) {
    throw precondition(`Prove you own ${domain} first (project settings): each prompt costs you a model call, so we only send them to a domain you have proved is yours.`);
  }
  return { chat, settings, prompts };
}

/** One run at a time per project and at most REQUESTS_PER_HOUR prompts an hour; the project row is locked while deciding. */
async function assertAllowed(tx: Parameters<Parameters<Database['transaction']>[0]>[0], projectId: string, prompts: number) {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
  await tx
    .update(chatbotRuns)
    .set({ status: 'failed', finishedAt: new Date(), error: 'The process running this stopped before it finished.' })
    .where(and(eq(chatbotRuns.projectId, projectId), eq(chatbotRuns.status, 'running'), sql`${chatbotRuns.startedAt} < now() - make_interval(secs => ${ABANDONED_AFTER_MS / 1000})`));
  const [running] = await tx.select({ n: sql<number>`count(*)::int` }).from(chatbotRuns).where(and(eq(chatbotRuns.projectId, projectId), eq(chatbotRuns.status, 'running')));
  if (Number(running?.n ?? 0) > 0) throw conflict('A chatbot run is already going for this project. Wait for it to finish.');
  const [sent] = await tx.select({ n: sql<number>`count(*)::int` }).from(chatbotResults).where(and(eq(chatbotResults.projectId, projectId), gte(chatbotResults.createdAt, sql`now() - interval '1 hour'`)));
  if (Number(sent?.n ?? 0) + prompts > REQUESTS_PER_HOUR) {
    throw tooMany(`At most ${REQUESTS_PER_HOUR} prompts an hour are sent to your bot (each costs a model call); this run would go over. Try again later.`);
  }
}

export async function startChatbotRun(deps: ChatbotRunDeps, input: { projectId: string; actorId: string | null; trigger: RunTrigger; afterRun?: AfterRun }) {
  const { db } = deps;
  const plan = await loadPlan(db, input.projectId);
  const runId = await db.transaction(async (tx) => {
    await assertAllowed(tx, input.projectId, plan.prompts.length);
    const [run] = await tx
      .insert(chatbotRuns)
      .values({ projectId: input.projectId, trigger: input.trigger, promptSetVersion: plan.settings.promptSetVersion, endpointUrl: plan.chat.endpoint.url, startedBy: input.actorId })
      .returning({ id: chatbotRuns.id });
    await recordActivity(tx, { projectId: input.projectId, actorId: input.actorId, action: 'chatbot.run', summary: `${input.trigger === 'schedule' ? 'the weekly schedule ' : ''}sent ${plan.prompts.length} test prompt${plan.prompts.length === 1 ? '' : 's'} to the chatbot` });
    return run!.id;
  });
  const finished = executeRun(deps, runId, input, plan)
    .catch(async (error: unknown) => {
      console.error(`[chatbot] run ${runId} failed: ${loggableMessage(error)}`);
      await db.update(chatbotRuns).set({ status: 'failed', finishedAt: new Date(), error: 'The run stopped unexpectedly.' }).where(eq(chatbotRuns.id, runId));
    })
    .catch((error: unknown) => console.error(`[chatbot] run ${runId} could not be marked failed: ${loggableMessage(error)}`))
    .finally(() => inFlight.delete(finished));
  inFlight.add(finished);
  return { runId, finished };
}

type Plan = Awaited<ReturnType<typeof loadPlan>>;

async function executeRun(deps: ChatbotRunDeps, runId: string, input: { projectId: string; actorId: string | null; afterRun?: AfterRun }, plan: Plan) {
  const { db } = deps;
  const { projectId } = input;
  const checkDeps = deps.checkDeps();
  const canary = plan.settings.canary;
  const stored: (ResultForFindings & { totalMs: number | null; firstTextMs: number | null })[] = [];
  await mapBounded(plan.prompts, CONCURRENCY, async (prompt) => {
    const exchange = await sendPrompt(checkDeps.http, plan.chat.endpoint, prompt.prompt, { timeoutMs: CHAT_TIMEOUT_MS });
    const judged = judgeAnswer(exchange, prompt.expectations, canary);
    const answer = exchange.ok ? maskChatText(exchange.answer, canary) : null;
    const [row] = await db
      .insert(chatbotResults)
      .values({
        runId,
        projectId,
        promptId: prompt.id,
        position: prompt.position,
        category: prompt.category,
        title: prompt.title,
        prompt: maskChatText(prompt.prompt, canary, 4_000),
        expectations: prompt.expectations,
        severity: prompt.severity,
        status: judged.status,
        answer,
        outcomes: judged.outcomes,
        httpStatus: exchange.status,
        format: exchange.ok ? exchange.format : null,
        firstByteMs: exchange.ok && exchange.firstByteMs !== null ? Math.round(exchange.firstByteMs) : null,
        firstTextMs: exchange.ok && exchange.firstTextMs !== null ? Math.round(exchange.firstTextMs) : null,
        totalMs: exchange.totalMs === null ? null : Math.round(exchange.totalMs),
        canaryLeaked: judged.canaryLeaked,
      })
      .returning({ id: chatbotResults.id });
    stored.push({
      resultId: row!.id,
      promptId: prompt.id,
      title: prompt.title,
      category: prompt.category,
      severity: prompt.severity,
      status: judged.status,
      canaryLeaked: judged.canaryLeaked,
      outcomes: judged.outcomes,
      answerExcerpt: answer === null ? null : answer.slice(0, 200),
      totalMs: exchange.ok ? exchange.totalMs : null,
      firstTextMs: exchange.ok ? (exchange.firstTextMs ?? exchange.totalMs) : null,
    });
  });

  const answered = stored.filter((r) => r.totalMs !== null);
  const p95TotalMs = percentile(answered.map((r) => r.totalMs!), 95);
  const p95StartMs = percentile(answered.map((r) => r.firstTextMs!), 95);
  const replyTime: ReplyTimeVerdict[] = p95TotalMs === undefined ? [] : judgeReplyTime({ firstByteMs: null, firstTextMs: p95StartMs ?? null, totalMs: p95TotalMs }, plan.chat.targets);
  const started = await db.select({ startedAt: chatbotRuns.startedAt }).from(chatbotRuns).where(eq(chatbotRuns.id, runId));
  const previous = await previousFinishedRun(db, { projectId, before: started[0]!.startedAt });
  const before = previous ? await listRunResults(db, { projectId, runIds: [previous.id] }) : [];
  const criticalRegressions = stored
    .filter((r) => r.status === 'fail' && (r.severity === 'critical' || r.canaryLeaked) && before.some((b) => b.promptId === r.promptId && b.status === 'pass'))
    .map((r) => r.title);
  const summary: ChatbotRunSummary = {
    total: stored.length,
    passed: stored.filter((r) => r.status === 'pass').length,
    failed: stored.filter((r) => r.status === 'fail').length,
    errored: stored.filter((r) => r.status === 'error').length,
    p95TotalMs: p95TotalMs === undefined ? null : Math.round(p95TotalMs),
    p95StartMs: p95StartMs === undefined ? null : Math.round(p95StartMs),
    criticalRegressions,
  };
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.update(chatbotRuns).set({ status: 'done', finishedAt: now, summary }).where(eq(chatbotRuns.id, runId));
    await recordChatbotFindings(tx, { projectId, runId, results: stored, replyTime, answered: answered.length, now });
    const [settings] = await tx.select({ enabled: chatbotSettings.scheduleEnabled, everyDays: chatbotSettings.scheduleEveryDays }).from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
    if (settings) await tx.update(chatbotSettings).set({ nextRunAt: settings.enabled ? nextRunAfter(now, settings.everyDays, now) : null }).where(eq(chatbotSettings.projectId, projectId));
    await settleChatbotItems(tx, { projectId, actorId: input.actorId });
  });
  await input.afterRun?.({ runId, projectId, summary, endpointUrl: plan.chat.endpoint.url, at: now });
}

const inFlight = new Set<Promise<void>>();

/** Resolves when every chatbot run this process started has finished (shutdown, tests). */
export async function waitForChatbotRuns(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
