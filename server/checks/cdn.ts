/**
 * Edge/CDN presence, read from the response headers of the canonical homepage (and its first
 * same-site asset when there is one): which provider answers, and whether anything caches at
 * the edge at all.
 */
import { headerValue, type HttpHeaders } from '@/server/net/http-client';
import { errorEvidence, visibleHeaders } from './support/fetch';
import { findingsOf } from './support/finding';
import { fetchHomepage } from './support/homepage';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget } from './types';

export const id = 'cdn';
export const title = 'Edge/CDN in front of the site';

const finding = findingsOf(id);

interface Provider {
  name: string;
  /** True when the headers show this provider. */
  matches(headers: HttpHeaders): boolean;
}

const has = (headers: HttpHeaders, name: string) => headers[name] !== undefined;
const contains = (headers: HttpHeaders, name: string, pattern: RegExp) => pattern.test(headerValue(headers, name) ?? '');

/** Most specific first; the generic cache headers come last. */
const PROVIDERS: readonly Provider[] = [
  { name: 'Cloudflare', matches: (h) => has(h, 'cf-ray') || has(h, 'cf-cache-status') || contains(h, 'server', /cloudflare/i) },
  { name: 'Vercel', matches: (h) => has(h, 'x-vercel-id') || has(h, 'x-vercel-cache') || contains(h, 'server', /^vercel/i) },
  { name: 'Netlify', matches: (h) => has(h, 'x-nf-request-id') || contains(h, 'server', /netlify/i) },
  { name: 'Amazon CloudFront', matches: (h) => has(h, 'x-amz-cf-id') || has(h, 'x-amz-cf-pop') || contains(h, 'via', /cloudfront/i) || contains(h, 'x-cache', /cloudfront/i) },
  { name: 'Fastly', matches: (h) => has(h, 'x-fastly-request-id') || has(h, 'fastly-debug-digest') || contains(h, 'x-served-by', /^cache-/i) || contains(h, 'via', /varnish/i) },
  { name: 'Akamai', matches: (h) => has(h, 'akamai-grn') || has(h, 'x-akamai-transformed') || has(h, 'x-akamai-request-id') || contains(h, 'server', /akamai/i) },
  { name: 'Azure Front Door', matches: (h) => has(h, 'x-azure-ref') || has(h, 'x-msedge-ref') },
  { name: 'Google Cloud CDN', matches: (h) => contains(h, 'via', /\bgoogle\b/i) || contains(h, 'server', /google frontend/i) },
  { name: 'Bunny CDN', matches: (h) => contains(h, 'server', /bunnycdn/i) || has(h, 'cdn-requestid') },
  { name: 'Fly.io', matches: (h) => has(h, 'fly-request-id') || contains(h, 'server', /^fly\//i) },
  { name: 'Render', matches: (h) => has(h, 'rndr-id') || has(h, 'x-render-origin-server') },
];

const GENERIC_CACHE = ['x-cache', 'x-cache-status', 'via', 'age', 'x-proxy-cache'];
const SHOWN = [
  'server', 'via', 'x-cache', 'x-cache-status', 'age', 'cf-ray', 'cf-cache-status', 'x-vercel-id', 'x-vercel-cache', 'x-nf-request-id', 'x-amz-cf-id', 'x-amz-cf-pop',
  'x-served-by', 'x-fastly-request-id', 'akamai-grn', 'x-akamai-transformed', 'x-azure-ref', 'fly-request-id', 'cdn-requestid', 'rndr-id',
] as const;

export function detectProviders(headers: HttpHeaders): string[] {
  return PROVIDERS.filter((provider) => provider.matches(headers)).map((provider) => provider.name);
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const fetched = await fetchHomepage(target, deps, { maxBodyBytes: 64 * 1024 });
  if (!fetched.ok) {
    return result([finding('info', 'unreachable', `The homepage could not be loaded (${fetched.error.code}), so the edge was not checked.`, 'See the DNS, TLS and redirects checks, then run this again.', errorEvidence(fetched.error))], undefined, { incomplete: true });
  }
  const response = fetched.response;
  const headers = visibleHeaders(response, SHOWN);
  const providers = detectProviders(response.headers);
  const evidence = { url: response.url, providers, headers };
  if (providers.length > 0) {
    return result([finding('info', 'detected', `${response.url} is served through ${providers.join(' and ')}.`, 'Nothing to do; make sure static files are cached there (see the static-caching check).', evidence)], evidence);
  }
  if (GENERIC_CACHE.some((name) => response.headers[name] !== undefined)) {
    return result([finding('info', 'proxy-detected', `${response.url} passes through a cache or proxy, but its provider could not be named from the headers.`, 'Nothing to do if this is your CDN; check that it caches static files.', evidence)], evidence);
  }
  return result(
    [finding('low', 'none', `No CDN or edge cache was seen in front of ${response.url}: every visitor's request travels to your server, which is slower far away and takes any traffic spike or attack head-on.`, 'Put a CDN in front of the site (Cloudflare, CloudFront, Fastly or your host\'s edge network); most hosting platforms include one.', evidence)],
    evidence,
  );
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { cdnEvidence as evidenceSchema, type CdnEvidence as Evidence } from './evidence/web';
