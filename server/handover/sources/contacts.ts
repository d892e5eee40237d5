/** Contacts in escalation order, the fallback marked. */
import { asc, eq } from 'drizzle-orm';
import { contacts } from '@/db/schema';
import type { ContactRow } from '../types';
import type { SourceContext } from './context';

export async function buildContacts(ctx: SourceContext): Promise<ContactRow[]> {
  const rows = await ctx.db.select().from(contacts).where(eq(contacts.projectId, ctx.projectId)).orderBy(asc(contacts.escalationOrder), asc(contacts.createdAt));
  return rows.map((c) => ({ order: c.escalationOrder, name: c.name, role: c.role, email: c.email, phone: c.phone, isFallback: c.isFallback, notes: c.notes }));
}
