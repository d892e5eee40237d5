/**
 * Findings: what the automated checks found, kept across runs. A finding is identified by its
 * fingerprint (check, code, subject host or URL), so the next run can say it is still open,
 * fixed, or back again (regressed). Every change of state is kept in finding_events.
 */
import { date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { checkRuns } from './check-runs';
import { projects } from './projects';
import { impactArea, itemSeverity } from './roadmap';

/** open → fixed (a later run no longer sees it) → regressed (seen again); accepted is a person's call. */
export const findingState = pgEnum('finding_state', ['open', 'fixed', 'regressed', 'accepted']);

export const findings = pgTable(
  'findings',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** sha-256 of check, code and subject: the same problem on the same host is the same finding. */
    fingerprint: text('fingerprint').notNull(),
    checkId: text('check_id').notNull(),
    code: text('code').notNull(),
    /** The host or URL the finding is about (e.g. "app.shop.example", "https://shop.example/login"). */
    subject: text('subject').notNull(),
    severity: itemSeverity('severity').notNull(),
    impact: impactArea('impact').notNull(),
    /** The latest wording, fix and evidence the check gave. */
    message: text('message').notNull(),
    fix: text('fix').notNull(),
    evidence: jsonb('evidence'),
    state: findingState('state').notNull().default('open'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** When a run last stopped seeing it (null while open). */
    fixedAt: timestamp('fixed_at', { withTimezone: true }),
    lastRunId: text('last_run_id').references(() => checkRuns.id, { onDelete: 'set null' }),
    acceptedReason: text('accepted_reason'),
    acceptedUntil: date('accepted_until', { mode: 'string' }),
    acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
    ownerName: text('owner_name'),
    dueDate: date('due_date', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('findings_project_fingerprint_idx').on(t.projectId, t.fingerprint), index('findings_project_state_idx').on(t.projectId, t.state)],
);

export const findingEventKind = pgEnum('finding_event_kind', ['opened', 'fixed', 'regressed', 'accepted', 'reopened', 'assigned']);

export const findingEvents = pgTable(
  'finding_events',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    findingId: text('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: findingEventKind('kind').notNull(),
    runId: text('run_id').references(() => checkRuns.id, { onDelete: 'set null' }),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    /** A person's reason (accepting a risk), or what changed. */
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('finding_events_finding_idx').on(t.findingId, t.at)],
);

export type FindingRow = typeof findings.$inferSelect;
