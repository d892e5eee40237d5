/**
 * Checklist verbs shared by every stage router: update an item, attach evidence, comment, add an
 * item. The item must belong to the stage the router serves; each change is logged.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db/types';
import { checklistItems, itemComments, itemEvidence, projectStages, projects, workspaceMembers } from '@/db/schema';
import { findItemInStage } from '@/db/queries/roadmap';
import type { StageKey } from '@/lib/vocabulary/projects';
import type { ImpactArea, ItemKind, Severity } from '@/lib/vocabulary/roadmap-template';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, type ItemStatus } from '@/lib/vocabulary/roadmap';
import { fieldError, notFound } from '@/server/errors';
import { passBasis } from '@/server/roadmap/pass-basis';
import { quoted, recordActivity } from './activity';

/** The activity log's words for a status: the screen's labels, in running text. */
export const STATUS_LABELS = Object.fromEntries(ITEM_STATUSES.map((s) => [s, ITEM_STATUS_LABELS[s].toLowerCase()])) as Record<ItemStatus, string>;

type Scope = { projectId: string; stageKey: StageKey; actorId: string };

async function itemInStage(db: Database, scope: Scope, itemId: string) {
  const item = await findItemInStage(db, { projectId: scope.projectId, stageKey: scope.stageKey, itemId });
  if (!item) throw notFound('Checklist item');
  return item;
}

export type ItemChanges = {
  status?: ItemStatus;
  notApplicableReason?: string | null;
  ownerUserId?: string | null;
  ownerName?: string | null;
  dueDate?: string | null;
  notes?: string | null;
  /** Keep this status even where the item's automated check disagrees; null clears it. */
  overrideReason?: string | null;
  /** A note or link showing the item is done, recorded as evidence together with the change. */
  evidence?: NewEvidence;
};

export type NewEvidence = { body: string; url?: string | null };

const evidenceRow = (scope: Scope, itemId: string, evidence: NewEvidence) => ({
  itemId,
  projectId: scope.projectId,
  kind: evidence.url ? ('link' as const) : ('note' as const),
  body: evidence.body,
  url: evidence.url ?? null,
  createdBy: scope.actorId,
});

/** What an item's Passed would rest on (see passBasis); null when there is nothing yet. */
export async function passEvidence(db: DbOrTx, projectId: string, itemId: string): Promise<'record' | 'check' | null> {
  const evidence = await db
    .select({ kind: itemEvidence.kind, checkStatus: itemEvidence.checkStatus })
    .from(itemEvidence)
    .where(and(eq(itemEvidence.projectId, projectId), eq(itemEvidence.itemId, itemId)))
    .orderBy(asc(itemEvidence.createdAt), asc(itemEvidence.id));
  return passBasis(evidence);
}

export const PASS_NEEDS_EVIDENCE =
  'Passed needs evidence: add a note or a link that shows it is done (what you checked, a screenshot, a ticket), or give a reason for overriding the check.';

/** Owners picked from people must belong to the project's workspace. */
export async function assertWorkspaceMember(db: Database, projectId: string, userId: string) {
  const [row] = await db
    .select({ userId: workspaceMembers.userId })
    .from(projects)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, projects.workspaceId), eq(workspaceMembers.userId, userId)))
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) throw fieldError('ownerUserId', 'Pick a member of this workspace, or name an outside person instead.');
}

export async function updateItem(db: Database, scope: Scope, itemId: string, changes: ItemChanges) {
  const item = await itemInStage(db, scope, itemId);
  if (changes.status === 'not_applicable' && !changes.notApplicableReason?.trim()) {
    throw fieldError('notApplicableReason', 'Say why this item does not apply.');
  }
  if (changes.ownerUserId) await assertWorkspaceMember(db, scope.projectId, changes.ownerUserId);
  return db.transaction(async (tx) => {
    const supplied = changes.evidence?.body.trim() ? changes.evidence : undefined;
    // Never a bare click: Passed rests on evidence already there, given now, or an override reason.
    if (changes.status === 'passed' && !supplied && !changes.overrideReason?.trim() && !(await passEvidence(tx, scope.projectId, item.id))) {
      throw fieldError('evidence', PASS_NEEDS_EVIDENCE);
    }
    if (supplied) await tx.insert(itemEvidence).values(evidenceRow(scope, item.id, supplied));
    const patch: Partial<typeof checklistItems.$inferInsert> = { updatedAt: new Date(), updatedBy: scope.actorId };
    if (changes.status !== undefined) {
      patch.status = changes.status;
      patch.statusSource = 'person';
      patch.notApplicableReason = changes.status === 'not_applicable' ? changes.notApplicableReason!.trim() : null;
    }
    if (changes.ownerUserId !== undefined) patch.ownerUserId = changes.ownerUserId;
    if (changes.ownerName !== undefined) patch.ownerName = changes.ownerName?.trim() || null;
    if (changes.dueDate !== undefined) patch.dueDate = changes.dueDate;
    if (changes.notes !== undefined) patch.notes = changes.notes?.trim() || null;
    if (changes.overrideReason !== undefined) patch.overrideReason = changes.overrideReason?.trim() || null;
    const [updated] = await tx.update(checklistItems).set(patch).where(eq(checklistItems.id, item.id)).returning();
    const what =
      changes.status !== undefined && changes.status !== item.status
        ? `marked ${quoted(item.title)} as ${STATUS_LABELS[changes.status]}`
        : `updated ${quoted(item.title)}`;
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'item.update', summary: what, details: { itemId: item.id, ...changes } });
    return updated!;
  });
}

export async function addEvidence(db: Database, scope: Scope, itemId: string, evidence: NewEvidence) {
  const item = await itemInStage(db, scope, itemId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(itemEvidence)
      .values(evidenceRow(scope, item.id, evidence))
      .returning();
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'item.evidence', summary: `added evidence to ${quoted(item.title)}`, details: { itemId: item.id } });
    return row!;
  });
}

export async function addComment(db: Database, scope: Scope, itemId: string, body: string) {
  const item = await itemInStage(db, scope, itemId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(itemComments).values({ itemId: item.id, projectId: scope.projectId, authorId: scope.actorId, body }).returning();
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'item.comment', summary: `commented on ${quoted(item.title)}`, details: { itemId: item.id } });
    return row!;
  });
}

export async function addItem(
  db: Database,
  scope: Scope,
  input: { title: string; detail?: string | null; kind: ItemKind; severity: Severity; impact: ImpactArea },
) {
  return db.transaction(async (tx) => {
    const [stage] = await tx
      .select({ id: projectStages.id })
      .from(projectStages)
      .where(and(eq(projectStages.projectId, scope.projectId), eq(projectStages.key, scope.stageKey)));
    if (!stage) throw notFound('Stage');
    const [last] = await tx.select({ position: max(checklistItems.position) }).from(checklistItems).where(eq(checklistItems.stageId, stage.id));
    const [row] = await tx
      .insert(checklistItems)
      .values({ projectId: scope.projectId, stageId: stage.id, position: (last?.position ?? -1) + 1, ...input, detail: input.detail ?? null, updatedBy: scope.actorId })
      .returning();
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'item.create', summary: `added the item ${quoted(input.title)}`, details: { itemId: row!.id } });
    return row!;
  });
}
