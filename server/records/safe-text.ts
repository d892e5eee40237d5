/**
 * Zod text fields for operating records that refuse pasted credentials. The secret check runs
 * first, so its message is the one shown beside the field; the value is never echoed back.
 */
import { z } from 'zod';
import { findSecretValue, type SecretFinding } from './secret-values';

export type SecretMessage = (finding: SecretFinding) => string;

export const neverValues: SecretMessage = (f) =>
  `This looks like ${f.kind}. Never paste secret values here: write where the value is kept instead. Nothing was saved.`;

/** A trimmed string that must not contain a secret-looking value. */
export function secretFree(message: SecretMessage = neverValues) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const finding = findSecretValue(value);
      if (finding) ctx.addIssue({ code: 'custom', message: message(finding) });
    });
}

/** Required text: `label` names it in the "missing" message. */
export const requiredText = (max: number, missing: string, tooLong: string, message?: SecretMessage) => secretFree(message).min(1, missing).max(max, tooLong);

/** Optional text: empty becomes null, so clearing a field clears it. */
export const optionalText = (max: number, tooLong: string, message?: SecretMessage) =>
  secretFree(message)
    .max(max, tooLong)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
