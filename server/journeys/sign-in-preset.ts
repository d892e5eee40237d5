/**
 * The sign-in journey is a preset of the API journey: from a few answers (where the sign-in is,
 * the test account, the name of the secret holding its password, one page only a signed-in
 * person sees) it writes the steps, which stay editable. Two shapes:
 * - JSON API: POST the credentials as JSON (a token in the answer, if named, is sent as a bearer
 *   token afterwards; the session cookie is kept either way), then load the signed-in endpoint;
 * - HTML form: load the form, capture its hidden CSRF field (the cookie it sets is kept), post the
 *   form with the token, follow the redirect, then load the signed-in page.
 * The password is never written into a step: only {{secret.NAME}}.
 */
import { z } from 'zod';
import type { JourneyStep } from '@/db/schema';
import { requiredText, safeText } from '@/server/validation';

const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const FIELD = /^[A-Za-z0-9_.:[\]-]{1,100}$/;
const field = (message: string) => safeText().regex(FIELD, message);
const url = safeText().min(1, 'Enter the address.').max(2000, 'That address is too long.');

export const signInPresetSchema = z.object({
  mode: z.enum(['json', 'form']),
  /** JSON: the endpoint the credentials are posted to. Form: the page with the form. */
  signInUrl: url,
  /** Form only: where the form posts to (empty: the same address). */
  formActionUrl: safeText().max(2000, 'That address is too long.').nullish().transform((v) => v || null),
  usernameField: field('Enter the name of the email or username field.').default('email'),
  passwordField: field('Enter the name of the password field.').default('password'),
  username: requiredText(200, 'Enter the test account’s email or username.', 'Keep it under 200 characters.'),
  passwordSecret: safeText().regex(SECRET_NAME, 'Enter the name of the stored secret that holds the password, like QA_PASSWORD.'),
  /** Form only: the hidden field with the CSRF token (empty: the form has none). */
  csrfField: field('Enter the name of the hidden CSRF field.').nullish().transform((v) => v || null),
  /** JSON only: where the answer carries a token to send as a bearer token (empty: the cookie is enough). */
  tokenPath: safeText().max(200, 'Keep the path under 200 characters.').nullish().transform((v) => v || null),
  /** A page or endpoint only a signed-in person can load. */
  checkUrl: url,
  /** Text that appears there only when signed in (the account’s email, “Sign out”). */
  checkKeyword: requiredText(200, 'Enter text that appears only when signed in, like the account’s email.', 'Keep it under 200 characters.'),
});
export type SignInPreset = z.output<typeof signInPresetSchema>;

const expectOk = (keyword: string | null = null): JourneyStep['expect'] => ({ status: 'success', jsonPath: null, jsonEquals: null, keyword, maxMs: null });

export function signInSteps(preset: SignInPreset): JourneyStep[] {
  const password = `{{secret.${preset.passwordSecret}}}`;
  const check: JourneyStep = {
    name: 'Load a signed-in page',
    method: 'GET',
    url: preset.checkUrl,
    headers: preset.mode === 'json' && preset.tokenPath ? [{ name: 'authorization', value: 'Bearer {{vars.token}}' }] : [],
    body: null,
    // A redirect back to the sign-in page ends on a 200 too: the keyword is what proves it.
    expect: expectOk(preset.checkKeyword),
    captures: [],
    timeoutMs: 10_000,
  };
  if (preset.mode === 'json') {
    return [
      {
        name: 'Sign in',
        method: 'POST',
        url: preset.signInUrl,
        headers: [{ name: 'content-type', value: 'application/json' }],
        body: JSON.stringify({ [preset.usernameField]: preset.username, [preset.passwordField]: password }),
        expect: { ...expectOk(), status: 'success' },
        captures: preset.tokenPath ? [{ name: 'token', from: 'json', path: preset.tokenPath }] : [],
        timeoutMs: 10_000,
      },
      check,
    ];
  }
  // The placeholders stay readable (not %7B%7B…): they are filled and URL-encoded at run time.
  // An @ stays as it is (form parsers read it literally), so the body reads as an email address.
  const encode = (value: string) => encodeURIComponent(value).replace(/%40/g, '@');
  const body = [`${encode(preset.usernameField)}=${encode(preset.username)}`, `${encode(preset.passwordField)}=${password}`, ...(preset.csrfField ? [`${encode(preset.csrfField)}={{vars.csrf}}`] : [])].join('&');
  return [
    {
      name: 'Open the sign-in form',
      method: 'GET',
      url: preset.signInUrl,
      headers: [],
      body: null,
      expect: expectOk(),
      captures: preset.csrfField ? [{ name: 'csrf', from: 'form-field', path: preset.csrfField }] : [],
      timeoutMs: 10_000,
    },
    {
      name: 'Submit the form',
      method: 'POST',
      url: preset.formActionUrl ?? preset.signInUrl,
      headers: [{ name: 'content-type', value: 'application/x-www-form-urlencoded' }],
      body,
      expect: expectOk(),
      captures: [],
      timeoutMs: 10_000,
    },
    check,
  ];
}
