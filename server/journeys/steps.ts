/**
 * Input schemas for journeys (shared by the router and the forms). Every text field goes through
 * the shared safeText: a pasted password or token is refused, so credentials can only be named,
 * as {{secret.NAME}}, and live in the project's secrets store. A {{vars.name}} must be captured by
 * an earlier step; addresses are judged like monitors' (server/net/target-url.ts) with their
 * placeholders filled by a sample word, and the host itself may not be a placeholder.
 */
import { z } from 'zod';
import { JOURNEY_METHODS, type JourneyStep } from '@/db/schema';
import { noCredentialsInLinks, requiredText, safeText } from '@/server/validation';
import { expectedStatusSchema } from '@/server/monitoring/validation';
import { checkTargetUrl, loopbackTargetsAllowed } from '@/server/net/target-url';
import { isValidAnswerPath } from '@/server/chat/extract';
import { placeholdersIn, VAR_NAME, withSampleValues } from './placeholders';
import { browserStepsSchema } from './browser/browser-steps';

export const MAX_STEPS = 10;
export const MIN_JOURNEY_INTERVAL_SECONDS = 60;
export const MAX_JOURNEY_INTERVAL_SECONDS = 3600;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const FORM_FIELD = /^[A-Za-z0-9_.:[\]-]{1,100}$/;
/** Headers the client sets itself (or the cookie jar does). */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'cookie']);

const nullableText = (max: number, tooLong: string, multiline = false) =>
  safeText({ multiline })
    .max(max, tooLong)
    .nullish()
    .transform((v) => v || null);

const stepUrl = safeText({ secrets: noCredentialsInLinks })
  .min(1, 'Enter the address this step calls.')
  .max(2000, 'That address is too long.')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(withSampleValues(value));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full address starting with https:// (or http://).' });
      return;
    }
    const literalHost = /^https?:\/\/[^/{}?#]+(?:[/?#]|$)/i.test(value);
    if (!literalHost) {
      ctx.addIssue({ code: 'custom', message: 'Write the host name out in full; placeholders may only be used in the path and the query.' });
      return;
    }
    const result = checkTargetUrl(url.toString(), { allowLoopback: loopbackTargetsAllowed(process.env, 'monitors') });
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });

const captureSchema = z
  .object({
    name: safeText().regex(VAR_NAME, 'Name the value with letters, digits and _ (it is used as {{vars.name}}).'),
    from: z.enum(['json', 'header', 'form-field']),
    path: safeText().min(1, 'Say where the value is.').max(200, 'Keep this under 200 characters.'),
  })
  .superRefine((c, ctx) => {
    const ok = c.from === 'json' ? isValidAnswerPath(c.path) : c.from === 'header' ? HEADER_NAME.test(c.path) : FORM_FIELD.test(c.path);
    if (!ok) {
      const message =
        c.from === 'json' ? 'Write the JSON path with dots, like data.token or items.0.id.' : c.from === 'header' ? 'Enter a header name, like x-csrf-token.' : 'Enter the form field name, like csrf_token.';
      ctx.addIssue({ code: 'custom', path: ['path'], message });
    }
  });

export const journeyStepSchema = z.object({
  name: requiredText(80, 'Name the step.', 'Keep the step name under 80 characters.'),
  method: z.enum(JOURNEY_METHODS),
  url: stepUrl,
  headers: z
    .array(
      z.object({
        name: safeText()
          .regex(HEADER_NAME, 'Enter a header name, like accept or x-api-key.')
          .refine((n) => !RESERVED_HEADERS.has(n.toLowerCase()), 'This header is set by the journey itself.'),
        value: safeText().max(2000, 'Keep the header value under 2,000 characters.'),
      }),
    )
    .max(20, 'At most 20 headers per step.')
    .default([]),
  body: nullableText(20_000, 'Keep the body under 20,000 characters.', true),
  expect: z.object({
    status: expectedStatusSchema.default('success'),
    jsonPath: safeText()
      .max(200, 'Keep the path under 200 characters.')
      .nullish()
      .transform((v) => v || null)
      .refine((v) => v === null || isValidAnswerPath(v), 'Write the JSON path with dots, like data.user.email.'),
    jsonEquals: nullableText(500, 'Keep the expected value under 500 characters.'),
    keyword: nullableText(200, 'Keep the keyword under 200 characters.'),
    maxMs: z.number('Enter the time limit in milliseconds.').int('Use whole milliseconds.').min(10, 'At least 10 ms.').max(60_000, 'At most 60,000 ms.').nullish().transform((v) => v ?? null),
  }),
  captures: z.array(captureSchema).max(10, 'At most 10 captured values per step.').default([]),
  timeoutMs: z.number('Enter the time limit in milliseconds.').int('Use whole milliseconds.').min(1000, 'At least 1 second.').max(30_000, 'At most 30 seconds.').default(10_000),
}) satisfies z.ZodType<JourneyStep, unknown>;

/** The text fields of a step where placeholders may appear. */
function stepTexts(step: z.output<typeof journeyStepSchema>): { field: (string | number)[]; text: string }[] {
  return [
    { field: ['url'], text: step.url },
    ...step.headers.map((h, i) => ({ field: ['headers', i, 'value'], text: h.value })),
    ...(step.body ? [{ field: ['body'], text: step.body }] : []),
  ];
}

export const journeyStepsSchema = z
  .array(journeyStepSchema)
  .min(1, 'Add at least one step.')
  .max(MAX_STEPS, `At most ${MAX_STEPS} steps.`)
  .superRefine((steps, ctx) => {
    const captured = new Set<string>();
    steps.forEach((step, index) => {
      for (const { field, text } of stepTexts(step)) {
        for (const ref of placeholdersIn(text)) {
          if (ref.namespace === 'vars' && !captured.has(ref.name)) {
            ctx.addIssue({ code: 'custom', path: [index, ...field], message: `{{vars.${ref.name}}} is not captured by an earlier step.` });
          } else if (ref.namespace !== 'vars' && ref.namespace !== 'secret') {
            ctx.addIssue({ code: 'custom', path: [index, ...field], message: `Use {{vars.name}} for captured values or {{secret.NAME}} for stored secrets, not {{${ref.namespace}.${ref.name}}}.` });
          }
        }
      }
      for (const c of step.captures) captured.add(c.name);
    });
  });

export const journeyFieldsSchema = z
  .object({
    name: requiredText(120, 'Name the journey.', 'Keep the name under 120 characters.'),
    kind: z.enum(['sign-in', 'api', 'browser']),
    /** Requests (sign-in and API journeys); empty for a browser journey. */
    steps: z.array(z.unknown()).default([]),
    /** Browser actions (browser journeys); empty otherwise. */
    browserSteps: browserStepsSchema.default([]),
    intervalSeconds: z
      .number('Enter how often to run it, in seconds.')
      .int('Use whole seconds.')
      .min(MIN_JOURNEY_INTERVAL_SECONDS, 'Once a minute at the most often.')
      .max(MAX_JOURNEY_INTERVAL_SECONDS, 'At least once an hour.')
      .default(300),
    targetSuccessPercent: z.number('Enter the target in percent, or leave it empty.').min(50, 'A target under 50 % says little.').max(100, 'At most 100 %.').nullish().transform((v) => v ?? null),
    failThreshold: z.number().int('Use a whole number.').min(1, 'At least 1 failed run.').max(10, 'At most 10 failed runs in a row.').default(2),
    recoverThreshold: z.number().int('Use a whole number.').min(1, 'At least 1 good run.').max(10, 'At most 10 good runs in a row.').default(2),
  })
  .transform((fields, ctx) => {
    // The kind decides which list holds the steps; the other stays empty.
    if (fields.kind === 'browser') {
      if (fields.steps.length > 0) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'A browser journey has browser steps only.' });
      if (fields.browserSteps.length === 0) ctx.addIssue({ code: 'custom', path: ['browserSteps'], message: 'Add at least one step.' });
      return { ...fields, steps: [] as JourneyStep[] };
    }
    if (fields.browserSteps.length > 0) ctx.addIssue({ code: 'custom', path: ['browserSteps'], message: 'Browser steps belong to a browser journey.' });
    const steps = journeyStepsSchema.safeParse(fields.steps);
    if (!steps.success) {
      for (const issue of steps.error.issues) ctx.addIssue({ code: 'custom', path: ['steps', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      return z.NEVER;
    }
    return { ...fields, steps: steps.data };
  });
export type JourneyFields = z.output<typeof journeyFieldsSchema>;
