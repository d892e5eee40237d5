/**
 * Project secrets (server/vault): values a monitor or journey sends — API keys, test-account
 * passwords, webhook signing secrets — stored only as AES-256-GCM ciphertext. The key never
 * touches the database; `key_id` says which configured key sealed the row, so rotation knows
 * what is left to re-seal.
 */
import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projects } from './projects';

export const projectSecrets = pgTable(
  'project_secrets',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** What placeholders name: `{{secret.NAME}}`. */
    name: text('name').notNull(),
    /** base64 of the sealed value; iv (12 bytes) and GCM tag (16 bytes) beside it, also base64. */
    ciphertext: text('ciphertext').notNull(),
    iv: text('iv').notNull(),
    tag: text('tag').notNull(),
    keyId: text('key_id').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_secrets_project_name_idx').on(t.projectId, t.name),
    // The service validates names too; the table refuses anything a placeholder could not name.
    check('project_secrets_name_check', sql`${t.name} ~ '^[A-Za-z0-9_-]{1,64}$'`),
  ],
);
