/** Input schemas for checklist items, shared by every stage router. */
import { z } from 'zod';
import { idSchema } from '../../init';

const ITEM_STATUSES = ['todo', 'in_progress', 'passed', 'failed', 'not_applicable'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const IMPACT_AREAS = ['onboarding', 'revenue', 'security', 'deliverability', 'operations'] as const;
export const ITEM_FILTERS = ['all', 'mine', 'overdue', 'failing', 'critical'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).nullable().optional();

export const dueDateSchema = z.iso.date('Use a date like 2026-12-31.').nullable().optional();

const evidenceFields = {
  body: z.string().trim().min(1, 'Describe the evidence.').max(2000, 'Keep evidence under 2,000 characters.'),
  url: z
    .url({ protocol: /^https?$/, error: 'Links must start with https:// or http://' })
    .max(2000, 'That link is too long.')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
};

export const itemChangesSchema = z.object({
  itemId: idSchema,
  status: z.enum(ITEM_STATUSES, 'Choose a status.').optional(),
  notApplicableReason: optionalText(500, 'Keep the reason under 500 characters.'),
  ownerUserId: idSchema.nullable().optional(),
  ownerName: optionalText(80, 'Keep the name under 80 characters.'),
  dueDate: dueDateSchema,
  notes: optionalText(5000, 'Keep notes under 5,000 characters.'),
  overrideReason: optionalText(500, 'Keep the reason under 500 characters.'),
  /** What shows the item is done, recorded with the change (Passed needs evidence). */
  evidence: z.object(evidenceFields).optional(),
});

export const evidenceSchema = z.object({ itemId: idSchema, ...evidenceFields });

export const commentSchema = z.object({
  itemId: idSchema,
  body: z.string().trim().min(1, 'Write a comment.').max(2000, 'Keep comments under 2,000 characters.'),
});

export const newItemSchema = z.object({
  title: z.string().trim().min(3, 'Give the item a title.').max(200, 'Keep the title under 200 characters.'),
  detail: optionalText(2000, 'Keep the detail under 2,000 characters.'),
  kind: z.enum(['check', 'deliverable'], 'Choose check or deliverable.'),
  severity: z.enum(SEVERITIES, 'Choose a severity.'),
  impact: z.enum(IMPACT_AREAS, 'Choose an impact area.'),
});
