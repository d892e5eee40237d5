/**
 * Monitoring: monitors (the schedule lives here, claimed by any worker with SKIP LOCKED), raw
 * results kept for a bounded window, hourly rollups with a mergeable latency histogram, and
 * incidents. Alert channels and deliveries are in monitoring-alerts.ts.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projects } from './projects';

export const monitorKind = pgEnum('monitor_kind', ['http', 'certificate']);
export const monitorState = pgEnum('monitor_state', ['pending', 'up', 'down', 'degraded']);

export type MonitorHeader = { name: string; value: string };

/** Sparse latency histogram: bucket index (see server/monitoring/histogram.ts) → count. */
export type LatencyHistogram = Record<string, number>;

export const monitors = pgTable(
  'monitors',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: monitorKind('kind').notNull(),
    /** What quick setup created it for (homepage, login, api-health, webhook), null when made by hand. */
    purpose: text('purpose'),
    url: text('url').notNull(),
    method: text('method').notNull().default('GET'),
    /** `success` (200–399), `no-server-error` (below 500) or an exact code such as `200`. */
    expectedStatus: text('expected_status').notNull().default('success'),
    keyword: text('keyword'),
    /** Request headers sent with each check; values may hold `{{secret.NAME}}` (docs/decisions/0014). */
    headers: jsonb('headers').$type<MonitorHeader[]>().notNull().default([]),
    /** Request body for POST/PUT/PATCH/DELETE; may hold `{{secret.NAME}}`. Null: a POST sends `{}`. */
    body: text('body'),
    /** A dotted path into a JSON answer (`data.items.0.status`) that must hold `jsonExpected` (or any value when that is null). */
    jsonPath: text('json_path'),
    jsonExpected: text('json_expected'),
    /** An answer slower than this fails the check (null: only the timeout applies). */
    maxLatencyMs: integer('max_latency_ms'),
    timeoutMs: integer('timeout_ms').notNull().default(10_000),
    intervalSeconds: integer('interval_seconds').notNull(),
    /** Own p95 target; null → the roadmap's common-read target. */
    p95TargetMs: integer('p95_target_ms'),
    failThreshold: integer('fail_threshold').notNull().default(2),
    recoverThreshold: integer('recover_threshold').notNull().default(2),
    enabled: boolean('enabled').notNull().default(true),
    state: monitorState('state').notNull().default('pending'),
    /** Bumped on every state change (a count of changes; notifications are keyed by monitor, kind and slot). */
    stateVersion: integer('state_version').notNull().default(0),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }),
    /**
     * The newest slot whose result the alert state has taken in. A result for this slot or an
     * older one (a re-run after an expired lease, a stale worker's late write) is kept as data
     * but never moves the state again.
     */
    appliedSlotAt: timestamp('applied_slot_at', { withTimezone: true }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    consecutiveSuccesses: integer('consecutive_successes').notNull().default(0),
    /** The scheduled time of the next slot (a point on the monitor's grid). */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    /** Set while a worker holds the slot; an expired lease is re-run by any worker. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    lastOk: boolean('last_ok'),
    lastLatencyMs: real('last_latency_ms'),
    lastError: text('last_error'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('monitors_project_idx').on(t.projectId, t.createdAt),
    index('monitors_due_idx').on(t.nextRunAt).where(sql`${t.enabled}`),
  ],
);

/** One row per executed slot; the primary key makes a re-run of the same slot a no-op. */
export const monitorResults = pgTable(
  'monitor_results',
  {
    monitorId: text('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    latencyMs: real('latency_ms'),
    error: text('error'),
    worker: text('worker'),
  },
  (t) => [primaryKey({ columns: [t.monitorId, t.scheduledAt] }), index('monitor_results_scheduled_idx').on(t.scheduledAt)],
);

/** Hourly rollup per monitor: counts plus a latency histogram, merged by adding counts. */
export const monitorRollups = pgTable(
  'monitor_rollups',
  {
    monitorId: text('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    checks: integer('checks').notNull().default(0),
    failures: integer('failures').notNull().default(0),
    /** Slots nobody ran (every worker was down): "no data", not downtime. */
    missed: integer('missed').notNull().default(0),
    latencySumMs: real('latency_sum_ms').notNull().default(0),
    histogram: jsonb('histogram').$type<LatencyHistogram>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.monitorId, t.hour] }), index('monitor_rollups_project_hour_idx').on(t.projectId, t.hour)],
);

export const monitorIncidents = pgTable(
  'monitor_incidents',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    monitorId: text('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    cause: text('cause').notNull(),
    notes: text('notes'),
    failedChecks: bigint('failed_checks', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('monitor_incidents_project_idx').on(t.projectId, t.startedAt),
    // One open incident per monitor: one incident per outage.
    uniqueIndex('monitor_incidents_open_idx').on(t.monitorId).where(sql`${t.endedAt} is null`),
  ],
);

/** Periodic housekeeping (pruning, the degraded rule): whichever worker moves next_run_at first runs it. */
export const monitorJobs = pgTable('monitor_jobs', {
  job: text('job').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
