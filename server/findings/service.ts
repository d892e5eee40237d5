/**
 * What people do with a finding: accept it as a known risk (with a reason, an expiry date and
 * their name), take the acceptance back, or give it an owner and a due date. Each change is kept
 * in the finding's history and the project's activity log.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { findingEvents, findings } from '@/db/schema';
import { quoted, recordActivity } from '@/server/services/activity';
import { assertWorkspaceMember } from '@/server/services/checklist';
import { conflict, fieldError, notFound } from '@/server/errors';

type Scope = { projectId: string; actorId: string };

async function findingOf(db: Database, scope: Scope, findingId: string) {
  const [row] = await db
    .select({ id: findings.id, state: findings.state, message: findings.message })
    .from(findings)
    .where(and(eq(findings.id, findingId), eq(findings.projectId, scope.projectId)))
    .limit(1);
  if (!row) throw notFound('Finding');
  return row;
}

const short = (text: string) => quoted(text.length > 80 ? `${text.slice(0, 77)}…` : text);

export async function acceptFinding(db: Database, scope: Scope, input: { findingId: string; reason: string; until: string }, today = new Date().toISOString().slice(0, 10)) {
  const finding = await findingOf(db, scope, input.findingId);
  if (finding.state === 'fixed') throw conflict('This finding is already fixed: there is nothing to accept.');
  if (input.until <= today) throw fieldError('until', 'Choose an expiry date after today: an accepted risk is looked at again when it expires.');
  await db.transaction(async (tx) => {
    await tx
      .update(findings)
      .set({ state: 'accepted', acceptedReason: input.reason, acceptedUntil: input.until, acceptedBy: scope.actorId, acceptedAt: new Date(), updatedAt: new Date() })
      .where(eq(findings.id, finding.id));
    await tx.insert(findingEvents).values({ findingId: finding.id, projectId: scope.projectId, kind: 'accepted', actorId: scope.actorId, note: `${input.reason} (until ${input.until})` });
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'finding.accept', summary: `accepted the risk ${short(finding.message)} until ${input.until}` });
  });
}

export async function reopenFinding(db: Database, scope: Scope, findingId: string) {
  const finding = await findingOf(db, scope, findingId);
  if (finding.state !== 'accepted') throw conflict('Only an accepted finding can be reopened.');
  await db.transaction(async (tx) => {
    await tx.update(findings).set({ state: 'open', acceptedReason: null, acceptedUntil: null, acceptedBy: null, acceptedAt: null, updatedAt: new Date() }).where(eq(findings.id, finding.id));
    await tx.insert(findingEvents).values({ findingId: finding.id, projectId: scope.projectId, kind: 'reopened', actorId: scope.actorId });
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'finding.reopen', summary: `took back the acceptance of ${short(finding.message)}` });
  });
}

export async function assignFinding(db: Database, scope: Scope, input: { findingId: string; ownerUserId: string | null; ownerName: string | null; dueDate: string | null }) {
  const finding = await findingOf(db, scope, input.findingId);
  if (input.ownerUserId) await assertWorkspaceMember(db, scope.projectId, input.ownerUserId);
  await db.transaction(async (tx) => {
    await tx
      .update(findings)
      .set({ ownerUserId: input.ownerUserId, ownerName: input.ownerUserId ? null : input.ownerName, dueDate: input.dueDate, updatedAt: new Date() })
      .where(eq(findings.id, finding.id));
    const who = input.ownerName ?? (input.ownerUserId ? 'a workspace member' : 'nobody');
    await tx.insert(findingEvents).values({ findingId: finding.id, projectId: scope.projectId, kind: 'assigned', actorId: scope.actorId, note: `owner: ${who}; due: ${input.dueDate ?? 'none'}` });
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'finding.assign', summary: `set owner and due date of ${short(finding.message)}` });
  });
}
