/**
 * The one rule for every "where to go next" value (sign-in/sign-up `next`, invitation and share
 * return paths, better-auth `callbackURL`): only a path on this site.
 *
 * Checking the text is not enough: browsers drop tabs and newlines from URLs and read `\` as `/`,
 * so `/\t/evil.example` becomes `//evil.example`, another site. The value is refused when it holds
 * any of those, and otherwise parsed as a URL against a stand-in origin; only a result on that
 * origin is kept, rebuilt from its parsed path, query and fragment.
 */
const STAND_IN_ORIGIN = 'https://launch-ready.invalid';
// Control characters, whitespace (browsers strip some of it) and backslashes.
const AMBIGUOUS = /[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;
// An encoded slash or backslash in the path can be decoded by a later hop into `//` or `\`.
const ENCODED_SEPARATOR = /%(2f|5c)/i;

export function safeNextPath(value: string | string[] | undefined | null, fallback = '/app'): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next?.startsWith('/') || next.startsWith('//') || AMBIGUOUS.test(next)) return fallback;
  const pathEnd = next.search(/[?#]/);
  if (ENCODED_SEPARATOR.test(pathEnd === -1 ? next : next.slice(0, pathEnd))) return fallback;
  let url: URL;
  try {
    url = new URL(next, STAND_IN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== STAND_IN_ORIGIN || url.pathname.startsWith('//')) return fallback;
  return url.pathname + url.search + url.hash;
}
