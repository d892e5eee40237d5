import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { workspaces } from './workspaces';
import { MATURITIES, PRODUCT_TYPES, SEGMENTS, type EndpointKind, type HttpMethod } from '@/lib/vocabulary/projects';

export const productType = pgEnum('product_type', PRODUCT_TYPES);
export const marketSegment = pgEnum('market_segment', SEGMENTS);
export const maturity = pgEnum('maturity', MATURITIES);
export const canonicalHost = pgEnum('canonical_host', ['apex', 'www']);
export const projectStatus = pgEnum('project_status', ['active', 'archived']);

export type ProjectEndpoint = {
  kind: EndpointKind;
  method: HttpMethod;
  url: string;
  label?: string;
  /** Set by hand; when absent the playbook's target for the endpoint's kind applies (server/targets). */
  p95TargetMs?: number;
  /** For a payment webhook: the NAME of the project secret (server/vault) holding its test signing secret. */
  signingSecret?: string;
  /** Sent with every measurement; values may hold `{{secret.NAME}}` (docs/decisions/0014). */
  headers?: { name: string; value: string }[];
  /** The body a write is measured with; may hold `{{secret.NAME}}`. */
  body?: string | null;
  /** The person says replaying this write is harmless (a sandbox, an idempotent call): the latency check may send it. */
  safeToReplay?: boolean;
};
export type ProjectEnvironment = { name: string; url?: string };

export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    productType: productType('product_type').notNull(),
    segment: marketSegment('segment').notNull(),
    maturity: maturity('maturity').notNull(),
    primaryDomain: text('primary_domain').notNull(),
    canonicalHost: canonicalHost('canonical_host').notNull().default('apex'),
    subdomains: jsonb('subdomains').$type<string[]>().notNull().default([]),
    mailDomain: text('mail_domain'),
    dkimSelectors: jsonb('dkim_selectors').$type<string[]>().notNull().default([]),
    productionUrl: text('production_url'),
    endpoints: jsonb('endpoints').$type<ProjectEndpoint[]>().notNull().default([]),
    environments: jsonb('environments').$type<ProjectEnvironment[]>().notNull().default([]),
    status: projectStatus('status').notNull().default('active'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Bumped by database triggers whenever what the project's pages show changes (content) or its
     * monitoring rollups move (monitoring); cached reads are keyed by them. See docs/decisions/0009.
     */
    contentRevision: bigint('content_revision', { mode: 'number' }).notNull().default(0),
    monitoringRevision: bigint('monitoring_revision', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('projects_workspace_idx').on(t.workspaceId, t.status)],
);
