/** Handover entries: known limitations, ranked improvements and the weekly operating checklist. */
import { and, eq, max } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '@/db/types';
import { handoverEntries } from '@/db/schema';
import { getRoadmapRow, listStages } from '@/db/queries/roadmap';
import { findHandoverEntry, listHandoverEntries } from '@/db/queries/records';
import { ENTRY_LABELS, type EntryFields, type EntryKind } from '@/server/records/handover-entries';
import { weeklySuggestions, type WeeklySuggestion } from '@/server/records/weekly-suggestions';
import { fieldError, notFound } from '@/server/errors';
import { quoted, recordActivity } from '../activity';
import { assertNoSecretValues, lockProject, type RecordScope } from './scope';

async function nextPosition(tx: Tx, projectId: string, kind: EntryKind): Promise<number> {
  const [last] = await tx
    .select({ position: max(handoverEntries.position) })
    .from(handoverEntries)
    .where(and(eq(handoverEntries.projectId, projectId), eq(handoverEntries.kind, kind)));
  return (last?.position ?? 0) + 1;
}

const secretsIn = (f: EntryFields) => assertNoSecretValues({ title: f.title, detail: f.detail });

export async function addEntry(db: Database, scope: RecordScope, fields: EntryFields) {
  await secretsIn(fields);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const [row] = await tx
      .insert(handoverEntries)
      .values({ projectId: scope.projectId, ...fields, position: await nextPosition(tx, scope.projectId, fields.kind) })
      .returning({ id: handoverEntries.id });
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'handover.create',
      summary: `added the ${ENTRY_LABELS[fields.kind]} ${quoted(fields.title)}`,
      details: { entryId: row!.id, kind: fields.kind },
    });
    return row!;
  });
}

/** A change of kind (a limitation that became an improvement) moves the entry to the end of its new list. */
export async function updateEntry(db: Database, scope: RecordScope, entryId: string, fields: EntryFields) {
  await secretsIn(fields);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const current = await findHandoverEntry(tx, { projectId: scope.projectId, entryId });
    if (!current) throw notFound('Entry');
    const position = current.kind === fields.kind ? undefined : await nextPosition(tx, scope.projectId, fields.kind);
    await tx
      .update(handoverEntries)
      .set({ ...fields, ...(position === undefined ? {} : { position }), updatedAt: new Date() })
      .where(eq(handoverEntries.id, entryId));
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'handover.update',
      summary: `updated the ${ENTRY_LABELS[fields.kind]} ${quoted(fields.title)}`,
      details: { entryId, kind: fields.kind },
    });
    return { id: entryId };
  });
}

export async function removeEntry(db: Database, scope: RecordScope, entryId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(handoverEntries)
      .where(and(eq(handoverEntries.id, entryId), eq(handoverEntries.projectId, scope.projectId)))
      .returning({ id: handoverEntries.id, kind: handoverEntries.kind, title: handoverEntries.title });
    if (!row) throw notFound('Entry');
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'handover.remove',
      summary: `removed the ${ENTRY_LABELS[row.kind]} ${quoted(row.title)}`,
      details: { entryId, kind: row.kind },
    });
    return { id: row.id };
  });
}

/** The playbook's weekly checks this project does not have yet (compared by title). */
export async function openWeeklySuggestions(db: DbOrTx, projectId: string, known?: { kind: EntryKind; title: string }[]): Promise<WeeklySuggestion[]> {
  // One after another: `db` may be a transaction (one connection), where node-postgres deprecates overlapping queries.
  const roadmap = await getRoadmapRow(db, { projectId });
  const stages = await listStages(db, { projectId });
  const entries = known ?? (await listHandoverEntries(db, { projectId }));
  if (!roadmap) return [];
  const signals = stages.find((s) => s.key === 'observability')?.failureSignals.map((f) => f.text) ?? [];
  const have = new Set(entries.filter((e) => e.kind === 'weekly_check').map((e) => e.title.toLowerCase()));
  return weeklySuggestions(roadmap.snapshot, signals).filter((s) => !have.has(s.title.toLowerCase()));
}

/** Adds the chosen suggestions to the weekly checklist, where they can then be edited. */
export async function addWeeklySuggestions(db: Database, scope: RecordScope, keys: string[]) {
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const open = await openWeeklySuggestions(tx, scope.projectId);
    const chosen = open.filter((s) => keys.includes(s.key));
    if (chosen.length === 0) throw fieldError('keys', 'Those suggestions are already on your weekly checklist.');
    const start = await nextPosition(tx, scope.projectId, 'weekly_check');
    await tx.insert(handoverEntries).values(chosen.map((s, i) => ({ projectId: scope.projectId, kind: 'weekly_check' as const, title: s.title, detail: s.detail, position: start + i })));
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'handover.addSuggestions',
      summary: chosen.length === 1 ? `added the weekly check ${quoted(chosen[0]!.title)} from the playbook` : `added ${chosen.length} weekly checks from the playbook`,
      details: { keys: chosen.map((s) => s.key) },
    });
    return { added: chosen.length };
  });
}
