import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Development outbox: when no SMTP server is configured, outgoing mail lands here so a
 * local user can still follow verification and reset links (see app/outbox).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body').notNull(),
    /** The sender's key for one logical message (alerts): a repeat after a crash is not stored twice. */
    messageKey: text('message_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_messages_created_idx').on(t.createdAt), uniqueIndex('outbox_messages_key_idx').on(t.messageKey)],
);
