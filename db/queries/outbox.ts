import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { outboxMessages } from '@/db/schema';

/** The outbox, newest first: all of it, or only what was sent to one address (server/mail/outbox-access.ts). */
export async function listOutbox(db: DbOrTx, { limit, to }: { limit: number; to?: string }) {
  return db
    .select()
    .from(outboxMessages)
    .where(to === undefined ? undefined : sql`lower(${outboxMessages.to}) = ${to.toLowerCase()}`)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}
