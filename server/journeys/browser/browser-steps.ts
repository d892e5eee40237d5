/**
 * Input schema for browser steps, through the shared safeText like the API steps: a pasted
 * password is refused, so a `fill` value can only name it as {{secret.NAME}}. A visit's address
 * is judged like a monitor's (server/net/target-url.ts) and may not hold placeholders at all.
 */
import { z } from 'zod';
import { BROWSER_ACTIONS, type BrowserStep } from '@/db/schema';
import { noCredentialsInLinks, requiredText, safeText } from '@/server/validation';
import { checkTargetUrl, loopbackTargetsAllowed } from '@/server/net/target-url';
import { placeholdersIn } from '../placeholders';

export const MAX_BROWSER_STEPS = 15;

export const browserStepSchema = z
  .object({
    name: requiredText(80, 'Name the step.', 'Keep the step name under 80 characters.'),
    action: z.enum(BROWSER_ACTIONS, 'Choose what the step does.'),
    target: safeText({ secrets: noCredentialsInLinks }).min(1, 'Say what the step works on.').max(2000, 'Keep this under 2,000 characters.'),
    value: safeText()
      .max(500, 'Keep the value under 500 characters.')
      .nullish()
      .transform((v) => v ?? null),
    timeoutMs: z.number('Enter the time limit in milliseconds.').int('Use whole milliseconds.').min(1000, 'At least 1 second.').max(30_000, 'At most 30 seconds.').default(10_000),
  })
  .superRefine((step, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (step.action !== 'fill' && step.value !== null && step.value !== '') issue('value', 'Only a “fill” step types a value.');
    for (const ref of placeholdersIn(step.target)) issue('target', `Placeholders like {{${ref.namespace}.${ref.name}}} may only be used in a fill step's value.`);
    for (const ref of placeholdersIn(step.value ?? '')) if (ref.namespace !== 'secret') issue('value', `Use {{secret.NAME}} for stored secrets, not {{${ref.namespace}.${ref.name}}}.`);
    if (step.action === 'visit') {
      let url: URL;
      try {
        url = new URL(step.target);
      } catch {
        issue('target', 'Enter a full address starting with https:// (or http://).');
        return;
      }
      const result = checkTargetUrl(url.toString(), { allowLoopback: loopbackTargetsAllowed(process.env, 'monitors') });
      if (!result.ok) issue('target', result.message);
    }
    if (step.target.length > 300 && step.action !== 'visit') issue('target', 'Keep this under 300 characters.');
  }) satisfies z.ZodType<BrowserStep, unknown>;

export const browserStepsSchema = z
  .array(browserStepSchema)
  .max(MAX_BROWSER_STEPS, `At most ${MAX_BROWSER_STEPS} steps.`)
  .superRefine((steps, ctx) => {
    if (steps.length > 0 && steps[0]!.action !== 'visit') ctx.addIssue({ code: 'custom', path: [0, 'action'], message: 'Start with a “visit” step: the browser opens on an empty page.' });
  });
