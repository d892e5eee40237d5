/** Escalation contacts: called in order; exactly one may be the fallback when nobody answers. */
import { z } from 'zod';
import { optionalText, requiredText } from '@/server/validation';

export const contactFieldsSchema = z
  .object({
    name: requiredText(80, 'Name the contact.', 'Keep the name under 80 characters.'),
    role: optionalText(80, 'Keep the role under 80 characters.'),
    email: z
      .email('Enter an email address like name@example.com.')
      .max(200, 'That email address is too long.')
      .nullable()
      .optional()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    phone: optionalText(40, 'Keep the phone number under 40 characters.').refine(
      (v) => v === null || /^[+0-9()\-.\s/]{3,}$/.test(v),
      'Use digits, spaces and + ( ) - only.',
    ),
    isFallback: z.boolean().default(false),
    notes: optionalText(500, 'Keep notes under 500 characters.', { multiline: true }),
  })
  .refine((c) => c.email !== null || c.phone !== null, { path: ['email'], message: 'Give an email address or a phone number, so they can be reached.' });

export type ContactFields = z.output<typeof contactFieldsSchema>;
