/**
 * A project's roadmap: a copy of the chosen template (so later template edits never change a
 * project), its seven stages and their checklist items.
 */
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth';
import { projects } from './projects';
import { STAGE_KEYS } from '@/lib/vocabulary/projects';
import type { RoadmapTemplate, SeedSource, TemplateChapter, TemplateLine } from '@/lib/vocabulary/roadmap-template';
import { CHECK_ROLES, IMPACT_AREAS, ITEM_KINDS, ITEM_STATUSES, SEVERITIES } from '@/lib/vocabulary/roadmap';

export const stageKey = pgEnum('stage_key', STAGE_KEYS);
export const itemKind = pgEnum('item_kind', ITEM_KINDS);
export const itemSeverity = pgEnum('item_severity', SEVERITIES);
export const impactArea = pgEnum('impact_area', IMPACT_AREAS);
export const itemStatus = pgEnum('item_status', ITEM_STATUSES);
export const statusSource = pgEnum('status_source', ['person', 'check']);
/** Whether a passing result of the item's check may pass it, or only supports it (docs/decisions/0010). */
export const checkRole = pgEnum('check_role', CHECK_ROLES);
/**
 * A check's verdict; defined here because check evidence on items records it too. skipped: the
 * check applies but could not run (e.g. ownership not proved); its findings say why and what unblocks it.
 */
export const checkResultStatus = pgEnum('check_result_status', ['pass', 'warn', 'fail', 'error', 'skipped']);

/** The template-level parts of a roadmap (targets, minimum bar, …) copied when it was instantiated. */
export type RoadmapSnapshot = Omit<RoadmapTemplate, 'id' | 'version' | 'match' | 'stages'>;

export const projectRoadmaps = pgTable('project_roadmaps', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  templateId: text('template_id').notNull(),
  templateVersion: integer('template_version').notNull(),
  snapshot: jsonb('snapshot').$type<RoadmapSnapshot>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const projectStages = pgTable(
  'project_stages',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    key: stageKey('key').notNull(),
    position: integer('position').notNull(),
    goal: text('goal').notNull(),
    chapters: jsonb('chapters').$type<TemplateChapter[]>().notNull().default([]),
    failureSignals: jsonb('failure_signals').$type<TemplateLine[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('project_stages_project_key_idx').on(t.projectId, t.key)],
);

export const checklistItems = pgTable(
  'checklist_items',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    stageId: text('stage_id')
      .notNull()
      .references(() => projectStages.id, { onDelete: 'cascade' }),
    /** The template entry this item came from; null for items a person added. */
    templateKey: text('template_key'),
    kind: itemKind('kind').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    severity: itemSeverity('severity').notNull(),
    impact: impactArea('impact').notNull(),
    automatedCheck: text('automated_check'),
    /** Set with automatedCheck: 'verifies' lets a passing result pass the item; 'supports' waits for a person. */
    checkRole: checkRole('check_role'),
    sources: jsonb('sources').$type<SeedSource[]>().notNull().default([]),
    position: integer('position').notNull(),
    status: itemStatus('status').notNull().default('todo'),
    notApplicableReason: text('not_applicable_reason'),
    ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** An owner outside the workspace (e.g. "Sam, the client's developer"). */
    ownerName: text('owner_name'),
    dueDate: date('due_date', { mode: 'string' }),
    notes: text('notes'),
    /** Who set the status last: a person, or the automated check the item names. */
    statusSource: statusSource('status_source').notNull().default('person'),
    /** Set when a person keeps their status even where the automated check disagrees. */
    overrideReason: text('override_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('checklist_items_stage_idx').on(t.stageId, t.position),
    index('checklist_items_project_status_idx').on(t.projectId, t.status),
    uniqueIndex('checklist_items_template_key_idx')
      .on(t.projectId, t.templateKey)
      .where(sql`${t.templateKey} is not null`),
  ],
);

export const evidenceKind = pgEnum('evidence_kind', ['note', 'link', 'check']);

export const itemEvidence = pgTable(
  'item_evidence',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    itemId: text('item_id')
      .notNull()
      .references(() => checklistItems.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: evidenceKind('kind').notNull(),
    body: text('body').notNull(),
    url: text('url'),
    /** For kind 'check': the verdict of the result this entry reports (what a person may confirm). */
    checkStatus: checkResultStatus('check_status'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('item_evidence_item_idx').on(t.itemId, t.createdAt)],
);

export const itemComments = pgTable(
  'item_comments',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    itemId: text('item_id')
      .notNull()
      .references(() => checklistItems.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('item_comments_item_idx').on(t.itemId, t.createdAt)],
);
