/**
 * The one place zod's own wording is replaced by sentences for people. A schema's explicit
 * message always wins; this map speaks only where a schema said nothing (a bare `.min(1)`, an
 * enum, a missing field), so no form ever shows "Too small: expected number to be >=1".
 * Registered globally on import: server/trpc/init.ts and server/validation.ts import it, so every
 * procedure's input and every shared schema parse with it.
 */
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const NUMBERS = new Set(['number', 'int', 'bigint']);
const LISTS = new Set(['array', 'set']);

function tooSmall(origin: string, min: number, inclusive: boolean): string {
  if (NUMBERS.has(origin)) return inclusive ? `Enter a number of ${min} or more.` : `Enter a number above ${min}.`;
  if (origin === 'string') return min <= 1 ? 'Fill this in.' : `Use at least ${min} characters.`;
  if (LISTS.has(origin)) return min <= 1 ? 'Add at least one.' : `Add at least ${min}.`;
  if (origin === 'date') return 'Pick a later date.';
  return 'This is too small.';
}

function tooBig(origin: string, max: number, inclusive: boolean): string {
  if (NUMBERS.has(origin)) return inclusive ? `Enter a number of ${max.toLocaleString('en-GB')} or less.` : `Enter a number below ${max.toLocaleString('en-GB')}.`;
  if (origin === 'string') return `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.`;
  if (LISTS.has(origin)) return `Keep this to ${max} or fewer.`;
  if (origin === 'date') return 'Pick an earlier date.';
  return 'This is too large.';
}

const FORMATS: Record<string, string> = {
  email: 'Enter a valid email address.',
  url: 'Enter a full address starting with https://.',
  uuid: 'This link is not valid.',
  guid: 'This link is not valid.',
  date: 'Use a date like 2026-12-31.',
  datetime: 'Use a date and time like 2026-12-31 14:30.',
  time: 'Use a time like 14:30.',
  regex: 'Use only the characters this field allows.',
};

/** A sentence a person can act on, for an issue whose schema gave no message of its own. */
export function humanMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Fill this in.';
      if (NUMBERS.has(issue.expected)) return 'Enter a number.';
      if (issue.expected === 'string') return 'Enter text here.';
      if (issue.expected === 'boolean') return 'Choose yes or no.';
      if (issue.expected === 'date') return 'Enter a date.';
      return 'This value is not of the right kind.';
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'This is not in the expected format.';
    case 'not_multiple_of':
      return `Use a multiple of ${issue.divisor}.`;
    case 'invalid_value':
    case 'invalid_union':
      return 'Choose one of the options offered.';
    case 'unrecognized_keys':
      return 'This form sent something we do not know. Reload the page and try again.';
    case 'invalid_key':
    case 'invalid_element':
      return 'One of the entries is not valid.';
    default:
      return 'Check this value.';
  }
}

z.config({ customError: humanMessage });
