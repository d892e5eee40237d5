/** What the probing checks record: secrets scanned, CORS, sign-in bursts, latency, open endpoints, error pages, exposed paths, chat. */
import { z } from 'zod';

export const secretsEvidence = z.object({
  pages: z.array(z.string()),
  scripts: z.array(z.string()),
  sourceMaps: z.array(z.string()),
  bytesScanned: z.number(),
  limited: z.array(z.unknown()),
});
export type SecretsEvidence = z.infer<typeof secretsEvidence>;

export const corsEvidence = z.object({
  endpoints: z.array(z.object({ url: z.string(), kind: z.string(), authenticated: z.boolean(), probes: z.array(z.object({ name: z.string() }).catchall(z.unknown())) })),
});
export type CorsEvidence = z.infer<typeof corsEvidence>;

export const rateLimitEvidence = z.object({
  url: z.string(),
  account: z.string(),
  planned: z.number(),
  sent: z.number(),
  attempts: z.array(z.object({ n: z.number(), status: z.number().nullable(), ms: z.number(), retryAfter: z.string().nullable(), error: z.string().optional() })),
});
export type RateLimitEvidence = z.infer<typeof rateLimitEvidence>;

export const latencyEvidence = z.object({
  samplesPerEndpoint: z.number(),
  ownershipVerified: z.boolean(),
  endpoints: z.array(
    z.object({ url: z.string(), kind: z.string(), targetMs: z.number(), samples: z.number(), errors: z.number(), p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() }).catchall(z.unknown()),
  ),
  // Runs before safe replay (decision 0014) recorded only `METHOD url`; newer ones say why each write was skipped.
  skippedWrites: z.array(z.union([z.string(), z.object({ endpoint: z.string(), reason: z.string() })])),
  skippedOutsideDomain: z.array(z.string()),
});
export type LatencyEvidence = z.infer<typeof latencyEvidence>;

export const openEndpointsEvidence = z.object({
  endpoints: z.array(z.object({ url: z.string(), kind: z.string(), status: z.number().nullable() }).catchall(z.unknown())),
});
export type OpenEndpointsEvidence = z.infer<typeof openEndpointsEvidence>;

export const errorPagesEvidence = z.object({
  probes: z.array(z.object({ how: z.string(), request: z.string(), status: z.number().nullable(), shows: z.unknown().optional() })),
});
export type ErrorPagesEvidence = z.infer<typeof errorPagesEvidence>;

export const exposedPathsEvidence = z.object({ hosts: z.array(z.string()), requests: z.number(), paths: z.array(z.string()) });
export type ExposedPathsEvidence = z.infer<typeof exposedPathsEvidence>;

export const chatEvidence = z.object({
  url: z.string(),
  prompt: z.string(),
  samples: z.array(z.record(z.string(), z.unknown())),
  answerExcerpt: z.string().nullable(),
  targets: z.object({ startMs: z.number().optional(), completeMs: z.number().optional() }),
  slowest: z.object({ firstByteMs: z.number(), firstTextMs: z.number(), totalMs: z.number() }).optional(),
});
export type ChatEvidence = z.infer<typeof chatEvidence>;

export const paymentWebhookEvidence = z.object({
  endpoints: z.array(z.string()),
  tested: z.number(),
  notTested: z.array(z.string()).optional(),
});
export type PaymentWebhookEvidence = z.infer<typeof paymentWebhookEvidence>;
