/**
 * Secrets pasted into free text (notes, evidence, risk details, runbooks) never reach a pack:
 * anything that looks like a credential is replaced by a marker before rendering. What counts
 * as one is in ./redact-rules.ts.
 */
import { findSecrets, type SecretFinding } from '@/server/secrets';
import { REDACT_RULES } from './redact-rules';

export const SECRET_MARKER = '[secret hidden]';

/** Replaces non-overlapping spans (one rule's findings), back to front so offsets stay valid. */
function replaceSpans(text: string, spans: SecretFinding[]): string {
  let out = text;
  for (const { start, end } of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, start)}${SECRET_MARKER}${out.slice(end)}`;
  return out;
}

/** Returns the text with secret-looking values replaced, and how many were replaced. */
export function redactText(text: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const rule of REDACT_RULES) {
    // An earlier rule's marker can read as a value (`API_TOKEN=[secret hidden]`): leave it.
    const spans = findSecrets(out, [rule]).filter(({ start }) => !out.startsWith('[secret', start));
    count += spans.length;
    out = replaceSpans(out, spans);
  }
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
