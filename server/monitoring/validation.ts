/** Input schemas for monitors and alert channels (shared by the router and the forms). */
import { z } from 'zod';
import { checkTargetUrl, loopbackTargetsAllowed } from '@/server/net/target-url';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from './schedule';

export const MONITOR_METHODS = ['GET', 'HEAD', 'POST'] as const;
export const STATUS_RULES = ['success', 'no-server-error'] as const;

/**
 * An address monitors and alerts will connect to, judged when saved (server/net/target-url.ts):
 * loopback, private, metadata and internal-only names get a field message, unless
 * LR_ALLOW_LOOPBACK_TARGETS / LR_MONITOR_ALLOW_LOOPBACK is on (read per request, like the worker).
 */
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((value, ctx) => {
    const result = checkTargetUrl(value, { allowLoopback: loopbackTargetsAllowed(process.env, 'monitors') });
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });

export const expectedStatusSchema = z
  .string()
  .trim()
  .refine((v) => (STATUS_RULES as readonly string[]).includes(v) || /^[1-5]\d\d$/.test(v), 'Choose “2xx or 3xx”, “below 500” or an exact status such as 200.');

export const monitorFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Give the monitor a name.').max(120),
  kind: z.enum(['http', 'certificate']),
  url: httpUrl,
  method: z.enum(MONITOR_METHODS).default('GET'),
  expectedStatus: expectedStatusSchema.default('success'),
  keyword: z.string().trim().max(200).nullish().transform((v) => v || null),
  timeoutMs: z.number().int().min(1000, 'At least 1 second.').max(30_000, 'At most 30 seconds.').default(10_000),
  intervalSeconds: z
    .number()
    .int()
    .min(MIN_INTERVAL_SECONDS, `Every ${MIN_INTERVAL_SECONDS} seconds at the most often.`)
    .max(MAX_INTERVAL_SECONDS, `At least every ${MAX_INTERVAL_SECONDS / 60} minutes.`)
    .default(60),
  p95TargetMs: z.number().int().min(10).max(60_000).nullish().transform((v) => v ?? null),
  failThreshold: z.number().int().min(1).max(10).default(2),
  recoverThreshold: z.number().int().min(1).max(10).default(2),
});
export type MonitorFields = z.output<typeof monitorFieldsSchema>;

export const channelInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), name: z.string().trim().min(1).max(120), email: z.email('Enter an email address.') }),
  z.object({
    kind: z.literal('slack'),
    name: z.string().trim().min(1).max(120),
    url: httpUrl.refine((v) => v.startsWith('https://') || loopbackTargetsAllowed(process.env, 'monitors'), 'Slack webhook addresses start with https://.'),
  }),
  z.object({ kind: z.literal('webhook'), name: z.string().trim().min(1).max(120), url: httpUrl }),
]);
export type ChannelInput = z.output<typeof channelInputSchema>;
