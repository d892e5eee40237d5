/**
 * Automated check runs: who started what, when, the result of every check in the run, and
 * the proof of domain ownership that active probes (rate limit, latency bursts) require.
 */
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projects } from './projects';
import { checkResultStatus, stageKey } from './roadmap';

export const checkRunStatus = pgEnum('check_run_status', ['running', 'done', 'failed']);

export type CheckRunProgress = { total: number; done: number; current: string[] };

export const checkRuns = pgTable(
  'check_runs',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Null when the whole project was checked. */
    stageKey: stageKey('stage_key'),
    checkIds: jsonb('check_ids').$type<string[]>().notNull(),
    /** The target as checked (domains, endpoints), so history reads the same later. */
    target: jsonb('target').$type<Record<string, unknown>>().notNull(),
    status: checkRunStatus('status').notNull().default('running'),
    progress: jsonb('progress').$type<CheckRunProgress>().notNull(),
    startedBy: text('started_by').references(() => user.id, { onDelete: 'set null' }),
    /** The schedule slot a scheduled run was for; null when a person started it. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('check_runs_project_idx').on(t.projectId, t.startedAt)],
);

export type StoredFinding = { severity: string; code: string; message: string; evidence: unknown; fix: string };

export const checkResults = pgTable(
  'check_results',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    runId: text('run_id')
      .notNull()
      .references(() => checkRuns.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    checkId: text('check_id').notNull(),
    status: checkResultStatus('status').notNull(),
    findings: jsonb('findings').$type<StoredFinding[]>().notNull(),
    evidence: jsonb('evidence'),
    durationMs: integer('duration_ms').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('check_results_run_check_idx').on(t.runId, t.checkId), index('check_results_project_check_idx').on(t.projectId, t.checkId, t.createdAt)],
);

export const domainOwnership = pgTable('domain_ownership', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  domain: text('domain').notNull(),
  token: text('token').notNull(),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  method: text('method'),
  lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
  lastError: text('last_error'),
});
