/** The release checklist: steps are added, edited and removed; ticked during a release; reset for the next. */
import { and, eq, isNotNull, max } from 'drizzle-orm';
import type { Database, Tx } from '@/db/types';
import { releaseSteps } from '@/db/schema';
import { findReleaseStep } from '@/db/queries/records';
import { STANDARD_RELEASE_STEPS, type ReleasePhase } from '@/server/records/release-steps';
import { notFound } from '@/server/errors';
import { quoted, recordActivity } from '../activity';
import { assertNoSecretValues, lockProject, type RecordScope } from './scope';

type StepFields = { phase: ReleasePhase; title: string };

async function nextPosition(tx: Tx, projectId: string): Promise<number> {
  const [last] = await tx.select({ position: max(releaseSteps.position) }).from(releaseSteps).where(eq(releaseSteps.projectId, projectId));
  return (last?.position ?? -1) + 1;
}

export async function addReleaseStep(db: Database, scope: RecordScope, fields: StepFields) {
  await assertNoSecretValues({ title: fields.title });
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const [row] = await tx
      .insert(releaseSteps)
      .values({ projectId: scope.projectId, ...fields, position: await nextPosition(tx, scope.projectId) })
      .returning({ id: releaseSteps.id });
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'release.addStep', summary: `added the release step ${quoted(fields.title)}`, details: { stepId: row!.id } });
    return row!;
  });
}

/** Adds the standard steps, skipping any the checklist already has (same title). */
export async function addStandardReleaseSteps(db: Database, scope: RecordScope) {
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const existing = await tx.select({ title: releaseSteps.title }).from(releaseSteps).where(eq(releaseSteps.projectId, scope.projectId));
    const have = new Set(existing.map((s) => s.title.toLowerCase()));
    const missing = STANDARD_RELEASE_STEPS.filter((s) => !have.has(s.title.toLowerCase()));
    if (missing.length === 0) return { added: 0 };
    const start = await nextPosition(tx, scope.projectId);
    await tx.insert(releaseSteps).values(missing.map((s, i) => ({ projectId: scope.projectId, ...s, position: start + i })));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'release.addStandard', summary: `added ${missing.length} standard release steps`, details: {} });
    return { added: missing.length };
  });
}

export async function updateReleaseStep(db: Database, scope: RecordScope, stepId: string, fields: StepFields) {
  await assertNoSecretValues({ title: fields.title });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(releaseSteps)
      .set(fields)
      .where(and(eq(releaseSteps.id, stepId), eq(releaseSteps.projectId, scope.projectId)))
      .returning({ id: releaseSteps.id });
    if (!row) throw notFound('Release step');
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'release.updateStep', summary: `updated the release step ${quoted(fields.title)}`, details: { stepId } });
    return row;
  });
}

export async function removeReleaseStep(db: Database, scope: RecordScope, stepId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(releaseSteps)
      .where(and(eq(releaseSteps.id, stepId), eq(releaseSteps.projectId, scope.projectId)))
      .returning({ id: releaseSteps.id, title: releaseSteps.title });
    if (!row) throw notFound('Release step');
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'release.removeStep', summary: `removed the release step ${quoted(row.title)}`, details: { stepId } });
    return { id: row.id };
  });
}

export async function tickReleaseStep(db: Database, scope: RecordScope, stepId: string, done: boolean) {
  const step = await findReleaseStep(db, { projectId: scope.projectId, stepId });
  if (!step) throw notFound('Release step');
  return db.transaction(async (tx) => {
    await tx
      .update(releaseSteps)
      .set(done ? { checkedAt: new Date(), checkedBy: scope.actorId } : { checkedAt: null, checkedBy: null })
      .where(eq(releaseSteps.id, step.id));
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: done ? 'release.tick' : 'release.untick',
      summary: done ? `ticked the release step ${quoted(step.title)}` : `unticked the release step ${quoted(step.title)}`,
      details: { stepId },
    });
    return { id: step.id, done };
  });
}

/** Unticks every step, ready for the next release. */
export async function resetReleaseChecklist(db: Database, scope: RecordScope) {
  return db.transaction(async (tx) => {
    const cleared = await tx
      .update(releaseSteps)
      .set({ checkedAt: null, checkedBy: null })
      .where(and(eq(releaseSteps.projectId, scope.projectId), isNotNull(releaseSteps.checkedAt)))
      .returning({ id: releaseSteps.id });
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'release.reset',
      summary: `reset the release checklist for the next release (${cleared.length} ${cleared.length === 1 ? 'step' : 'steps'} unticked)`,
      details: { unticked: cleared.length },
    });
    return { unticked: cleared.length };
  });
}
