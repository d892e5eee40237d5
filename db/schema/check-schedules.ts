/**
 * Scheduled re-verification: per project, how often the whole catalogue runs again on its own
 * (off / daily / weekly, at an hour of the day in UTC), when the next run is due, and the lease
 * of the worker running it now (docs/decisions/0013).
 */
import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth';
import { checkRuns } from './check-runs';
import { projects } from './projects';

export const CHECK_SCHEDULE_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export const checkScheduleFrequency = pgEnum('check_schedule_frequency', CHECK_SCHEDULE_FREQUENCIES);

export const checkSchedules = pgTable(
  'check_schedules',
  {
    projectId: text('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    frequency: checkScheduleFrequency('frequency').notNull().default('daily'),
    /** Hour of the day (UTC) the run starts; the minute comes from the project id, to spread projects. */
    hourUtc: integer('hour_utc').notNull(),
    /** The slot the next run is for; null when the schedule is off. */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    /** A worker's claim on the due slot; another worker may take it over once it has run out. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    /** Claims of the current slot so far (a slot that keeps failing is given up after a few). */
    attempts: integer('attempts').notNull().default(0),
    /** The run the current claim started (so a worker taking over can close it). */
    runId: text('run_id').references(() => checkRuns.id, { onDelete: 'set null' }),
    lastRunId: text('last_run_id').references(() => checkRuns.id, { onDelete: 'set null' }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    /** Why the last slot could not be run, in plain words (null when it ran). */
    lastError: text('last_error'),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('check_schedules_due_idx').on(t.nextRunAt).where(sql`${t.frequency} <> 'off'`)],
);

export type CheckScheduleRow = typeof checkSchedules.$inferSelect;
