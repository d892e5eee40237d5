/**
 * The cookies a journey collects, sent back on later steps as a browser would: host-only or
 * domain cookies, path prefix, Secure only over https, expired ones dropped. Set-Cookie headers
 * are read with set-cookie-parser; the jar lives for one run and is never stored.
 */
import { parseSetCookie } from 'set-cookie-parser';

type StoredCookie = { name: string; value: string; domain: string; hostOnly: boolean; path: string; secure: boolean; expiresAt: number | null };

function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith('/') || path.lastIndexOf('/') === 0) return '/';
  return path.slice(0, path.lastIndexOf('/'));
}

function domainMatches(host: string, cookie: StoredCookie): boolean {
  return cookie.hostOnly ? host === cookie.domain : host === cookie.domain || host.endsWith(`.${cookie.domain}`);
}

function pathMatches(path: string, cookiePath: string): boolean {
  return path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/'));
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes the Set-Cookie headers of a response to `url`. */
  store(url: URL, setCookie: readonly string[] | undefined): void {
    if (!setCookie || setCookie.length === 0) return;
    const host = url.hostname.toLowerCase();
    for (const c of parseSetCookie([...setCookie], { decodeValues: false, silent: true })) {
      const declared = c.domain?.replace(/^\./, '').toLowerCase();
      // A cookie for another site is ignored, as browsers do.
      if (declared && host !== declared && !host.endsWith(`.${declared}`)) continue;
      const expiresAt = c.maxAge !== undefined ? this.now() + c.maxAge * 1000 : c.expires ? c.expires.getTime() : null;
      const cookie: StoredCookie = { name: c.name, value: c.value, domain: declared ?? host, hostOnly: !declared, path: c.path?.startsWith('/') ? c.path : defaultPath(url), secure: c.secure === true, expiresAt };
      this.cookies = this.cookies.filter((o) => !(o.name === cookie.name && o.domain === cookie.domain && o.path === cookie.path));
      if (expiresAt === null || expiresAt > this.now()) this.cookies.push(cookie);
    }
  }

  /** The Cookie header for a request to `url`, or null when no cookie applies. */
  headerFor(url: URL): string | null {
    const host = url.hostname.toLowerCase();
    const now = this.now();
    const matching = this.cookies
      .filter((c) => (c.expiresAt === null || c.expiresAt > now) && domainMatches(host, c) && pathMatches(url.pathname || '/', c.path) && (!c.secure || url.protocol === 'https:'))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length > 0 ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : null;
  }

  /** Every value held, so they can be masked in what a run keeps. */
  values(): string[] {
    return this.cookies.map((c) => c.value);
  }
}
