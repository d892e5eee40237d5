import { desc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { outboxMessages } from '@/db/schema';

/** The development outbox is deliberately global: it only exists on a local install without SMTP. */
export async function listOutbox(db: DbOrTx, { limit }: { limit: number }) {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}
