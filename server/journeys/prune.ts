/** Journey runs are kept 8 days (the 7-day rate plus a day of margin), deleted in bounded batches. */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { rowsOf } from '@/server/monitoring/sql-rows';

export const RUN_RETENTION_HOURS = 192;

export async function pruneJourneyRuns(db: Database, now: Date, options: { batch?: number; maxBatches?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - RUN_RETENTION_HOURS * 3_600_000).toISOString();
  let deleted = 0;
  for (let i = 0; i < (options.maxBatches ?? 20); i += 1) {
    const rows = await rowsOf<{ journey_id: string }>(
      db,
      sql`delete from journey_runs where (journey_id, scheduled_at) in (
            select journey_id, scheduled_at from journey_runs where scheduled_at < ${cutoff}::timestamptz limit ${options.batch ?? 5000})
          returning journey_id`,
    );
    deleted += rows.length;
    if (rows.length < (options.batch ?? 5000)) break;
  }
  return deleted;
}
