/**
 * Synthetic journeys: ordered requests that share cookies and captured values (an API journey),
 * a sign-in preset of it, and (later) browser journeys. They are scheduled and claimed by the
 * monitor workers exactly like monitors (lease, SKIP LOCKED, state moved once per slot); every
 * run is kept with its per-step timings and masked excerpts (docs/decisions/0017).
 */
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { monitorState } from './monitoring';
import { projects } from './projects';

export const JOURNEY_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * One request of a journey. Text fields may hold {{vars.name}} (a value an earlier step captured)
 * and {{secret.NAME}} (a project secret, filled in at run time, never stored here).
 */
export type JourneyStep = {
  name: string;
  method: (typeof JOURNEY_METHODS)[number];
  url: string;
  headers: { name: string; value: string }[];
  body: string | null;
  expect: {
    /** `success` (2xx/3xx), `no-server-error` or an exact code, as monitors. */
    status: string;
    /** A JSON path (`data.user.email`, `items.0.id`) that must exist, equal to `jsonEquals` when set. */
    jsonPath: string | null;
    jsonEquals: string | null;
    keyword: string | null;
    /** The step fails when it takes longer than this. */
    maxMs: number | null;
  };
  /** Values kept for later steps as {{vars.name}}: from a JSON path, a response header, or an HTML form's hidden field (CSRF tokens). */
  captures: { name: string; from: 'json' | 'header' | 'form-field'; path: string }[];
  timeoutMs: number;
};

/** What a run kept of one step: no secret values (masked), bodies cut to an excerpt. */
export type StepOutcome = {
  name: string;
  method: string;
  /** The address as sent, masked. */
  url: string;
  status: number | null;
  ms: number | null;
  ok: boolean;
  /** Not run because an earlier step failed. */
  skipped: boolean;
  error: string | null;
  excerpt: string | null;
};

export const BROWSER_ACTIONS = ['visit', 'fill', 'click', 'expect-text', 'expect-url'] as const;
export type BrowserAction = (typeof BROWSER_ACTIONS)[number];

/**
 * One step of a browser journey, run in real Chromium. `target` is what the action works on: the
 * address (visit), a CSS or text selector (fill, click), the text that must be visible
 * (expect-text) or the address pattern the page must reach (expect-url, `*` matches anything).
 * `value` is what `fill` types; it may hold {{secret.NAME}}.
 */
export type BrowserStep = {
  name: string;
  action: BrowserAction;
  target: string;
  value: string | null;
  timeoutMs: number;
};

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Browser journeys run in real Chromium through the same claim, write and alert path. */
export const journeyKind = pgEnum('journey_kind', ['sign-in', 'api', 'browser']);

export const journeys = pgTable(
  'journeys',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: journeyKind('kind').notNull(),
    /** Validated by journeyStepsSchema on every write; secrets only as {{secret.NAME}}. */
    steps: jsonb('steps').$type<JourneyStep[]>().notNull(),
    /** The steps of a browser journey (kind 'browser'; `steps` is then empty). */
    browserSteps: jsonb('browser_steps').$type<BrowserStep[]>().notNull().default([]),
    intervalSeconds: integer('interval_seconds').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Own success-rate target in percent; null → the playbook's (sign-in: loginSuccessPercent). */
    targetSuccessPercent: real('target_success_percent'),
    failThreshold: integer('fail_threshold').notNull().default(2),
    recoverThreshold: integer('recover_threshold').notNull().default(2),
    state: monitorState('state').notNull().default('pending'),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }),
    /** The newest slot whose result moved the alert state (as monitors.applied_slot_at). */
    appliedSlotAt: timestamp('applied_slot_at', { withTimezone: true }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    consecutiveSuccesses: integer('consecutive_successes').notNull().default(0),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastOk: boolean('last_ok'),
    lastError: text('last_error'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('journeys_project_idx').on(t.projectId, t.createdAt), index('journeys_due_idx').on(t.nextRunAt).where(sql`${t.enabled}`)],
);

/** One row per executed slot; the key makes a re-run of the same slot a no-op. */
export const journeyRuns = pgTable(
  'journey_runs',
  {
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    /** 0-based index of the step that failed; null when every step passed. */
    failedStep: integer('failed_step'),
    /** Why it failed, masked (no secret values). */
    failReason: text('fail_reason'),
    /** Per-step outcome: timing, status, masked excerpt. */
    steps: jsonb('steps').$type<StepOutcome[]>().notNull(),
    totalMs: real('total_ms').notNull(),
    worker: text('worker'),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.scheduledAt] }), index('journey_runs_project_idx').on(t.projectId, t.scheduledAt)],
);

/**
 * The screenshot of a browser journey's latest failure, one per journey (replaced by the next
 * failure). Kept in the database rather than the data directory: workers on other machines write
 * it and the web app reads it, and the embedded and PostgreSQL modes behave the same.
 */
export const journeyScreenshots = pgTable('journey_screenshots', {
  journeyId: text('journey_id')
    .primaryKey()
    .references(() => journeys.id, { onDelete: 'cascade' }),
  projectId: text('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  failedStep: integer('failed_step'),
  /** The page's address when it failed, masked. */
  pageUrl: text('page_url'),
  png: bytea('png').notNull(),
});
