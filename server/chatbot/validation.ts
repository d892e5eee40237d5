/** Input schemas for the chatbot checks: settings, prompts and their expectations, reviews. */
import { z } from 'zod';
import { requiredText, safeText } from '@/server/validation';
import { isValidAnswerPath } from '@/server/chat/extract';
import { parseChatTemplate } from '@/server/chat/template';
import { checkPattern } from './safe-regex';
import { MAX_EVERYDAY_BATCH, MAX_EVERYDAY_QUESTION, MAX_EXPECTATIONS, MAX_KEYWORDS, MAX_PROMPT_LENGTH, PROMPT_CATEGORIES, PROMPT_SEVERITIES } from '@/lib/vocabulary/chatbot';

export const requestTemplateSchema = requiredText(4_000, 'Write the JSON body your chat endpoint expects, with {{prompt}} where the question goes.', 'Keep the request template under 4,000 characters.', { multiline: true }).superRefine((value, ctx) => {
  const parsed = parseChatTemplate(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

export const answerPathSchema = safeText()
  .max(200, 'Keep the answer path under 200 characters.')
  .refine((v) => v === '' || isValidAnswerPath(v), 'Write the answer path as field names joined by dots, e.g. choices.0.message.content.')
  .nullable()
  .transform((v) => (v ? v : null));

export const settingsInput = z.object({
  requestTemplate: requestTemplateSchema,
  answerPath: answerPathSchema.default(null),
  scheduleEnabled: z.boolean().default(true),
  scheduleEveryDays: z.number().int('Whole days.').min(1, 'At least every day.').max(30, 'At most every 30 days.').default(7),
});

const textValue = requiredText(200, 'Write what to look for.', 'Keep it under 200 characters.');

const matchExpectation = (kind: 'contains' | 'not-contains') =>
  z
    .object({ kind: z.literal(kind), value: textValue, regex: z.boolean().default(false) })
    .superRefine((value, ctx) => {
      if (!value.regex) return;
      const check = checkPattern(value.value);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: check.message });
    });

const withinMsSchema = z.number().int('Whole milliseconds.').min(100, 'At least 100 ms.').max(60_000, 'At most 60,000 ms.');
const topicWordsSchema = z
  .array(requiredText(60, 'Empty topic word.', 'Keep each topic word under 60 characters.'))
  .min(1, 'List at least one word an on-topic answer mentions.')
  .max(MAX_KEYWORDS, `At most ${MAX_KEYWORDS} topic words.`);

export const expectationSchema = z.discriminatedUnion(
  'kind',
  [
    matchExpectation('contains'),
    matchExpectation('not-contains'),
    z.object({ kind: z.literal('refuses') }),
    z.object({ kind: z.literal('within-ms'), ms: withinMsSchema }),
    z.object({ kind: z.literal('on-topic'), keywords: topicWordsSchema }),
  ],
  'Unknown kind of expectation.',
);

export const promptInput = z.object({
  category: z.enum(PROMPT_CATEGORIES, 'Unknown kind of prompt.'),
  title: requiredText(120, 'Give the prompt a short name.', 'Keep the name under 120 characters.'),
  prompt: requiredText(MAX_PROMPT_LENGTH, 'Write the prompt to send.', `Keep the prompt under ${MAX_PROMPT_LENGTH.toLocaleString('en')} characters.`, { multiline: true }),
  severity: z.enum(PROMPT_SEVERITIES, 'Unknown severity.'),
  expectations: z.array(expectationSchema).max(MAX_EXPECTATIONS, `At most ${MAX_EXPECTATIONS} expectations a prompt.`),
});
export type PromptInput = z.infer<typeof promptInput>;

/** The distinct non-empty lines of a pasted list, in order (case and inner spaces ignored when comparing). */
export function questionLines(text: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/\s+/g, ' ');
    const key = line.toLowerCase();
    if (line === '' || seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines;
}

/**
 * The founder's top everyday questions, pasted one a line: each becomes an everyday prompt that
 * must stay on topic and be complete within the time given. The text passes the shared checks
 * (control characters, pasted secrets) as a whole, then each line is measured.
 */
export const everydayQuestionsInput = z.object({
  questions: requiredText(MAX_EVERYDAY_BATCH * (MAX_EVERYDAY_QUESTION + 2), 'Write your top everyday questions, one a line.', `Paste at most ${MAX_EVERYDAY_BATCH} questions of up to ${MAX_EVERYDAY_QUESTION} characters each.`, { multiline: true })
    .transform(questionLines)
    .superRefine((lines, ctx) => {
      if (lines.length > MAX_EVERYDAY_BATCH) ctx.addIssue({ code: 'custom', message: `Paste at most ${MAX_EVERYDAY_BATCH} questions at a time (there are ${lines.length}).` });
      const long = lines.findIndex((line) => line.length > MAX_EVERYDAY_QUESTION);
      if (long >= 0) ctx.addIssue({ code: 'custom', message: `Question ${long + 1} is over ${MAX_EVERYDAY_QUESTION} characters; keep each question to one short line.` });
    }),
  keywords: topicWordsSchema,
  withinMs: withinMsSchema,
});
export type EverydayQuestionsInput = z.infer<typeof everydayQuestionsInput>;

export const reviewInput = z.object({
  decision: z.enum(['reviewed', 'accepted'], 'Choose reviewed or accepted.'),
  reason: requiredText(1000, 'Say in a sentence why.', 'Keep the reason under 1,000 characters.', { multiline: true }).min(10, 'Say in a sentence why.'),
});
