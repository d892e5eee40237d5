/**
 * Secrets pasted into free text (notes, evidence, risk details, runbooks) never reach a pack:
 * anything that looks like a credential is replaced by a marker before rendering. What counts
 * as one is in ./redact-rules.ts.
 */
import { findSecrets, type SecretFinding } from '@/server/secrets';
import { REDACT_RULES } from './redact-rules';

export const SECRET_MARKER = '[secret hidden]';

/**
 * Replaces one rule's spans in a single pass. (Rebuilding the whole text per span was quadratic:
 * 6,400 assignments in 100 KB took 12 s; server/checks/parsers.fuzz.test.ts.)
 */
function replaceSpans(text: string, spans: SecretFinding[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue; // overlaps an earlier span, already hidden
    parts.push(text.slice(at, start), SECRET_MARKER);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
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
