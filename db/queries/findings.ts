/** Reads of a project's findings and their history; scoped by project. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/types';
import { findingEvents, findings, user } from '@/db/schema';

const owner = alias(user, 'finding_owner');
const accepter = alias(user, 'finding_accepter');

export async function listFindings(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({
      id: findings.id,
      checkId: findings.checkId,
      code: findings.code,
      subject: findings.subject,
      severity: findings.severity,
      impact: findings.impact,
      message: findings.message,
      fix: findings.fix,
      evidence: findings.evidence,
      state: findings.state,
      firstSeenAt: findings.firstSeenAt,
      lastSeenAt: findings.lastSeenAt,
      fixedAt: findings.fixedAt,
      lastRunId: findings.lastRunId,
      acceptedReason: findings.acceptedReason,
      acceptedUntil: findings.acceptedUntil,
      acceptedAt: findings.acceptedAt,
      acceptedByName: accepter.name,
      ownerUserId: findings.ownerUserId,
      ownerName: findings.ownerName,
      ownerUserName: owner.name,
      dueDate: findings.dueDate,
    })
    .from(findings)
    .leftJoin(owner, eq(owner.id, findings.ownerUserId))
    .leftJoin(accepter, eq(accepter.id, findings.acceptedBy))
    .where(eq(findings.projectId, projectId))
    .orderBy(asc(findings.firstSeenAt), asc(findings.id));
}

/**
 * The still-open findings of some checks (open, regressed, or accepted — the caller drops
 * acceptances that have not expired), for showing behind the checklist items those checks settle.
 */
export async function listOpenFindingsOfChecks(db: DbOrTx, { projectId, checkIds }: { projectId: string; checkIds: readonly string[] }) {
  if (checkIds.length === 0) return [];
  return db
    .select({
      id: findings.id,
      checkId: findings.checkId,
      subject: findings.subject,
      severity: findings.severity,
      message: findings.message,
      state: findings.state,
      acceptedUntil: findings.acceptedUntil,
    })
    .from(findings)
    .where(and(eq(findings.projectId, projectId), inArray(findings.checkId, [...checkIds]), inArray(findings.state, ['open', 'regressed', 'accepted'])))
    .orderBy(asc(findings.firstSeenAt), asc(findings.id));
}

export type FindingListRow = Awaited<ReturnType<typeof listFindings>>[number];

export async function findingHistory(db: DbOrTx, { projectId, findingId }: { projectId: string; findingId: string }) {
  return db
    .select({ id: findingEvents.id, kind: findingEvents.kind, runId: findingEvents.runId, note: findingEvents.note, at: findingEvents.at, actor: user.name })
    .from(findingEvents)
    .leftJoin(user, eq(user.id, findingEvents.actorId))
    .where(and(eq(findingEvents.projectId, projectId), eq(findingEvents.findingId, findingId)))
    .orderBy(desc(findingEvents.at));
}
