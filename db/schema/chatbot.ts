/**
 * Chatbot launch checks (docs/decisions/0015): per project, the chat request template, the leak
 * canary and the weekly re-run schedule; the prompt set with its expectations (versioned: every
 * edit bumps the set's version, and each run keeps the prompts as they were); runs and one result
 * per prompt, with the masked answer, timings, each expectation's outcome and a person's review.
 */
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projects } from './projects';
import { itemSeverity } from './roadmap';
import { PROMPT_CATEGORIES, type Expectation, type ExpectationOutcome } from '@/lib/vocabulary/chatbot';

export const chatbotSettings = pgTable(
  'chatbot_settings',
  {
    projectId: text('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** JSON body with {{prompt}} (server/chat/template.ts). */
    requestTemplate: text('request_template').notNull(),
    /** Dotted path to the answer in a JSON reply or event; null: the usual places. */
    answerPath: text('answer_path'),
    /** The string the founder puts in the bot's system prompt; never shown to clients. */
    canary: text('canary').notNull(),
    canaryCreatedAt: timestamp('canary_created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on every change to the prompt set; runs record the version they ran. */
    promptSetVersion: integer('prompt_set_version').notNull().default(1),
    scheduleEnabled: boolean('schedule_enabled').notNull().default(true),
    scheduleEveryDays: integer('schedule_every_days').notNull().default(7),
    /** When the scheduled re-run is due; a worker claims it (FOR UPDATE SKIP LOCKED) with a lease. */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leasedBy: text('leased_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [index('chatbot_settings_due_idx').on(t.nextRunAt)],
);

export const promptCategory = pgEnum('chatbot_prompt_category', PROMPT_CATEGORIES);

export const chatbotPrompts = pgTable(
  'chatbot_prompts',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    category: promptCategory('category').notNull(),
    title: text('title').notNull(),
    prompt: text('prompt').notNull(),
    expectations: jsonb('expectations').$type<Expectation[]>().notNull(),
    severity: itemSeverity('severity').notNull(),
    /** The playbook suggestion it came from (null: written by a person). */
    suggestionKey: text('suggestion_key'),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [index('chatbot_prompts_project_idx').on(t.projectId, t.position)],
);

export const chatbotRunStatus = pgEnum('chatbot_run_status', ['running', 'done', 'failed']);
export const chatbotRunTrigger = pgEnum('chatbot_run_trigger', ['person', 'schedule']);

export type ChatbotRunSummary = {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  /** p95 of the complete replies and of the reply starts, ms (null when nothing answered). */
  p95TotalMs: number | null;
  p95StartMs: number | null;
  /** Critical prompts that passed in the previous run and fail in this one (the alert's subject). */
  criticalRegressions: string[];
};

export const chatbotRuns = pgTable(
  'chatbot_runs',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    trigger: chatbotRunTrigger('trigger').notNull(),
    status: chatbotRunStatus('status').notNull().default('running'),
    promptSetVersion: integer('prompt_set_version').notNull(),
    /** The endpoint as called (URL and method; never headers). */
    endpointUrl: text('endpoint_url').notNull(),
    startedBy: text('started_by').references(() => user.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    summary: jsonb('summary').$type<ChatbotRunSummary>(),
    error: text('error'),
  },
  (t) => [index('chatbot_runs_project_idx').on(t.projectId, t.startedAt)],
);

export const chatbotResultStatus = pgEnum('chatbot_result_status', ['pass', 'fail', 'error']);
export const chatbotReviewDecision = pgEnum('chatbot_review_decision', ['reviewed', 'accepted']);

export const chatbotResults = pgTable(
  'chatbot_results',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    runId: text('run_id')
      .notNull()
      .references(() => chatbotRuns.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The prompt's id when run (kept as text: the diff follows a prompt across runs even after it is deleted). */
    promptId: text('prompt_id').notNull(),
    position: integer('position').notNull(),
    category: promptCategory('category').notNull(),
    title: text('title').notNull(),
    /** The prompt and expectations as run (the set may change later). */
    prompt: text('prompt').notNull(),
    expectations: jsonb('expectations').$type<Expectation[]>().notNull(),
    severity: itemSeverity('severity').notNull(),
    status: chatbotResultStatus('status').notNull(),
    /** Masked (secrets, canary) and shortened; null when nothing answered. */
    answer: text('answer'),
    outcomes: jsonb('outcomes').$type<ExpectationOutcome[]>().notNull(),
    httpStatus: integer('http_status'),
    format: text('format'),
    firstByteMs: integer('first_byte_ms'),
    firstTextMs: integer('first_text_ms'),
    totalMs: integer('total_ms'),
    canaryLeaked: boolean('canary_leaked').notNull().default(false),
    reviewDecision: chatbotReviewDecision('review_decision'),
    reviewReason: text('review_reason'),
    reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chatbot_results_run_idx').on(t.runId, t.position), index('chatbot_results_prompt_idx').on(t.projectId, t.promptId, t.createdAt)],
);

export type ChatbotSettingsRow = typeof chatbotSettings.$inferSelect;
export type ChatbotPromptRow = typeof chatbotPrompts.$inferSelect;
export type ChatbotRunRow = typeof chatbotRuns.$inferSelect;
export type ChatbotResultRow = typeof chatbotResults.$inferSelect;
