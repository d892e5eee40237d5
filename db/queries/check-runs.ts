/** Reads for check runs; scoped by project. */
import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { checkResults, checkRuns, domainOwnership, itemEvidence, user } from '@/db/schema';

export async function listRuns(db: DbOrTx, { projectId, limit }: { projectId: string; limit: number }) {
  return db
    .select({
      id: checkRuns.id,
      stageKey: checkRuns.stageKey,
      status: checkRuns.status,
      progress: checkRuns.progress,
      checkIds: checkRuns.checkIds,
      startedAt: checkRuns.startedAt,
      finishedAt: checkRuns.finishedAt,
      startedBy: user.name,
      scheduledFor: checkRuns.scheduledFor,
    })
    .from(checkRuns)
    .leftJoin(user, eq(user.id, checkRuns.startedBy))
    .where(eq(checkRuns.projectId, projectId))
    .orderBy(desc(checkRuns.startedAt))
    .limit(limit);
}

export async function getRun(db: DbOrTx, { projectId, runId }: { projectId: string; runId: string }) {
  const [run] = await db
    .select({
      id: checkRuns.id,
      stageKey: checkRuns.stageKey,
      status: checkRuns.status,
      progress: checkRuns.progress,
      checkIds: checkRuns.checkIds,
      target: checkRuns.target,
      startedAt: checkRuns.startedAt,
      finishedAt: checkRuns.finishedAt,
      error: checkRuns.error,
      startedBy: user.name,
      scheduledFor: checkRuns.scheduledFor,
    })
    .from(checkRuns)
    .leftJoin(user, eq(user.id, checkRuns.startedBy))
    .where(and(eq(checkRuns.id, runId), eq(checkRuns.projectId, projectId)))
    .limit(1);
  return run ?? null;
}

export async function listResults(db: DbOrTx, { projectId, runId }: { projectId: string; runId: string }) {
  return db
    .select({ checkId: checkResults.checkId, status: checkResults.status, findings: checkResults.findings, evidence: checkResults.evidence, durationMs: checkResults.durationMs })
    .from(checkResults)
    .where(and(eq(checkResults.runId, runId), eq(checkResults.projectId, projectId)))
    .orderBy(asc(checkResults.checkId));
}

/** The latest finished result of each check before a given time: what a run is compared with. */
export async function previousResults(db: DbOrTx, { projectId, before, checkIds }: { projectId: string; before: Date; checkIds: string[] }) {
  const rows = await db
    .selectDistinctOn([checkResults.checkId], { checkId: checkResults.checkId, status: checkResults.status, findings: checkResults.findings })
    .from(checkResults)
    .innerJoin(checkRuns, eq(checkRuns.id, checkResults.runId))
    .where(and(eq(checkResults.projectId, projectId), lt(checkRuns.startedAt, before), eq(checkRuns.status, 'done')))
    .orderBy(checkResults.checkId, desc(checkResults.createdAt));
  return rows.filter((r) => checkIds.includes(r.checkId));
}

export async function getOwnership(db: DbOrTx, { projectId }: { projectId: string }) {
  const [row] = await db.select().from(domainOwnership).where(eq(domainOwnership.projectId, projectId)).limit(1);
  return row ?? null;
}

/** The latest whole-project run that finished, with the checks it could not run. */
export async function latestProjectRun(db: DbOrTx, { projectId }: { projectId: string }) {
  const [run] = await db
    .select({ id: checkRuns.id, finishedAt: checkRuns.finishedAt })
    .from(checkRuns)
    .where(and(eq(checkRuns.projectId, projectId), isNull(checkRuns.stageKey), eq(checkRuns.status, 'done')))
    .orderBy(desc(checkRuns.startedAt))
    .limit(1);
  if (!run) return null;
  const skipped = await db
    .select({ checkId: checkResults.checkId, findings: checkResults.findings })
    .from(checkResults)
    .where(and(eq(checkResults.runId, run.id), eq(checkResults.projectId, projectId), eq(checkResults.status, 'skipped')));
  return { ...run, skipped };
}

/** When each item last got automated evidence (for "stale evidence"). */
export async function latestCheckEvidence(db: DbOrTx, { projectId }: { projectId: string }) {
  const rows = await db
    .select({ itemId: itemEvidence.itemId, at: sql<Date>`max(${itemEvidence.createdAt})` })
    .from(itemEvidence)
    .where(and(eq(itemEvidence.projectId, projectId), eq(itemEvidence.kind, 'check')))
    .groupBy(itemEvidence.itemId);
  return new Map(rows.map((r) => [r.itemId, new Date(r.at).toISOString()]));
}
