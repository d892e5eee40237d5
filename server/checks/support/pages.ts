/**
 * The product's own pages a page-level check reads: the homepage (every page check reads it),
 * then each listed subdomain's root and the listed GET endpoints under the project's domain
 * (probe-scope.ts); at most `max`, each once.
 */
import { homepageUrl, siteHosts } from './hosts';
import { probeScope } from './probe-scope';
import type { CheckTarget } from '../types';

/** Endpoints whose GET is not a page anyone reads. */
const NOT_PAGES = new Set(['api-health', 'payment-webhook']);

export function productPages(target: CheckTarget, max: number): string[] {
  const hosts = siteHosts(target);
  const candidates = [
    homepageUrl(target),
    ...hosts.subdomains.map((host) => `https://${host}/`),
    ...(target.endpoints ?? []).filter((e) => e.method === 'GET' && !NOT_PAGES.has(e.kind)).map((e) => e.url),
  ];
  const [homepage, ...others] = candidates;
  const pages: string[] = [homepage!];
  for (const url of others) {
    if (pages.length >= max) break;
    if (!pages.includes(url) && probeScope(url, hosts.apex).inScope) pages.push(url);
  }
  return pages;
}
