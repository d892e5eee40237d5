/**
 * Caching and compression of static assets: the homepage's same-site scripts and stylesheets
 * (at most 20) should be compressed (br/gzip/zstd) and, when their names carry a content hash,
 * cached for a long time (max-age ≥ 30 days, ideally a year and immutable). HTML that sets
 * cookies must not be stored by shared caches.
 */
import { headerValue, type HttpResponse } from '@/server/net/http-client';
import { bodyText, errorEvidence, fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { fetchHomepage } from './support/homepage';
import { extractAssets } from './support/html';
import { isSameSite, siteHosts } from './support/hosts';
import { mapBounded } from './support/pool';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'static-caching';
export const title = 'Static assets: caching and compression';

const finding = findingsOf(id);
const MAX_ASSETS = 20;
const ACCEPT_ENCODING = 'br, gzip';
const COMPRESSED = new Set(['br', 'gzip', 'x-gzip', 'zstd', 'deflate']);
const THIRTY_DAYS = 30 * 86_400;
const ONE_YEAR = 31_536_000;
/** Below this size compression hardly matters. */
const MIN_COMPRESSIBLE_BYTES = 1_024;

export interface CachePolicy {
  maxAge: number | undefined;
  sMaxAge: number | undefined;
  immutable: boolean;
  noStore: boolean;
  noCache: boolean;
  isPublic: boolean;
  isPrivate: boolean;
}

export function parseCacheControl(value: string | undefined): CachePolicy {
  const directives = new Map(
    (value ?? '').split(',').map((part) => {
      const [name, argument] = part.split('=');
      return [(name ?? '').trim().toLowerCase(), (argument ?? '').trim().replace(/^"(.*)"$/, '$1')] as const;
    }),
  );
  const seconds = (name: string) => (directives.has(name) && /^\d+$/.test(directives.get(name) ?? '') ? Number(directives.get(name)) : undefined);
  return {
    maxAge: seconds('max-age'),
    sMaxAge: seconds('s-maxage'),
    immutable: directives.has('immutable'),
    noStore: directives.has('no-store'),
    noCache: directives.has('no-cache'),
    isPublic: directives.has('public'),
    isPrivate: directives.has('private'),
  };
}

/** main.3f9a1c2b.js, chunk-BV3x9kQ2.js, app-4c1f0e.css?v=… : a token of 8+ characters with a digit, or a ?v= query. */
export function looksHashed(url: string): boolean {
  const parsed = new URL(url);
  const file = parsed.pathname.split('/').pop() ?? '';
  const tokens = file.replace(/\.(m?js|css)$/i, '').split(/[.\-_~]/);
  if (tokens.slice(1).some((token) => token.length >= 8 && /\d/.test(token) && /^[A-Za-z0-9]+$/.test(token))) return true;
  if (parsed.pathname.includes('/_next/static/') || parsed.pathname.includes('/immutable/')) return true;
  return /[?&](v|ver|hash|h)=[A-Za-z0-9]{6,}/.test(parsed.search);
}

/** A type alias (not an interface) so it counts as plain JSON evidence. */
type AssetReport = {
  url: string;
  status: number;
  hashed: boolean;
  cacheControl: string | null;
  contentEncoding: string | null;
  bytes: number;
};

function assetReport(response: HttpResponse): AssetReport {
  return {
    url: response.url,
    status: response.status,
    hashed: looksHashed(response.url),
    cacheControl: headerValue(response.headers, 'cache-control') ?? null,
    contentEncoding: headerValue(response.headers, 'content-encoding') ?? null,
    bytes: response.body.length,
  };
}

function assetFindings(asset: AssetReport): Finding[] {
  const evidence: JsonValue = asset;
  const findings: Finding[] = [];
  const policy = parseCacheControl(asset.cacheControl ?? undefined);
  const lifetime = policy.sMaxAge ?? policy.maxAge ?? 0;
  if (asset.hashed) {
    if (policy.noStore || policy.noCache || lifetime < THIRTY_DAYS) {
      findings.push(finding('low', 'short-cache', `${asset.url} has a content hash in its name (it never changes) but is cached ${asset.cacheControl ? `only as "${asset.cacheControl}"` : 'without a Cache-Control header'}, so returning visitors download it again.`, 'Serve hashed files with "Cache-Control: public, max-age=31536000, immutable".', evidence));
    } else if (!policy.immutable || lifetime < ONE_YEAR) {
      findings.push(finding('info', 'not-immutable', `${asset.url} is cached for ${Math.round(lifetime / 86_400)} days${policy.immutable ? '' : ' without "immutable"'}.`, 'Optional: "Cache-Control: public, max-age=31536000, immutable" for hashed files.', evidence));
    }
  } else if (!asset.cacheControl) {
    findings.push(finding('low', 'no-cache-policy', `${asset.url} has no Cache-Control header, so each browser and CDN guesses how long to keep it.`, 'Give static files a content hash in their name and a long max-age, or a short explicit max-age if the name never changes.', evidence));
  }
  if (!COMPRESSED.has((asset.contentEncoding ?? '').toLowerCase()) && asset.bytes >= MIN_COMPRESSIBLE_BYTES) {
    findings.push(finding('medium', 'uncompressed', `${asset.url} (${Math.round(asset.bytes / 1024)} KB) is sent uncompressed even though the browser accepts brotli and gzip; it would typically be 3–5 times smaller.`, 'Turn on brotli or gzip compression for JavaScript and CSS at your server or CDN.', evidence));
  }
  return findings;
}

function htmlFindings(page: HttpResponse): Finding[] {
  const findings: Finding[] = [];
  const policy = parseCacheControl(headerValue(page.headers, 'cache-control'));
  const setsCookies = (page.headers['set-cookie']?.length ?? 0) > 0;
  const evidence = { url: page.url, cacheControl: headerValue(page.headers, 'cache-control') ?? null, setsCookies, contentEncoding: headerValue(page.headers, 'content-encoding') ?? null };
  const sharedCacheable = !policy.noStore && !policy.isPrivate && (policy.isPublic || (policy.sMaxAge ?? 0) > 0);
  if (setsCookies && sharedCacheable) {
    findings.push(finding('high', 'html-public-with-cookies', `${page.url} sets cookies but tells CDNs and proxies they may store and reuse the page (${evidence.cacheControl}); one visitor's cookie or personal page can be served to others.`, 'Send "Cache-Control: private, no-store" (or no-cache) on HTML that sets cookies or shows personal data.', evidence));
  }
  if (!COMPRESSED.has((evidence.contentEncoding ?? '').toLowerCase()) && page.body.length >= MIN_COMPRESSIBLE_BYTES) {
    findings.push(finding('low', 'html-uncompressed', `${page.url} is sent uncompressed.`, 'Turn on brotli or gzip compression for HTML at your server or CDN.', evidence));
  }
  return findings;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const fetched = await fetchHomepage(target, deps, { headers: { 'accept-encoding': ACCEPT_ENCODING } });
  if (!fetched.ok) {
    return result([finding('info', 'unreachable', `The homepage could not be loaded (${fetched.error.code}), so caching was not checked.`, 'See the DNS, TLS and redirects checks, then run this again.', errorEvidence(fetched.error))], undefined, { incomplete: true });
  }
  const page = fetched.response;
  const { apex } = siteHosts(target);
  const assets = extractAssets(bodyText(page), page.url);
  const urls = [...assets.scripts, ...assets.stylesheets].filter((url) => isSameSite(new URL(url).hostname, apex)).slice(0, MAX_ASSETS);
  const reports = (
    await mapBounded(urls, 4, async (url) => {
      const asset = await fetchSafely(deps.http, url, { headers: { 'accept-encoding': ACCEPT_ENCODING }, allowInvalidTls: true, timeoutMs: 5_000, maxBodyBytes: 4 * 1024 * 1024 });
      return asset.ok && asset.response.status === 200 ? assetReport(asset.response) : undefined;
    })
  ).filter((report): report is AssetReport => report !== undefined);
  const findings = [...htmlFindings(page), ...reports.flatMap(assetFindings)];
  if (reports.length === 0) {
    findings.push(finding('info', 'no-assets', `No same-site scripts or stylesheets were found on ${page.url}.`, 'Nothing to check; if your site loads its files from another domain, that host is not covered here.', { url: page.url }));
  }
  return result(findings, { url: page.url, assets: reports });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { staticCachingEvidence as evidenceSchema, type StaticCachingEvidence as Evidence } from './evidence/web';
