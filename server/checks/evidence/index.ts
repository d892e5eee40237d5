/**
 * The evidence contracts: for each check, the zod parser of what its result records. The handover
 * pack and the screens read a check's stored evidence only through `readEvidence`, so a record
 * written by an older version of a check says so instead of being guessed at.
 */
import type { z } from 'zod';
import type { CheckId } from '../catalogue';
import { chatEvidence, corsEvidence, errorPagesEvidence, exposedPathsEvidence, latencyEvidence, openEndpointsEvidence, paymentWebhookEvidence, rateLimitEvidence, secretsEvidence } from './probes';
import { dkimEvidence, dmarcEvidence, spfEvidence } from './mail';
import { tlsEvidence } from './tls';
import { cdnEvidence, cookiesEvidence, dnsEvidence, hstsEvidence, mixedContentEvidence, redirectsEvidence, securityHeadersEvidence, staticCachingEvidence } from './web';

export const EVIDENCE_PARSERS = {
  dns: dnsEvidence,
  redirects: redirectsEvidence,
  tls: tlsEvidence,
  hsts: hstsEvidence,
  'security-headers': securityHeadersEvidence,
  cookies: cookiesEvidence,
  'static-caching': staticCachingEvidence,
  cdn: cdnEvidence,
  spf: spfEvidence,
  dkim: dkimEvidence,
  dmarc: dmarcEvidence,
  secrets: secretsEvidence,
  cors: corsEvidence,
  'rate-limit': rateLimitEvidence,
  latency: latencyEvidence,
  'mixed-content': mixedContentEvidence,
  'open-endpoints': openEndpointsEvidence,
  'error-pages': errorPagesEvidence,
  'exposed-paths': exposedPathsEvidence,
  chat: chatEvidence,
  'payment-webhook': paymentWebhookEvidence,
} as const satisfies Record<CheckId, z.ZodType>;

export type EvidenceOf<Id extends CheckId> = z.infer<(typeof EVIDENCE_PARSERS)[Id]>;

/** Said wherever stored evidence no longer matches its check's contract. */
export const OLDER_FORMAT = 'Evidence in an older format: run the check again to see it here.';

export type ReadEvidence<Id extends CheckId> =
  | { state: 'read'; evidence: EvidenceOf<Id> }
  /** The run recorded none (it could not reach a verdict, or the check records none then). */
  | { state: 'none' }
  | { state: 'older-format'; note: string };

export function readEvidence<Id extends CheckId>(checkId: Id, stored: unknown): ReadEvidence<Id> {
  if (stored === null || stored === undefined) return { state: 'none' };
  const parsed = EVIDENCE_PARSERS[checkId].safeParse(stored);
  return parsed.success ? { state: 'read', evidence: parsed.data as EvidenceOf<Id> } : { state: 'older-format', note: OLDER_FORMAT };
}

/** For a check id read from storage, which may name a check that no longer exists. */
export const isCheckId = (id: string): id is CheckId => id in EVIDENCE_PARSERS;
