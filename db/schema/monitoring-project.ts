/**
 * Hourly rollups per project: every monitor of the project merged, maintained in the same
 * transaction as the per-monitor rollups, so a project's 7-day panel reads 168 rows however many
 * monitors it has.
 */
import { integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import type { LatencyHistogram } from './monitoring';

export const monitorProjectRollups = pgTable(
  'monitor_project_rollups',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    checks: integer('checks').notNull().default(0),
    failures: integer('failures').notNull().default(0),
    missed: integer('missed').notNull().default(0),
    latencySumMs: real('latency_sum_ms').notNull().default(0),
    histogram: jsonb('histogram').$type<LatencyHistogram>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.hour] })],
);
