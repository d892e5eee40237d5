/**
 * People's regular expressions, run without letting one stall the server: the pattern is short
 * (≤ 200 characters), the text is bounded (answers are capped when read), and each match runs in
 * a `vm` context with a 50 ms time limit. V8 interrupts a backtracking match when the limit
 * passes, so `(a+)+$` against "aaaa…b" ends as "could not judge", not as a hung process. A match
 * that timed out without using the CPU (the machine paused us) is tried again, up to three times.
 */
import vm from 'node:vm';
import { MAX_PATTERN_LENGTH } from '@/lib/vocabulary/chatbot';

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

/**
 * One match in the sandbox: the answer, or null when it ran out of time. The limit is wall-clock
 * (V8's watchdog), so the caller also learns how much CPU the attempt used.
 */
function attempt(pattern: RegExp, text: string): { value: boolean } | { cpuMs: number } {
  const sandbox = context as { pattern?: RegExp; text?: string };
  sandbox.pattern = pattern;
  sandbox.text = text;
  const before = process.cpuUsage();
  try {
    return { value: script.runInContext(context, { timeout: REGEX_TIME_LIMIT_MS }) === true };
  } catch {
    const used = process.cpuUsage(before);
    return { cpuMs: (used.user + used.system) / 1000 };
  } finally {
    delete sandbox.pattern;
    delete sandbox.text;
  }
}

/**
 * Attempts a timed-out match gets when it barely used the CPU: on a busy machine the process can
 * be paused past the limit while matching a harmless pattern. A pattern that backtracks burns its
 * whole limit in CPU and is given up at once, so the worst case stays one limit.
 */
const MAX_ATTEMPTS = 3;

/** true / false, or null when the pattern is invalid or ran out of time. */
export function testPattern(source: string, text: string): boolean | null {
  if (!checkPattern(source).ok) return null;
  const pattern = new RegExp(source, 'iu');
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    const outcome = attempt(pattern, text);
    if ('value' in outcome) return outcome.value;
    if (outcome.cpuMs >= REGEX_TIME_LIMIT_MS / 2) return null;
  }
  return null;
}
