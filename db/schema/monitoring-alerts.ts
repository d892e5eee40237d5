/**
 * Where alerts go (channels, a fallback contact) and every notification, recorded under a unique
 * (event, destination) key before it is sent, so restarts and retries never send twice.
 */
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth';
import { projects } from './projects';

export const alertChannelKind = pgEnum('alert_channel_kind', ['email', 'slack', 'webhook']);
export const alertDeliveryStatus = pgEnum('alert_delivery_status', ['pending', 'sent', 'failed']);

export type AlertChannelConfig = { email: string } | { url: string } | { url: string; secret: string };

export const alertChannels = pgTable(
  'alert_channels',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: alertChannelKind('kind').notNull(),
    name: text('name').notNull(),
    config: jsonb('config').$type<AlertChannelConfig>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alert_channels_project_idx').on(t.projectId)],
);

/** Per project: who hears about it when no channel works (or none is set up). */
export const alertSettings = pgTable('alert_settings', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  fallbackEmail: text('fallback_email'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A monitor changed state (or a test alert). 'chatbot' reuses this shape: a scheduled chatbot run
 * found critical prompts failing that passed before (server/chatbot/schedule.ts).
 */
export type MonitorAlertPayload = {
  kind: 'down' | 'recovered' | 'degraded' | 'test' | 'chatbot';
  projectName: string;
  monitorId: string | null;
  monitorName: string;
  url: string;
  at: string;
  cause: string | null;
  incidentId: string | null;
  /** The monitor's checks over the last 24 h when the alert was recorded (server/monitoring/uptime.ts). */
  uptime24h?: { checks: number; failures: number };
};

/** A scheduled run found a critical or high problem that is new, or back after it was fixed. */
export type FindingAlertPayload = {
  kind: 'finding';
  projectName: string;
  projectId: string;
  findingId: string;
  transition: 'new' | 'regressed';
  severity: 'critical' | 'high';
  checkTitle: string;
  /** The host or URL it is about. */
  subject: string;
  message: string;
  fix: string;
  runId: string;
  at: string;
};

export type AlertPayload = MonitorAlertPayload | FindingAlertPayload;

export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `monitorId:transition@slot` for a monitor change, `finding:findingId:eventId` for a finding, `test:…` for a test alert. */
    eventKey: text('event_key').notNull(),
    /** A channel id, or `fallback`. */
    destination: text('destination').notNull(),
    channelId: text('channel_id').references(() => alertChannels.id, { onDelete: 'set null' }),
    payload: jsonb('payload').$type<AlertPayload>().notNull(),
    status: alertDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alert_deliveries_key_idx').on(t.eventKey, t.destination),
    index('alert_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('alert_deliveries_project_idx').on(t.projectId, t.createdAt),
  ],
);
