/**
 * People's regular expressions, run without letting one stall the server: the pattern is short
 * (≤ 200 characters), the text is bounded (answers are capped when read), and each match runs in
 * a `vm` context with a 50 ms time limit. V8 interrupts a backtracking match when the limit
 * passes, so `(a+)+$` against "aaaa…b" ends as "could not judge", not as a hung process.
 */
import vm from 'node:vm';
import { MAX_PATTERN_LENGTH } from './vocabulary';

export const REGEX_TIME_LIMIT_MS = 50;
const context = vm.createContext(Object.create(null) as object);
const script = new vm.Script('pattern.test(text)');

export type PatternCheck = { ok: true } | { ok: false; message: string };

/** Save-time check: bounded length and a pattern JavaScript accepts (case-insensitive). */
export function checkPattern(source: string): PatternCheck {
  if (source.length === 0) return { ok: false, message: 'Write the pattern to look for.' };
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, message: `Keep patterns under ${MAX_PATTERN_LENGTH} characters.` };
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return { ok: false, message: `This is not a valid pattern: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : 'unknown problem'}.` };
  }
  return { ok: true };
}

/** true / false, or null when the pattern is invalid or ran out of time. */
export function testPattern(source: string, text: string): boolean | null {
  if (!checkPattern(source).ok) return null;
  const sandbox = context as { pattern?: RegExp; text?: string };
  sandbox.pattern = new RegExp(source, 'iu');
  sandbox.text = text;
  try {
    return script.runInContext(context, { timeout: REGEX_TIME_LIMIT_MS }) === true;
  } catch {
    return null;
  } finally {
    delete sandbox.pattern;
    delete sandbox.text;
  }
}
