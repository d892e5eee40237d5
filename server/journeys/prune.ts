/** Journey runs are kept 8 days (the 7-day rate plus a day of margin), deleted in bounded batches. */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { type BatchOptions, deleteInBatches } from '@/server/monitoring/batched-delete';

export const RUN_RETENTION_HOURS = 192;

export async function pruneJourneyRuns(db: Database, now: Date, options: BatchOptions = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - RUN_RETENTION_HOURS * 3_600_000).toISOString();
  return deleteInBatches(
    db,
    (limit) => sql`delete from journey_runs where (journey_id, scheduled_at) in (
            select journey_id, scheduled_at from journey_runs where scheduled_at < ${cutoff}::timestamptz limit ${limit})
          returning journey_id`,
    options,
  );
}
