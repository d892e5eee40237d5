/** What an environment-variable inventory entry may hold: names and facts about the value, never the value. */
import { z } from 'zod';
import { calendarDateSchema, optionalText, requiredText, safeText } from '@/server/validation';

/** Offered beside the environments the project lists in its settings. */
export const DEFAULT_ENVIRONMENTS = ['production', 'preview', 'development'] as const;

const nameMessage = (kind: string) =>
  `Only the variable’s name goes here (e.g. STRIPE_SECRET_KEY). This looks like ${kind}: never paste the value. Nothing was saved.`;

export const envVarFieldsSchema = z.object({
  name: safeText({ secrets: (f) => nameMessage(f.kind) })
    .min(1, 'Name the variable, e.g. DATABASE_URL.')
    .max(120, 'Keep the name under 120 characters.')
    // `NAME=value` pasted whole: refuse even when the value does not look secret.
    .refine((v) => !v.includes('='), 'Only the name goes here: remove “=” and everything after it. Values are never stored.')
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'Use letters, digits and underscores, starting with a letter (e.g. STRIPE_SECRET_KEY).'),
  environments: z
    .array(requiredText(40, 'Name the environment.', 'Keep environment names under 40 characters.'))
    .max(10, 'Pick at most 10 environments.')
    .default([])
    .transform((list) => [...new Set(list)]),
  ownerUserId: z.uuid('Pick a member from the list.').nullable().optional().transform((v) => v ?? null),
  ownerName: optionalText(80, 'Keep the owner’s name under 80 characters.'),
  purpose: optionalText(300, 'Keep the purpose under 300 characters.', { multiline: true }),
  isSecret: z.boolean('Say whether the value is secret.').default(true),
  storedIn: optionalText(200, 'Keep this under 200 characters.'),
  lastRotatedOn: calendarDateSchema
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null)
    .refine((v) => v === null || v <= new Date().toISOString().slice(0, 10), 'The last rotation cannot be in the future.'),
});

export type EnvVarFields = z.output<typeof envVarFieldsSchema>;
