import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth';
import { projects } from './projects';

/** What a client may do on a project shared with them. */
export const clientRole = pgEnum('client_role', ['viewer', 'commenter', 'collaborator']);

export const projectShares = pgTable(
  'project_shares',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: clientRole('role').notNull(),
    /** Set when the client accepts the emailed link; only accepted shares grant access. */
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_shares_live_idx')
      .on(t.projectId, t.email)
      .where(sql`${t.revokedAt} is null`),
    index('project_shares_user_idx').on(t.userId),
  ],
);
