/**
 * Secrets pasted into free text (notes, evidence, risk details, runbooks) never reach a pack:
 * anything that looks like a credential is replaced by a marker before rendering. Over-masking
 * is the accepted failure mode; a leaked key is not.
 */
export const SECRET_MARKER = '[secret hidden]';

/** Whole-match patterns: the entire match is a secret. */
const SECRET_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}/g, // Stripe keys
  /\bwhsec_[A-Za-z0-9+/=]{12,}/g, // webhook signing secrets
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]+/g, // Slack webhook URLs carry their own secret
  /\bAIza[0-9A-Za-z_-]{30,}/g, // Google API keys
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}/g, // OpenAI / Anthropic
  /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, // SendGrid
  /\bre_[A-Za-z0-9]{8,}_[A-Za-z0-9]{8,}/g, // Resend
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
];

/** `postgres://user:password@host` → keep everything but the password. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi;

/** `API_TOKEN=abc…`, `password: hunter2…`: keep the name, hide the value. */
const ASSIGNMENT = /\b([A-Za-z0-9_]*(?:secret|token|passw(?:or)?d|api[_-]?key|private[_-]?key|access[_-]?key)[A-Za-z0-9_]*)(\s*[=:]\s*["']?)([^\s"',;]{6,})/gi;

/** Long random-looking runs (mixed case and digits, high entropy), e.g. keys with no known prefix. */
const LONG_RUN = /[A-Za-z0-9+/_=-]{32,}/g;

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

function looksRandom(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run) && entropy(run) >= 3.5;
}

/** Returns the text with secret-looking values replaced, and how many were replaced. */
export function redactText(text: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, () => {
      count += 1;
      return SECRET_MARKER;
    });
  }
  out = out.replace(URL_CREDENTIALS, (_m, head: string, _secret: string, at: string) => {
    count += 1;
    return `${head}${SECRET_MARKER}${at}`;
  });
  out = out.replace(ASSIGNMENT, (match, name: string, sep: string, value: string) => {
    if (value === SECRET_MARKER || value.startsWith('[secret')) return match;
    count += 1;
    return `${name}${sep}${SECRET_MARKER}`;
  });
  out = out.replace(LONG_RUN, (run) => {
    if (!looksRandom(run)) return run;
    count += 1;
    return SECRET_MARKER;
  });
  return { text: out, count };
}

/** True when the text holds anything `redactText` would hide. */
export function containsSecret(text: string): boolean {
  return redactText(text).count > 0;
}

/** Redacts every string in a plain JSON-like value (the handover document), counting replacements. */
export function redactDeep<T>(value: T): { value: T; count: number } {
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = redactText(v);
      count += r.count;
      return r.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return { value: walk(value) as T, count };
}
