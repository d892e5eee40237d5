/** Input for the vault: a name placeholders can use, and a value long enough to be masked reliably. */
import { z } from 'zod';
import { safeText } from '@/server/validation';
import { FRAGMENT } from './mask';
import { SECRET_NAME_PATTERN } from './placeholders';

export const MAX_SECRET_LENGTH = 8192;
export const MAX_SECRETS_PER_PROJECT = 100;

export const secretNameSchema = safeText()
  .min(1, 'Name the secret, e.g. STRIPE_WEBHOOK_SECRET.')
  .max(64, 'Keep the name to 64 characters.')
  .regex(SECRET_NAME_PATTERN, 'Use letters, digits, “_” and “-” only, e.g. TEST_ACCOUNT_PASSWORD.');

/**
 * The value itself: a credential by design (the secret detector is off), kept on the lines it
 * has (a PEM key spans several); leading and trailing spaces are paste accidents and dropped.
 */
export const secretValueSchema = safeText({ secrets: false, multiline: true })
  .min(FRAGMENT, `A secret needs at least ${FRAGMENT} characters: shorter values cannot be hidden reliably in results.`)
  .max(MAX_SECRET_LENGTH, `Keep the value under ${MAX_SECRET_LENGTH.toLocaleString('en-US')} characters.`);

export const setSecretSchema = z.object({ name: secretNameSchema, value: secretValueSchema });
export type SetSecretInput = z.output<typeof setSecretSchema>;
