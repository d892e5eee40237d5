/** What the TLS check records per host: the certificate it was served, or why there was none. */
import { z } from 'zod';

const renewal = z.object({
  issuer: z.string().nullable(),
  lifetimeDays: z.number().nullable(),
  elapsedDays: z.number().nullable(),
  daysLeft: z.number(),
  renewalDueAt: z.string().nullable(),
  overdue: z.boolean(),
  replacementMaxDays: z.number().nullable(),
  caa: z.union([z.object({ failed: z.string() }), z.object({ owner: z.string().nullable(), records: z.array(z.string()) })]),
  caaAllowsIssuer: z.union([z.boolean(), z.null(), z.literal('unknown')]),
});

const probed = z.object({
  host: z.string(),
  protocol: z.string().nullable(),
  authorized: z.boolean(),
  authorizationError: z.string().optional(),
  hostnameMatches: z.boolean(),
  daysToExpiry: z.number(),
  subject: z.string().optional(),
  issuer: z.string().optional(),
  names: z.array(z.string()).optional(),
  validFrom: z.string().optional(),
  /** The certificate's notAfter, as the TLS client reports it. */
  validTo: z.string().optional(),
  chain: z.array(z.string()),
  renewal: renewal.optional(),
});

export const tlsEvidence = z.object({
  hosts: z.array(z.union([probed, z.object({ host: z.string(), error: z.string() }), z.object({ host: z.string(), skipped: z.string() })])),
});
export type TlsEvidence = z.infer<typeof tlsEvidence>;
export type TlsHostEvidence = TlsEvidence['hosts'][number];

/** Every TLS finding names the host it is about (what the handover pack ties findings to). */
export const tlsFindingEvidence = z.object({ host: z.string() }).catchall(z.unknown());
