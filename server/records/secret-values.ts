/**
 * Spots credential values pasted into operating records (the env-var inventory, runbooks,
 * contacts …), so they are refused before anything is stored. Pure and synchronous.
 *
 * Three signals: known key prefixes, `NAME=value` assignments of secret-sounding names, and
 * long random-looking tokens. A finding names the kind of value, never the value itself.
 *
 * To unify later with the bundle secret scan (server/checks/secrets*) and the handover pack's
 * redaction (server/handover/redact.ts), which cover overlapping patterns.
 */

export type SecretFinding = { kind: string };

type KnownPattern = { kind: string; pattern: RegExp };

/** Provider formats; each pattern matches the whole credential. */
const KNOWN: KnownPattern[] = [
  { kind: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: 'a Stripe secret key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/ },
  { kind: 'a webhook signing secret', pattern: /\bwhsec_[A-Za-z0-9+/=]{12,}/ },
  { kind: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
  { kind: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{16,}/ },
  { kind: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Slack webhook address', pattern: /hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/ },
  { kind: 'a Discord webhook address', pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{30,}/ },
  { kind: 'an OpenAI or Anthropic key', pattern: /\bsk-(?:proj-|ant-(?:api\d+-)?)?[A-Za-z0-9_-]{20,}/ },
  { kind: 'a SendGrid key', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/ },
  { kind: 'a Resend key', pattern: /\bre_[A-Za-z0-9]{8,}_[A-Za-z0-9]{8,}/ },
  { kind: 'a Mailgun key', pattern: /\bkey-[0-9a-f]{32}\b/ },
  { kind: 'a Twilio key', pattern: /\bSK[0-9a-f]{32}\b/ },
  { kind: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: 'a Shopify token', pattern: /\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b/ },
  { kind: 'a Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}/ },
  { kind: 'a JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { kind: 'a bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{16,}/ },
];

/** Names whose values are credentials (`STRIPE_SECRET_KEY`, `db_password`, `API_KEY`). */
const SECRET_NAME = /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|private[_-]?key|access[_-]?key|credential|signing[_-]?key|client[_-]?key|auth[_-]?key)/i;

/** `NAME=value`, `NAME: value`, `"name": "value"` — name, separator and value in groups 1–3. */
const ASSIGNMENT = /["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*([=:])\s*["']?([^\s"',;]+)/g;

/** Values that stand for a secret without being one: `$VAR`, `${{ secrets.X }}`, `<your key>`, `****`. */
function isPlaceholder(value: string): boolean {
  if (/^(?:\$|%|<|\{\{|\[)/.test(value)) return true;
  if (/^(.)\1*$/.test(value)) return true; // "****", "xxxx"
  if (/^(?:x{3,}|\.{3,}|…|redacted|hidden|changeme|placeholder|example|none|null|undefined|true|false|yes|no|on|off)$/i.test(value)) return true;
  return false;
}

/** `scheme://user:password@host`: the password part, unless it is a placeholder. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/gi;

/** Query parameters that carry credentials (`?token=…`, `&sig=…`). */
const URL_SECRET_PARAM = /[?&](?:[a-z_]*(?:token|secret|key|sig|signature|password|auth)[a-z_]*)=([^\s&#]+)/gi;

const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

/** Runs long enough to be keys; shorter random strings are too common to refuse. */
const TOKEN_RUN = /[A-Za-z0-9+/_=.-]{24,}/g;

function entropyBitsPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** "MyServiceConfigurationBackup2024": whole words (4+ letters on average) and a year or version. */
function isWordsRunTogether(run: string): boolean {
  if (!/^[A-Za-z0-9]+$/.test(run)) return false;
  const words = run.match(/[A-Z][a-z]*|[a-z]+/g) ?? [];
  const letters = words.reduce((n, w) => n + w.length, 0);
  return words.length > 0 && letters / words.length >= 4;
}

/**
 * Random-looking: upper case, lower case and digits mixed with high entropy. Hex ids (git
 * hashes, UUIDs) and identifiers in one case are not, so runbooks can still quote them.
 */
export function looksRandom(run: string): boolean {
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run) || !/[0-9]/.test(run)) return false;
  if (isWordsRunTogether(run)) return false;
  return entropyBitsPerChar(run) >= 3.7;
}

/**
 * `KEY=value` is unambiguous. After a colon prose is common ("Password: kept in 1Password"),
 * so there the value must look like a credential: digits or symbols, not a plain word.
 */
function assignmentFinding(text: string): SecretFinding | null {
  for (const match of text.matchAll(ASSIGNMENT)) {
    const [, name = '', separator, value = ''] = match;
    if (value.length < 6 || isPlaceholder(value)) continue;
    const credentialLike = separator === '=' || /[^A-Za-z-]/.test(value);
    if ((SECRET_NAME.test(name) && credentialLike) || (value.length >= 16 && looksRandom(value))) return { kind: `a value for ${name}` };
  }
  return null;
}

function urlFinding(text: string): SecretFinding | null {
  for (const match of text.matchAll(URL_PASSWORD)) {
    if (!isPlaceholder(match[1] ?? '')) return { kind: 'a password inside a link' };
  }
  for (const match of text.matchAll(URL_SECRET_PARAM)) {
    const value = match[1] ?? '';
    if (value.length >= 8 && !isPlaceholder(value)) return { kind: 'a token inside a link' };
  }
  return null;
}

/** The first secret-looking value in the text, or null when there is none. */
export function findSecretValue(text: string): SecretFinding | null {
  if (!text) return null;
  for (const { kind, pattern } of KNOWN) if (pattern.test(text)) return { kind };
  const inUrl = urlFinding(text);
  if (inUrl) return inUrl;
  // Links are judged above by their credentials only: document ids in paths are not secrets.
  const withoutUrls = text.replace(URL, ' ');
  const assigned = assignmentFinding(withoutUrls);
  if (assigned) return assigned;
  for (const run of withoutUrls.match(TOKEN_RUN) ?? []) if (looksRandom(run)) return { kind: 'a random-looking key or token' };
  return null;
}
