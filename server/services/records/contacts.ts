/**
 * Escalation contacts: called in order (1 = first); at most one is the fallback, called when
 * nobody in the order answers. Changes run under the project lock, so two people marking
 * different fallbacks at once cannot both win.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Tx } from '@/db/types';
import { contacts } from '@/db/schema';
import type { ContactFields } from '@/server/records/contacts';
import { fieldError, notFound } from '@/server/errors';
import { quoted, recordActivity } from '../activity';
import { assertNoSecretValues, lockProject, type RecordScope } from './scope';

async function ordered(tx: Tx, projectId: string) {
  return tx
    .select({ id: contacts.id, name: contacts.name, isFallback: contacts.isFallback, escalationOrder: contacts.escalationOrder })
    .from(contacts)
    .where(eq(contacts.projectId, projectId))
    .orderBy(asc(contacts.escalationOrder), asc(contacts.createdAt));
}

/** Writes 1…n in the given order, so the order never has gaps or ties. */
async function renumber(tx: Tx, ids: string[]) {
  for (const [index, id] of ids.entries()) await tx.update(contacts).set({ escalationOrder: index + 1 }).where(eq(contacts.id, id));
}

async function refuseSecondFallback(tx: Tx, projectId: string, exceptId?: string) {
  const [other] = await tx
    .select({ name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.projectId, projectId), eq(contacts.isFallback, true), exceptId ? ne(contacts.id, exceptId) : undefined));
  if (other) throw fieldError('isFallback', `${other.name} is already the fallback, and there can be only one. Use “Make fallback” in the list to switch.`);
}

const secretsIn = (f: ContactFields) => assertNoSecretValues({ name: f.name, role: f.role, phone: f.phone, notes: f.notes });

export async function addContact(db: Database, scope: RecordScope, fields: ContactFields) {
  await secretsIn(fields);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    if (fields.isFallback) await refuseSecondFallback(tx, scope.projectId);
    const list = await ordered(tx, scope.projectId);
    const [row] = await tx
      .insert(contacts)
      .values({ projectId: scope.projectId, ...fields, escalationOrder: list.length + 1 })
      .returning({ id: contacts.id });
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'contact.create',
      summary: `added ${quoted(fields.name)} to the escalation contacts${fields.isFallback ? ' as the fallback' : ''}`,
      details: { contactId: row!.id },
    });
    return row!;
  });
}

export async function updateContact(db: Database, scope: RecordScope, contactId: string, fields: ContactFields) {
  await secretsIn(fields);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    if (fields.isFallback) await refuseSecondFallback(tx, scope.projectId, contactId);
    const [row] = await tx
      .update(contacts)
      .set(fields)
      .where(and(eq(contacts.id, contactId), eq(contacts.projectId, scope.projectId)))
      .returning({ id: contacts.id });
    if (!row) throw notFound('Contact');
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'contact.update', summary: `updated the contact ${quoted(fields.name)}`, details: { contactId } });
    return row;
  });
}

export async function removeContact(db: Database, scope: RecordScope, contactId: string) {
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const [row] = await tx
      .delete(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.projectId, scope.projectId)))
      .returning({ id: contacts.id, name: contacts.name });
    if (!row) throw notFound('Contact');
    await renumber(tx, (await ordered(tx, scope.projectId)).map((c) => c.id));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'contact.remove', summary: `removed ${quoted(row.name)} from the escalation contacts`, details: { contactId } });
    return { id: row.id };
  });
}

/** Moves a contact one place earlier ("up", called sooner) or later in the escalation order. */
export async function moveContact(db: Database, scope: RecordScope, contactId: string, direction: 'up' | 'down') {
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const list = await ordered(tx, scope.projectId);
    const index = list.findIndex((c) => c.id === contactId);
    if (index === -1) throw notFound('Contact');
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= list.length) return { id: contactId, escalationOrder: index + 1 };
    const ids = list.map((c) => c.id);
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    await renumber(tx, ids);
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'contact.move',
      summary: `moved ${quoted(list[index]!.name)} to number ${target + 1} in the escalation order`,
      details: { contactId, escalationOrder: target + 1 },
    });
    return { id: contactId, escalationOrder: target + 1 };
  });
}

/** Makes this contact the one fallback, taking the mark from whoever had it. */
export async function setFallbackContact(db: Database, scope: RecordScope, contactId: string) {
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const list = await ordered(tx, scope.projectId);
    const contact = list.find((c) => c.id === contactId);
    if (!contact) throw notFound('Contact');
    await tx.update(contacts).set({ isFallback: false }).where(and(eq(contacts.projectId, scope.projectId), ne(contacts.id, contactId)));
    await tx.update(contacts).set({ isFallback: true }).where(eq(contacts.id, contactId));
    const previous = list.find((c) => c.isFallback && c.id !== contactId);
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'contact.fallback',
      summary: `made ${quoted(contact.name)} the fallback contact${previous ? ` instead of ${quoted(previous.name)}` : ''}`,
      details: { contactId },
    });
    return { id: contactId };
  });
}
