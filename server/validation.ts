/**
 * Small zod pieces shared by several routers, and THE string schema for free text: every text a
 * person types into any record goes through `safeText` (or `requiredText` / `optionalText`,
 * built on it), so a new field cannot forget the checks. server/trpc/tests/input-audit.test.ts
 * walks every procedure's input and fails when a string field skips them.
 */
import { z } from 'zod';
import './validation-messages';
import { CLIENT_ROLES, WORKSPACE_ROLES } from './auth/permissions';
import { findSecretValue, type SecretFinding } from './records/secret-values';

export type SecretMessage = (finding: SecretFinding) => string;

export const neverValues: SecretMessage = (f) =>
  `This looks like ${f.kind}. Never paste secret values here: write where the value is kept instead. Nothing was saved.`;

/** For addresses: a credential in a link is refused like any other pasted secret. */
export const noCredentialsInLinks: SecretMessage = (f) =>
  `This address carries ${f.kind}. Leave passwords and tokens out of links: they would be shown to everyone who sees the project. Nothing was saved.`;

/**
 * C0 control characters and DEL: NUL breaks PostgreSQL text, the rest is invisible and comes
 * from terminals or binary pastes. Tab is allowed everywhere; line breaks only in multi-line text.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n]/;

/** Every field's limit is far below this; longer input is refused by `max` without being scanned. */
const SCAN_LIMIT = 100_000;

export interface TextOptions {
  /** Notes, details, bodies and reasons keep their line breaks. */
  multiline?: boolean;
  /** The refusal for a pasted credential; `false` only for a field that holds one by design (a webhook address). */
  secrets?: SecretMessage | false;
}

/** A trimmed string without control characters or secret-looking values; messages name the problem, never echo the value. */
export function safeText(options: TextOptions = {}) {
  const secretMessage = options.secrets ?? neverValues;
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (CONTROL.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'Remove the invisible control characters (often pasted from a terminal or a file). Nothing was saved.' });
        return;
      }
      // Before the line check: a pasted private key spans lines, and "this is a key" is the message that helps.
      const finding = secretMessage !== false && value.length <= SCAN_LIMIT ? findSecretValue(value) : null;
      if (finding && secretMessage) ctx.addIssue({ code: 'custom', message: secretMessage(finding) });
      else if (!options.multiline && LINE_BREAK.test(value)) ctx.addIssue({ code: 'custom', message: 'Keep this on one line.' });
    });
}

/** Required text: `missing` when empty, `tooLong` past `max`. */
export const requiredText = (max: number, missing: string, tooLong: string, options?: TextOptions) => safeText(options).min(1, missing).max(max, tooLong);

/** Optional text: empty or absent becomes null, so clearing a field clears it (whole-record forms). */
export const optionalText = (max: number, tooLong: string, options?: TextOptions) =>
  safeText(options)
    .max(max, tooLong)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** Optional text in a partial update: absent stays absent (unchanged), null or empty clears. */
export const patchText = (max: number, tooLong: string, options?: TextOptions) => safeText(options).max(max, tooLong).nullable().optional();

/** A key the server looks up (a template, a question, a suggestion): lower-case words, dots and hyphens. */
export const lookupKeySchema = safeText()
  .max(100, 'Unknown choice.')
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'Unknown choice.');

/** The calendar range the app plans in; outside it a date is a typo (or year 0000, which PostgreSQL refuses). */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';

/** A real calendar date (no 2026-02-30), written YYYY-MM-DD, between 2000 and 2100. */
export const calendarDateSchema = z.iso
  .date('Use a date like 2026-12-31.')
  .refine((v) => v >= FIRST_DATE && v <= LAST_DATE, 'Pick a date between the years 2000 and 2100.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const workspaceNameSchema = requiredText(80, 'Give the workspace a name.', 'Keep the name under 80 characters.');
export const workspaceRoleSchema = z.enum(WORKSPACE_ROLES, 'Choose owner, admin or member.');
export const clientRoleSchema = z.enum(CLIENT_ROLES, 'Choose what the client may do.');
/** Emailed link tokens are base64url; anything else cannot be one. */
export const tokenSchema = z
  .string()
  .min(20, 'This link is not valid.')
  .max(200, 'This link is not valid.')
  .regex(/^[A-Za-z0-9_-]+$/, 'This link is not valid.');
