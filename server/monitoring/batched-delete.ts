/** Deletes old rows a batch at a time, so pruning never holds one long lock over a large table. */
import type { SQL } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { rowsOf } from './sql-rows';

export type BatchOptions = { batch?: number; maxBatches?: number };

/** Runs `deleteBatch(limit)` (a `delete … returning` of at most `limit` rows) until a batch comes back short; returns the rows deleted. */
export async function deleteInBatches(db: Database, deleteBatch: (limit: number) => SQL, options: BatchOptions = {}): Promise<number> {
  const limit = options.batch ?? 5000;
  let deleted = 0;
  for (let i = 0; i < (options.maxBatches ?? 20); i += 1) {
    const rows = await rowsOf<Record<string, unknown>>(db, deleteBatch(limit));
    deleted += rows.length;
    if (rows.length < limit) break;
  }
  return deleted;
}
