/**
 * Domain and URL rules for project fields, aware of the public suffix list (tldts), so
 * `example.co.uk` is a registrable domain, `co.uk` is not, and `exa mple..com` is rejected
 * with a message saying why.
 */
import { domainToASCII } from 'node:url';
import { parse } from 'tldts';
import { checkTargetUrl } from '@/server/net/target-url';

export type RuleResult = { ok: true; value: string } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOSTNAME_LENGTH = 253;

/** Checks spelling of a hostname: labels, length, no scheme, no path. Returns it lower-cased, in ASCII. */
export function normalizeHostname(raw: string): RuleResult {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!trimmed) return { ok: false, message: 'Enter a domain.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) || /[/?#]/.test(trimmed)) {
    return { ok: false, message: 'Enter just the domain, like example.com — without https:// or a path.' };
  }
  if (/\s/.test(trimmed)) return { ok: false, message: 'A domain cannot contain spaces.' };
  if (trimmed.includes('..') || trimmed.startsWith('.')) return { ok: false, message: 'A domain cannot contain empty parts (two dots in a row).' };
  const ascii = domainToASCII(trimmed);
  if (!ascii) return { ok: false, message: 'This is not a valid domain name.' };
  if (ascii.length > MAX_HOSTNAME_LENGTH) return { ok: false, message: 'A domain can be at most 253 characters long.' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, message: 'Include the ending, like example.com.' };
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return { ok: false, message: `“${bad}” is not a valid part of a domain: use letters, digits and inner hyphens, at most 63 characters.` };
  }
  return { ok: true, value: ascii };
}

function parseKnown(hostname: string): RuleResult & { domain?: string } {
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp) return { ok: false, message: 'Use a domain name, not an IP address.' };
  if (!info.publicSuffix || !info.domain || (info.isIcann === false && info.isPrivate === false)) {
    return { ok: false, message: `“${hostname}” does not end in a known public suffix such as .com or .co.uk.` };
  }
  return { ok: true, value: hostname, domain: info.domain };
}

/** The product's registered domain (example.com, example.co.uk, or myapp.vercel.app). */
export function checkRegistrableDomain(raw: string): RuleResult {
  const spelled = normalizeHostname(raw);
  if (!spelled.ok) return spelled;
  const known = parseKnown(spelled.value);
  if (!known.ok) return known;
  if (known.domain !== spelled.value) {
    const sub = spelled.value.slice(0, -(known.domain!.length + 1));
    return {
      ok: false,
      message: `Enter the registered domain (${known.domain}) here; add “${sub}” under subdomains.`,
    };
  }
  return { ok: true, value: spelled.value };
}

/** Any hostname under a known public suffix, e.g. a mail-sending domain like mail.example.com. */
export function checkHostname(raw: string): RuleResult {
  const spelled = normalizeHostname(raw);
  if (!spelled.ok) return spelled;
  return parseKnown(spelled.value);
}

/** A subdomain label such as `app` or `api.eu`; accepts `app.example.com` when it sits under the primary domain. */
export function checkSubdomain(raw: string, primaryDomain?: string): RuleResult {
  let value = raw.trim().toLowerCase().replace(/\.$/, '');
  if (primaryDomain && value.endsWith(`.${primaryDomain}`)) value = value.slice(0, -(primaryDomain.length + 1));
  if (!value) return { ok: false, message: 'Enter a subdomain such as app or api.' };
  const labels = value.split('.');
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) return { ok: false, message: `“${raw.trim()}” is not a valid subdomain: use letters, digits and inner hyphens.` };
  return { ok: true, value };
}

/** DKIM selectors are dot-separated labels too (RFC 6376 §3.1), e.g. `google` or `s1.eu`. */
export function checkDkimSelector(raw: string): RuleResult {
  const value = raw.trim().toLowerCase();
  const valid = value.length > 0 && value.split('.').every((label) => /^[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?$/.test(label));
  return valid ? { ok: true, value } : { ok: false, message: `“${raw.trim()}” is not a valid DKIM selector.` };
}

/**
 * An absolute http(s) URL whose host is a real domain under a known suffix. Inward addresses
 * (loopback, private, metadata, internal names) get the network policy's own message.
 */
export function checkPublicUrl(raw: string): RuleResult {
  const target = checkTargetUrl(raw);
  if (!target.ok) return target;
  const host = checkHostname(target.url.hostname);
  if (!host.ok) return host;
  return { ok: true, value: target.url.toString() };
}

/** Any host would do as the base: a path is only a path if resolving it keeps that host. */
const PATH_BASE = 'https://path-check.invalid';

function staysOnBase(path: string): boolean {
  try {
    return new URL(path, PATH_BASE).origin === PATH_BASE;
  } catch {
    return false;
  }
}

/** A key endpoint: a full URL, or a path like `/api/login` relative to the production URL. */
export function checkEndpointTarget(raw: string): RuleResult {
  const value = raw.trim();
  if (value.startsWith('/') || value.startsWith('\\')) {
    if (/\s/.test(value) || value.length > 2000) return { ok: false, message: 'A path cannot contain spaces.' };
    // "//127.0.0.1:8080/x" and "/\evil.com" look like paths but name another host once resolved.
    if (!staysOnBase(value)) {
      return { ok: false, message: 'A path starts with a single / (like /api/login). To use another host, enter the full address starting with https://' };
    }
    return { ok: true, value };
  }
  return checkPublicUrl(value);
}
