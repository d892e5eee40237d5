/** Reads for the chatbot checks; every one scoped by project. */
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { chatbotPrompts, chatbotResults, chatbotRuns, chatbotSettings, user } from '@/db/schema';

export async function getChatbotSettings(db: DbOrTx, { projectId }: { projectId: string }) {
  const [row] = await db.select().from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
  return row ?? null;
}

export function listPrompts(db: DbOrTx, { projectId }: { projectId: string }) {
  return db.select().from(chatbotPrompts).where(eq(chatbotPrompts.projectId, projectId)).orderBy(asc(chatbotPrompts.position), asc(chatbotPrompts.createdAt));
}

const runColumns = {
  id: chatbotRuns.id,
  trigger: chatbotRuns.trigger,
  status: chatbotRuns.status,
  promptSetVersion: chatbotRuns.promptSetVersion,
  endpointUrl: chatbotRuns.endpointUrl,
  startedAt: chatbotRuns.startedAt,
  finishedAt: chatbotRuns.finishedAt,
  summary: chatbotRuns.summary,
  error: chatbotRuns.error,
  startedBy: user.name,
};

export function listChatbotRuns(db: DbOrTx, { projectId, limit }: { projectId: string; limit: number }) {
  return db.select(runColumns).from(chatbotRuns).leftJoin(user, eq(user.id, chatbotRuns.startedBy)).where(eq(chatbotRuns.projectId, projectId)).orderBy(desc(chatbotRuns.startedAt)).limit(limit);
}

export async function getChatbotRun(db: DbOrTx, { projectId, runId }: { projectId: string; runId: string }) {
  const [run] = await db.select(runColumns).from(chatbotRuns).leftJoin(user, eq(user.id, chatbotRuns.startedBy)).where(and(eq(chatbotRuns.projectId, projectId), eq(chatbotRuns.id, runId)));
  return run ?? null;
}

/** The latest finished run started before `before` (the one a run is compared with). */
export async function previousFinishedRun(db: DbOrTx, { projectId, before }: { projectId: string; before: Date }) {
  const [run] = await db
    .select({ id: chatbotRuns.id, startedAt: chatbotRuns.startedAt })
    .from(chatbotRuns)
    .where(and(eq(chatbotRuns.projectId, projectId), eq(chatbotRuns.status, 'done'), lt(chatbotRuns.startedAt, before)))
    .orderBy(desc(chatbotRuns.startedAt))
    .limit(1);
  return run ?? null;
}

export async function latestFinishedRun(db: DbOrTx, { projectId }: { projectId: string }) {
  const [run] = await db.select(runColumns).from(chatbotRuns).leftJoin(user, eq(user.id, chatbotRuns.startedBy)).where(and(eq(chatbotRuns.projectId, projectId), eq(chatbotRuns.status, 'done'))).orderBy(desc(chatbotRuns.startedAt)).limit(1);
  return run ?? null;
}

export function listRunResults(db: DbOrTx, { projectId, runIds }: { projectId: string; runIds: string[] }) {
  if (runIds.length === 0) return Promise.resolve([]);
  const reviewer = user;
  return db
    .select({
      id: chatbotResults.id,
      runId: chatbotResults.runId,
      promptId: chatbotResults.promptId,
      position: chatbotResults.position,
      category: chatbotResults.category,
      title: chatbotResults.title,
      prompt: chatbotResults.prompt,
      expectations: chatbotResults.expectations,
      severity: chatbotResults.severity,
      status: chatbotResults.status,
      answer: chatbotResults.answer,
      outcomes: chatbotResults.outcomes,
      httpStatus: chatbotResults.httpStatus,
      format: chatbotResults.format,
      firstByteMs: chatbotResults.firstByteMs,
      firstTextMs: chatbotResults.firstTextMs,
      totalMs: chatbotResults.totalMs,
      canaryLeaked: chatbotResults.canaryLeaked,
      reviewDecision: chatbotResults.reviewDecision,
      reviewReason: chatbotResults.reviewReason,
      reviewedAt: chatbotResults.reviewedAt,
      reviewedBy: reviewer.name,
    })
    .from(chatbotResults)
    .leftJoin(reviewer, eq(reviewer.id, chatbotResults.reviewedBy))
    .where(and(eq(chatbotResults.projectId, projectId), inArray(chatbotResults.runId, runIds)))
    .orderBy(asc(chatbotResults.position));
}

export type ChatbotResultView = Awaited<ReturnType<typeof listRunResults>>[number];
