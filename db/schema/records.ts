/**
 * Operating records a founder keeps beside the checklist: environment-variable inventory (names,
 * never values), runbooks, release checklist, escalation contacts and handover entries.
 */
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projects } from './projects';

export const envVars = pgTable(
  'env_vars',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    environments: jsonb('environments').$type<string[]>().notNull().default([]),
    ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
    ownerName: text('owner_name'),
    purpose: text('purpose'),
    isSecret: boolean('is_secret').notNull().default(true),
    /** Where the value lives, e.g. "Vercel project settings" or "1Password: Ops vault". */
    storedIn: text('stored_in'),
    lastRotatedOn: date('last_rotated_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('env_vars_project_name_idx').on(t.projectId, t.name)],
);

export const documentKind = pgEnum('document_kind', ['deployment_runbook', 'rollback_path', 'incident_template']);

export const projectDocuments = pgTable(
  'project_documents',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: documentKind('kind').notNull(),
    body: text('body').notNull(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind] })],
);

export const releasePhase = pgEnum('release_phase', ['build', 'migrate', 'verify', 'rollback']);

export const releaseSteps = pgTable(
  'release_steps',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phase: releasePhase('phase').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    checkedBy: text('checked_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [index('release_steps_project_idx').on(t.projectId, t.phase, t.position)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    /** 1 = called first. */
    escalationOrder: integer('escalation_order').notNull(),
    isFallback: boolean('is_fallback').notNull().default(false),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_project_idx').on(t.projectId, t.escalationOrder)],
);

export const handoverEntryKind = pgEnum('handover_entry_kind', ['known_limitation', 'improvement', 'weekly_check']);

export const handoverEntries = pgTable(
  'handover_entries',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: handoverEntryKind('kind').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    /** Improvements only: 1 (nice to have) … 5 (protects revenue or trust); ranks the list. */
    businessValue: integer('business_value'),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('handover_entries_project_idx').on(t.projectId, t.kind, t.position)],
);
