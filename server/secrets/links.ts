/** Credentials carried inside links: `scheme://user:password@host` and `?token=…` parameters. */
import { patternRule, type SecretRule } from './finding';
import { isPlaceholder } from './placeholders';

// Schemes are short: an open-ended `[a-z0-9+.-]*` rescanned "a.a.a.…" from every dot (quadratic).
const LINK = /\b[a-z][a-z0-9+.-]{0,30}:\/\/\S+/gi;

/** The text with every link blanked to spaces of the same length, so offsets still fit the original. */
export function blankLinks(text: string): string {
  return text.replace(LINK, (link) => ' '.repeat(link.length));
}

/** The password part of `scheme://user:password@host`. `skipPlaceholders`: leave `:$DB_PASSWORD@` alone. */
export function linkPasswords(options: { skipPlaceholders: boolean }): SecretRule {
  const accept = options.skipPlaceholders ? (value: string) => !isPlaceholder(value) : undefined;
  return patternRule('launch-ready/link-password', 'a password inside a link', /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]+:([^\s@/]+)@/i, accept);
}

/** Query parameters that carry credentials (`?token=…`, `&sig=…`), 8 characters or more, placeholders aside. */
export function linkTokens(): SecretRule {
  return patternRule(
    'launch-ready/link-token',
    'a token inside a link',
    /[?&](?:[a-z_]{0,40}(?:token|secret|key|sig|signature|password|auth)[a-z_]{0,40})=([^\s&#]+)/i,
    (value) => value.length >= 8 && !isPlaceholder(value),
  );
}
