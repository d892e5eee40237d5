/** Input schemas for monitors and alert channels (shared by the router and the forms). */
import { z } from 'zod';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from './schedule';
import { noCredentialsInLinks, requiredText, safeText, type TextOptions } from '@/server/validation';
import { checkTargetUrl, loopbackTargetsAllowed } from '@/server/net/target-url';
import { jsonExpectedSchema, jsonPathSchema, maxLatencySchema, REQUEST_METHODS, requestBodySchema, requestHeadersSchema } from './request-input';

export const MONITOR_METHODS = REQUEST_METHODS;
export const STATUS_RULES = ['success', 'no-server-error'] as const;

/**
 * A monitor's address is shown to everyone on the project: no credentials in it. An alert
 * webhook's address is a credential by design (secrets: false), kept and never shown whole.
 * Either is an address monitors and alerts connect to, judged when saved (server/net/target-url.ts):
 * loopback, private, metadata and internal-only names get a field message, unless
 * LR_ALLOW_LOOPBACK_TARGETS / LR_MONITOR_ALLOW_LOOPBACK is on (read per request, like the worker).
 */
const httpUrl = (secrets: TextOptions['secrets'] = noCredentialsInLinks) =>
  safeText({ secrets })
    .max(2000, 'That address is too long.')
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }, 'Enter a full address starting with https:// (or http://).')
    .superRefine((value, ctx) => {
      const result = checkTargetUrl(value, { allowLoopback: loopbackTargetsAllowed(process.env, 'monitors') });
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
    });

export const expectedStatusSchema = z
  .string()
  .trim()
  .refine((v) => (STATUS_RULES as readonly string[]).includes(v) || /^[1-5]\d\d$/.test(v), 'Choose “2xx or 3xx”, “below 500” or an exact status such as 200.');

export const monitorFieldsSchema = z.object({
  name: requiredText(120, 'Give the monitor a name.', 'Keep the name under 120 characters.'),
  kind: z.enum(['http', 'certificate']),
  url: httpUrl(),
  method: z.enum(MONITOR_METHODS).default('GET'),
  expectedStatus: expectedStatusSchema.default('success'),
  keyword: safeText().max(200, 'Keep the keyword under 200 characters.').nullish().transform((v) => v || null),
  headers: requestHeadersSchema,
  body: requestBodySchema,
  jsonPath: jsonPathSchema,
  jsonExpected: jsonExpectedSchema,
  maxLatencyMs: maxLatencySchema,
  timeoutMs: z.number('Enter the timeout in seconds.').int('Use whole milliseconds.').min(1000, 'At least 1 second.').max(30_000, 'At most 30 seconds.').default(10_000),
  intervalSeconds: z
    .number('Enter how often to check, in seconds.')
    .int('Use whole seconds.')
    .min(MIN_INTERVAL_SECONDS, `Every ${MIN_INTERVAL_SECONDS} seconds at the most often.`)
    .max(MAX_INTERVAL_SECONDS, `At least every ${MAX_INTERVAL_SECONDS / 60} minutes.`)
    .default(60),
  p95TargetMs: z
    .number('Enter the target in milliseconds, or leave it empty.')
    .int('Use whole milliseconds.')
    .min(10, 'A target under 10 ms cannot be measured from outside.')
    .max(60_000, 'Keep the target at 60,000 ms (one minute) or less.')
    .nullish()
    .transform((v) => v ?? null),
  failThreshold: z.number('Enter how many failed checks in a row.').int('Use a whole number.').min(1, 'At least 1 failed check.').max(10, 'At most 10 failed checks in a row.').default(2),
  recoverThreshold: z.number('Enter how many good checks in a row.').int('Use a whole number.').min(1, 'At least 1 good check.').max(10, 'At most 10 good checks in a row.').default(2),
});
export type MonitorFields = z.output<typeof monitorFieldsSchema>;

/** Slack's incoming webhooks (and workflow triggers) live on these hosts only; any other address is not one, whatever it answers. */
const SLACK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);
export function isSlackWebhook(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && SLACK_HOSTS.has(url.hostname) && /^\/(services|workflows|triggers)\/./.test(url.pathname);
  } catch {
    return false;
  }
}

const channelName = requiredText(120, 'Name the channel.', 'Keep the name under 120 characters.');

export const channelInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), name: channelName, email: z.email('Enter an email address.') }),
  z.object({
    kind: z.literal('slack'),
    name: channelName,
    url: httpUrl(false).refine(isSlackWebhook, 'This is not a Slack webhook address: those start with https://hooks.slack.com/services/. For another service, choose “Webhook”.'),
  }),
  z.object({ kind: z.literal('webhook'), name: channelName, url: httpUrl(false) }),
]);
export type ChannelInput = z.output<typeof channelInputSchema>;
