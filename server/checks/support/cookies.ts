/** Set-Cookie headers read with set-cookie-parser, reduced to flags: values never leave here whole. */
import { parseSetCookie } from 'set-cookie-parser';
import { maskSecret } from '@/server/secrets/mask';

export interface CookieFlags {
  name: string;
  /** Masked: first characters and length only. */
  value: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
  domain: string | null;
  path: string | null;
  persistent: boolean;
}

export function readSetCookies(headerValues: readonly string[] | undefined): CookieFlags[] {
  if (!headerValues || headerValues.length === 0) return [];
  return parseSetCookie([...headerValues], { decodeValues: false, silent: true }).map((cookie) => ({
    name: cookie.name,
    value: maskSecret(cookie.value),
    secure: cookie.secure === true,
    httpOnly: cookie.httpOnly === true,
    sameSite: cookie.sameSite ? cookie.sameSite.toLowerCase() : null,
    domain: cookie.domain ?? null,
    path: cookie.path ?? null,
    persistent: cookie.expires !== undefined || cookie.maxAge !== undefined,
  }));
}

const SESSION_LIKE = /sess|(^|[_.-])sid($|[_.-])|auth|token|jwt|login|remember|identity|account|user_?id|^__host-|^__secure-/i;
const CSRF = /csrf|xsrf/i;

/** Cookies that identify a signed-in user and would hand over the account if stolen. */
export function isSessionLike(name: string): boolean {
  return SESSION_LIKE.test(name) && !CSRF.test(name);
}

/** CSRF tokens are often meant to be read by scripts (double-submit), so HttpOnly is not required. */
export function isCsrfToken(name: string): boolean {
  return CSRF.test(name);
}
