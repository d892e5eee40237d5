/** What the page-level checks record: DNS answers, redirect walks, headers, cookies, caching, CDN, mixed content. */
import { z } from 'zod';

export const dnsEvidence = z.object({
  hosts: z.array(z.object({ host: z.string(), cname: z.array(z.string()), addresses: z.array(z.string()), failure: z.string().optional() })),
  reach: z.record(z.string(), z.string()),
});
export type DnsEvidence = z.infer<typeof dnsEvidence>;

const walk = z.object({
  url: z.string(),
  start: z.string(),
  chain: z.array(z.object({ url: z.string(), status: z.number(), location: z.string() })),
  final: z.object({ url: z.string(), status: z.number() }).optional(),
  error: z.string().optional(),
});
export const redirectsEvidence = z.object({ canonical: z.string(), walks: z.array(walk), otherWalks: z.array(walk) });
export type RedirectsEvidence = z.infer<typeof redirectsEvidence>;

export const hstsEvidence = z.object({
  url: z.string(),
  header: z.string().nullable(),
  policy: z.object({ maxAge: z.number().nullable(), includeSubDomains: z.boolean(), preload: z.boolean() }).optional(),
});
export type HstsEvidence = z.infer<typeof hstsEvidence>;

export const securityHeadersEvidence = z.object({
  url: z.string(),
  grade: z.string(),
  score: z.number(),
  deductions: z.array(z.unknown()),
  headers: z.record(z.string(), z.string()),
});
export type SecurityHeadersEvidence = z.infer<typeof securityHeadersEvidence>;

export const cookiesEvidence = z.object({
  looked: z.array(z.object({ url: z.string(), status: z.number().nullable() })),
  cookies: z.array(
    z.object({ name: z.string(), value: z.string(), url: z.string(), secure: z.boolean(), httpOnly: z.boolean(), sameSite: z.string().nullable(), domain: z.string().nullable(), path: z.string().nullable() }),
  ),
});
export type CookiesEvidence = z.infer<typeof cookiesEvidence>;

export const staticCachingEvidence = z.object({
  url: z.string(),
  assets: z.array(z.object({ url: z.string() }).catchall(z.unknown())),
});
export type StaticCachingEvidence = z.infer<typeof staticCachingEvidence>;

export const cdnEvidence = z.object({ url: z.string(), providers: z.array(z.string()), headers: z.record(z.string(), z.string()) });
export type CdnEvidence = z.infer<typeof cdnEvidence>;

export const mixedContentEvidence = z.object({ pages: z.array(z.object({ url: z.string() }).catchall(z.unknown())) });
export type MixedContentEvidence = z.infer<typeof mixedContentEvidence>;
