/**
 * The checklist's vocabularies, declared once: item status, severity, impact area, item kind and
 * check role. The database enums (db/schema/roadmap.ts), the input schemas
 * (server/trpc/routers/stages/item-schemas.ts), the server types and the screens' labels
 * (components/roadmap/labels.ts) all derive from these lists. Order matters: it is the order
 * founders see in pickers, and for severity it is the order of urgency.
 */

export const ITEM_STATUSES = ['todo', 'in_progress', 'passed', 'failed', 'not_applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  passed: 'Passed',
  failed: 'Failed',
  not_applicable: 'Not applicable',
};

/** How bad a failing item (or a problem a check found) is, most urgent first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
export const SEVERITY_ORDER = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** A check's finding may also be a note (`info`): context, not a problem. */
export const FINDING_SEVERITIES = [...SEVERITIES, 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const isProblemSeverity = (severity: string): severity is Severity => (SEVERITIES as readonly string[]).includes(severity);

/** What a failing item puts at risk. */
export const IMPACT_AREAS = ['onboarding', 'revenue', 'security', 'deliverability', 'operations'] as const;
export type ImpactArea = (typeof IMPACT_AREAS)[number];
export const IMPACT_LABELS: Record<ImpactArea, string> = {
  revenue: 'Revenue',
  security: 'Security',
  deliverability: 'Email deliverability',
  onboarding: 'Onboarding',
  operations: 'Operations',
};

export const ITEM_KINDS = ['check', 'deliverable'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Whether a passing result of the item's check may pass it (`verifies`) or only supports it and
 * waits for a person (`supports`); docs/decisions/0010.
 */
export const CHECK_ROLES = ['verifies', 'supports'] as const;
export type CheckRole = (typeof CHECK_ROLES)[number];
