/**
 * Handover entries: known limitations, next-step improvements ranked by business value (1–5),
 * and the weekly operating checklist.
 */
import { z } from 'zod';
import { optionalText, requiredText } from '@/server/validation';
import { ENTRY_KINDS, ENTRY_LABELS, type EntryKind } from './vocabulary';

export { ENTRY_KINDS, ENTRY_LABELS, type EntryKind };

export const entryFieldsSchema = z
  .object({
    kind: z.enum(ENTRY_KINDS, 'Choose what kind of entry this is.'),
    title: requiredText(200, 'Give it a short title.', 'Keep the title under 200 characters.'),
    detail: optionalText(2000, 'Keep the detail under 2,000 characters.', { multiline: true }),
    businessValue: z.number().int().min(1, 'Rate it from 1 to 5.').max(5, 'Rate it from 1 to 5.').nullable().optional().transform((v) => v ?? null),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'improvement' && entry.businessValue === null) {
      ctx.addIssue({ code: 'custom', path: ['businessValue'], message: 'Rate its business value from 1 (nice to have) to 5 (protects revenue or trust).' });
    }
  })
  // Only improvements are ranked; a value on anything else would be meaningless.
  .transform((entry) => ({ ...entry, businessValue: entry.kind === 'improvement' ? entry.businessValue : null }));

export type EntryFields = z.output<typeof entryFieldsSchema>;

type Ranked = { businessValue: number | null; position: number };

/** Highest business value first; equal values keep the order they were written in. */
export function rankImprovements<T extends Ranked>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (b.businessValue ?? 0) - (a.businessValue ?? 0) || a.position - b.position);
}
