/** Risks a person adds, go / no-go decisions, the founder self-assessment and the activity log. */
import { bigserial, boolean, date, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projects } from './projects';
import { impactArea, itemSeverity } from './roadmap';

export const riskStatus = pgEnum('risk_status', ['open', 'mitigated', 'accepted']);

export const manualRisks = pgTable(
  'manual_risks',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    detail: text('detail'),
    severity: itemSeverity('severity').notNull(),
    impact: impactArea('impact').notNull(),
    ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
    ownerName: text('owner_name'),
    deadline: date('deadline', { mode: 'string' }),
    status: riskStatus('status').notNull().default('open'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('manual_risks_project_idx').on(t.projectId)],
);

export const goDecision = pgEnum('go_decision', ['go', 'no_go']);

/** Reasons were plain text before they carried links; `evidence` is what the verdict was computed from. */
export type RecommendationSnapshot = {
  verdict: 'go' | 'no-go' | 'not-yet';
  reasons: (string | { level: string; kind: string; text: string; href: string | null })[];
  evidence?: Record<string, unknown>;
};

export const goDecisions = pgTable(
  'go_decisions',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    decision: goDecision('decision').notNull(),
    reason: text('reason').notNull(),
    /** What the app recommended at the moment of deciding, kept for the history. */
    recommendation: jsonb('recommendation').$type<RecommendationSnapshot>().notNull(),
    decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('go_decisions_project_idx').on(t.projectId, t.decidedAt)],
);

export const founderAnswers = pgTable(
  'founder_answers',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    answer: boolean('answer').notNull(),
    answeredBy: text('answered_by').references(() => user.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.questionKey] })],
);

export const activityLog = pgTable(
  'activity_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    /** A stable verb, e.g. 'item.status', 'risk.create', 'decision.record'. */
    action: text('action').notNull(),
    /** One sentence a person can read: "marked “Force HTTPS” as passed". */
    summary: text('summary').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_log_project_idx').on(t.projectId, t.createdAt)],
);
