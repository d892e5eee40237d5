/** The host names a target covers: apex, www, the canonical one and the listed subdomains. */
import type { CheckTarget } from '../types';

const MAX_SUBDOMAINS = 20;

export function normaliseHost(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

export interface SiteHosts {
  apex: string;
  www: string;
  canonical: string;
  /** The other of apex and www. */
  nonCanonical: string;
  /** Full names, without apex and www, at most 20. */
  subdomains: string[];
}

/** "app" and "app.shop.example" both mean app.shop.example. */
function fullName(apex: string, entry: string): string {
  const name = normaliseHost(entry);
  return name === apex || name.endsWith(`.${apex}`) ? name : `${name}.${apex}`;
}

export function siteHosts(target: CheckTarget): SiteHosts {
  const apex = normaliseHost(target.domain).replace(/^www\./, '');
  const www = `www.${apex}`;
  const canonical = target.canonicalHost === 'www' ? www : apex;
  const subdomains = [...new Set((target.subdomains ?? []).filter((s) => s.trim() !== '').map((s) => fullName(apex, s)))]
    .filter((name) => name !== apex && name !== www)
    .slice(0, MAX_SUBDOMAINS);
  return { apex, www, canonical, nonCanonical: canonical === apex ? www : apex, subdomains };
}

/** The page visitors land on: the production URL when set, else https://<canonical host>/. */
export function homepageUrl(target: CheckTarget): string {
  if (target.productionUrl) {
    try {
      return new URL(target.productionUrl).href;
    } catch {
      // fall through to the canonical host
    }
  }
  return `https://${siteHosts(target).canonical}/`;
}

/** The host is the apex or one of its subdomains. */
export function isSameSite(host: string, apex: string): boolean {
  const name = normaliseHost(host);
  return name === apex || name.endsWith(`.${apex}`);
}
