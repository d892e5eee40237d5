/** What every detector in server/secrets returns, and how one regular expression becomes a rule. */

/** One secret-looking span of a text. Carries where it is, never the value. */
export interface SecretFinding {
  /** Which rule saw it, e.g. "launch-ready/stripe-key". */
  rule: string;
  /** Reads after "This looks like …": "a Stripe secret key". */
  label: string;
  /** [start, end) offsets into the scanned text. */
  start: number;
  end: number;
}

/** A pure, synchronous detector. */
export interface SecretRule {
  id: string;
  find(text: string): SecretFinding[];
}

/**
 * A rule from one regular expression. The secret is capture group 1 when the pattern has one
 * (so `Bearer <token>` reports only the token), else the whole match. `accept` sees the value.
 */
export function patternRule(id: string, label: string, pattern: RegExp, accept: (value: string) => boolean = () => true): SecretRule {
  // `d` gives the group's own offsets; `g` lets matchAll walk the text.
  const flags = [...new Set([...pattern.flags, 'g', 'd'])].join('');
  const global = new RegExp(pattern.source, flags);
  return {
    id,
    find(text) {
      const found: SecretFinding[] = [];
      for (const match of text.matchAll(global)) {
        const [start, end] = match.indices?.[1] ?? match.indices?.[0] ?? [0, 0];
        const value = text.slice(start, end);
        if (value.length > 0 && accept(value)) found.push({ rule: id, label, start, end });
      }
      return found;
    },
  };
}

/** Every finding of every rule: in the order of `rules`, then by position. */
export function findSecrets(text: string, rules: readonly SecretRule[]): SecretFinding[] {
  if (!text) return [];
  return rules.flatMap((rule) => rule.find(text));
}
