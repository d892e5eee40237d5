/**
 * The checklist vocabularies are declared once (lib/vocabulary/roadmap.ts); this pins their values
 * (they are stored in the database and sent by browsers, so a change needs a migration) and proves
 * the database enums, the input schemas and the labels all follow the one list.
 */
import { describe, expect, it } from 'vitest';
import { checkRole, impactArea, itemKind, itemSeverity, itemStatus } from '@/db/schema';
import { STATUS_OPTIONS } from '@/components/roadmap/labels';
import { STATUS_LABELS as ACTIVITY_STATUS_WORDS } from '@/server/services/checklist';
import { STATUS_LABEL as HANDOVER_STATUS_LABEL } from '@/server/handover/words';
import { itemChangesSchema, newItemSchema } from '@/server/trpc/routers/stages/item-schemas';
import {
  CHECK_ROLES,
  FINDING_SEVERITIES,
  IMPACT_AREAS,
  IMPACT_LABELS,
  ITEM_KINDS,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  SEVERITIES,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
} from './roadmap';

describe('checklist vocabularies', () => {
  it('keep the values the database stores', () => {
    expect(ITEM_STATUSES).toEqual(['todo', 'in_progress', 'passed', 'failed', 'not_applicable']);
    expect(SEVERITIES).toEqual(['critical', 'high', 'medium', 'low']);
    expect(FINDING_SEVERITIES).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(IMPACT_AREAS).toEqual(['onboarding', 'revenue', 'security', 'deliverability', 'operations']);
    expect(ITEM_KINDS).toEqual(['check', 'deliverable']);
    expect(CHECK_ROLES).toEqual(['verifies', 'supports']);
    expect(SEVERITY_ORDER).toEqual({ critical: 0, high: 1, medium: 2, low: 3 });
  });

  it('are the database enums', () => {
    expect(itemStatus.enumValues).toEqual([...ITEM_STATUSES]);
    expect(itemSeverity.enumValues).toEqual([...SEVERITIES]);
    expect(impactArea.enumValues).toEqual([...IMPACT_AREAS]);
    expect(itemKind.enumValues).toEqual([...ITEM_KINDS]);
    expect(checkRole.enumValues).toEqual([...CHECK_ROLES]);
  });

  it('are what the input schemas accept, and nothing else', () => {
    for (const status of ITEM_STATUSES) expect(itemChangesSchema.shape.status.safeParse(status).success).toBe(true);
    expect(itemChangesSchema.shape.status.safeParse('done').success).toBe(false);
    for (const severity of SEVERITIES) expect(newItemSchema.shape.severity.safeParse(severity).success).toBe(true);
    expect(newItemSchema.shape.severity.safeParse('info').success).toBe(false);
    for (const impact of IMPACT_AREAS) expect(newItemSchema.shape.impact.safeParse(impact).success).toBe(true);
    expect(newItemSchema.shape.impact.safeParse('growth').success).toBe(false);
    for (const kind of ITEM_KINDS) expect(newItemSchema.shape.kind.safeParse(kind).success).toBe(true);
  });

  it('give every value its words, on screens, in the activity log and in the handover pack', () => {
    expect(STATUS_OPTIONS.map((o) => [o.value, o.label])).toEqual([
      ['todo', 'To do'],
      ['in_progress', 'In progress'],
      ['passed', 'Passed'],
      ['failed', 'Failed'],
      ['not_applicable', 'Not applicable'],
    ]);
    expect(ACTIVITY_STATUS_WORDS).toEqual({ todo: 'to do', in_progress: 'in progress', passed: 'passed', failed: 'failed', not_applicable: 'not applicable' });
    expect(HANDOVER_STATUS_LABEL).toEqual({ ...ITEM_STATUS_LABELS, failed: 'Failing' });
    expect(Object.keys(SEVERITY_LABELS)).toEqual([...SEVERITIES]);
    expect(Object.keys(IMPACT_LABELS).sort()).toEqual([...IMPACT_AREAS].sort());
    expect(IMPACT_LABELS.deliverability).toBe('Email deliverability');
  });
});
