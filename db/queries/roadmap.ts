/** Reads for roadmap pages; every one is scoped by project. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { evidenceHref } from '@/lib/check-run-links';
import {
  activityLog,
  checklistItems,
  founderAnswers,
  goDecisions,
  itemComments,
  itemEvidence,
  manualRisks,
  projectRoadmaps,
  projectStages,
  user,
} from '@/db/schema';
import type { StageKey } from '@/lib/vocabulary/projects';

export async function getRoadmapRow(db: DbOrTx, { projectId }: { projectId: string }) {
  const [row] = await db.select().from(projectRoadmaps).where(eq(projectRoadmaps.projectId, projectId)).limit(1);
  return row ?? null;
}

export async function listStages(db: DbOrTx, { projectId }: { projectId: string }) {
  return db.select().from(projectStages).where(eq(projectStages.projectId, projectId)).orderBy(asc(projectStages.position));
}

const itemColumns = {
  id: checklistItems.id,
  stageId: checklistItems.stageId,
  stageKey: projectStages.key,
  templateKey: checklistItems.templateKey,
  kind: checklistItems.kind,
  title: checklistItems.title,
  detail: checklistItems.detail,
  severity: checklistItems.severity,
  impact: checklistItems.impact,
  automatedCheck: checklistItems.automatedCheck,
  checkRole: checklistItems.checkRole,
  sources: checklistItems.sources,
  position: checklistItems.position,
  status: checklistItems.status,
  notApplicableReason: checklistItems.notApplicableReason,
  ownerUserId: checklistItems.ownerUserId,
  ownerName: checklistItems.ownerName,
  ownerUserName: user.name,
  dueDate: checklistItems.dueDate,
  notes: checklistItems.notes,
  statusSource: checklistItems.statusSource,
  overrideReason: checklistItems.overrideReason,
  updatedAt: checklistItems.updatedAt,
};

/** Every item of a project (or of one stage), in stage then checklist order, with its owner's name. */
export async function listItems(db: DbOrTx, { projectId, stageKey }: { projectId: string; stageKey?: StageKey }) {
  return db
    .select(itemColumns)
    .from(checklistItems)
    .innerJoin(projectStages, eq(projectStages.id, checklistItems.stageId))
    .leftJoin(user, eq(user.id, checklistItems.ownerUserId))
    .where(and(eq(checklistItems.projectId, projectId), stageKey ? eq(projectStages.key, stageKey) : undefined))
    .orderBy(asc(projectStages.position), asc(checklistItems.position));
}

export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export async function findItemInStage(db: DbOrTx, { projectId, stageKey, itemId }: { projectId: string; stageKey: StageKey; itemId: string }) {
  const [row] = await db
    .select({ id: checklistItems.id, title: checklistItems.title, status: checklistItems.status, stageId: checklistItems.stageId })
    .from(checklistItems)
    .innerJoin(projectStages, eq(projectStages.id, checklistItems.stageId))
    .where(and(eq(checklistItems.id, itemId), eq(checklistItems.projectId, projectId), eq(projectStages.key, stageKey)))
    .limit(1);
  return row ?? null;
}

/** Evidence of the given items, oldest first; links to check runs point at the run's page in the project. */
export async function listEvidence(db: DbOrTx, { projectId, itemIds }: { projectId: string; itemIds: string[] }) {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({ id: itemEvidence.id, itemId: itemEvidence.itemId, kind: itemEvidence.kind, body: itemEvidence.body, url: itemEvidence.url, checkStatus: itemEvidence.checkStatus, createdAt: itemEvidence.createdAt, author: user.name })
    .from(itemEvidence)
    .leftJoin(user, eq(user.id, itemEvidence.createdBy))
    .where(and(eq(itemEvidence.projectId, projectId), inArray(itemEvidence.itemId, itemIds)))
    .orderBy(asc(itemEvidence.createdAt), asc(itemEvidence.id));
  return rows.map((r) => ({ ...r, url: evidenceHref(projectId, r.url) }));
}

export async function listComments(db: DbOrTx, { projectId, itemIds }: { projectId: string; itemIds: string[] }) {
  if (itemIds.length === 0) return [];
  return db
    .select({ id: itemComments.id, itemId: itemComments.itemId, body: itemComments.body, createdAt: itemComments.createdAt, author: user.name })
    .from(itemComments)
    .leftJoin(user, eq(user.id, itemComments.authorId))
    .where(and(eq(itemComments.projectId, projectId), inArray(itemComments.itemId, itemIds)))
    .orderBy(asc(itemComments.createdAt));
}

export async function listManualRisks(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({
      id: manualRisks.id,
      title: manualRisks.title,
      detail: manualRisks.detail,
      severity: manualRisks.severity,
      impact: manualRisks.impact,
      status: manualRisks.status,
      ownerUserId: manualRisks.ownerUserId,
      ownerName: manualRisks.ownerName,
      ownerUserName: user.name,
      deadline: manualRisks.deadline,
    })
    .from(manualRisks)
    .leftJoin(user, eq(user.id, manualRisks.ownerUserId))
    .where(eq(manualRisks.projectId, projectId))
    .orderBy(asc(manualRisks.createdAt));
}

export async function listDecisions(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({ id: goDecisions.id, decision: goDecisions.decision, reason: goDecisions.reason, recommendation: goDecisions.recommendation, decidedAt: goDecisions.decidedAt, decidedBy: user.name })
    .from(goDecisions)
    .leftJoin(user, eq(user.id, goDecisions.decidedBy))
    .where(eq(goDecisions.projectId, projectId))
    .orderBy(desc(goDecisions.decidedAt));
}

export async function listFounderAnswers(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({ questionKey: founderAnswers.questionKey, answer: founderAnswers.answer, answeredAt: founderAnswers.answeredAt, answeredBy: user.name })
    .from(founderAnswers)
    .leftJoin(user, eq(user.id, founderAnswers.answeredBy))
    .where(eq(founderAnswers.projectId, projectId));
}

export async function listActivity(db: DbOrTx, { projectId, limit }: { projectId: string; limit: number }) {
  return db
    .select({ id: activityLog.id, action: activityLog.action, summary: activityLog.summary, createdAt: activityLog.createdAt, actor: user.name })
    .from(activityLog)
    .leftJoin(user, eq(user.id, activityLog.actorId))
    .where(eq(activityLog.projectId, projectId))
    .orderBy(desc(activityLog.createdAt), desc(activityLog.id))
    .limit(limit);
}
