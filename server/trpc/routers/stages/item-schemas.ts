/** Input schemas for checklist items, shared by every stage router. */
import { z } from 'zod';
import { idSchema } from '../../init';
import { IMPACT_AREAS, ITEM_KINDS, ITEM_STATUSES, SEVERITIES } from '@/lib/vocabulary/roadmap';
import { calendarDateSchema, noCredentialsInLinks, patchText, requiredText, safeText } from '@/server/validation';

export { IMPACT_AREAS, SEVERITIES };
export const ITEM_FILTERS = ['all', 'mine', 'overdue', 'failing', 'critical'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

const multiline = { multiline: true } as const;

export const dueDateSchema = calendarDateSchema.nullable().optional();

const evidenceFields = {
  body: requiredText(2000, 'Describe the evidence.', 'Keep evidence under 2,000 characters.', multiline),
  url: safeText({ secrets: noCredentialsInLinks })
    .max(2000, 'That link is too long.')
    .pipe(z.url({ protocol: /^https?$/, error: 'Links must start with https:// or http://' }))
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
};

export const itemChangesSchema = z.object({
  itemId: idSchema,
  status: z.enum(ITEM_STATUSES, 'Choose a status.').optional(),
  notApplicableReason: patchText(500, 'Keep the reason under 500 characters.', multiline),
  ownerUserId: idSchema.nullable().optional(),
  ownerName: patchText(80, 'Keep the name under 80 characters.'),
  dueDate: dueDateSchema,
  notes: patchText(5000, 'Keep notes under 5,000 characters.', multiline),
  overrideReason: patchText(500, 'Keep the reason under 500 characters.', multiline),
  /** What shows the item is done, recorded with the change (Passed needs evidence). */
  evidence: z.object(evidenceFields).optional(),
});

export const evidenceSchema = z.object({ itemId: idSchema, ...evidenceFields });

export const commentSchema = z.object({
  itemId: idSchema,
  body: requiredText(2000, 'Write a comment.', 'Keep comments under 2,000 characters.', multiline),
});

export const newItemSchema = z.object({
  title: requiredText(200, 'Give the item a title.', 'Keep the title under 200 characters.').min(3, 'Give the item a title.'),
  detail: patchText(2000, 'Keep the detail under 2,000 characters.', multiline),
  kind: z.enum(ITEM_KINDS, 'Choose check or deliverable.'),
  severity: z.enum(SEVERITIES, 'Choose a severity.'),
  impact: z.enum(IMPACT_AREAS, 'Choose an impact area.'),
});
