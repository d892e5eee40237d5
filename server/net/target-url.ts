/**
 * Save-time judgement of an address the app will later connect to (project endpoints, monitors,
 * alert webhooks). Connect time (address-policy.ts via destination.ts) stays the real guard,
 * since a name can resolve anywhere; this catches what is visible in the text — IP literals the
 * policy blocks and names that only mean something inside a network — so the person saving it
 * gets a field message now instead of a "down" alert later. Pure: no DNS.
 */
import { isIP } from 'node:net';
import { decideAddress, type BlockReason } from './address-policy';
import { stripBrackets } from './destination';

export type TargetUrlResult = { ok: true; url: URL } | { ok: false; message: string };

export interface TargetUrlOptions {
  /** LR_ALLOW_LOOPBACK_TARGETS=on: loopback addresses and internal names are accepted (tests, intranet installs). */
  allowLoopback?: boolean;
}

const PUBLIC_HINT = 'Use the public address people reach it at, like https://app.example.com.';

/** Suffixes that never resolve on the public internet (RFC 6761, 6762, 8375, ICANN name-collision advice). */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'localdomain', 'lan', 'home', 'corp', 'private', 'home.arpa', 'test', 'invalid', 'onion'];

function addressMessage(address: string, reason: BlockReason): string {
  switch (reason) {
    case 'loopback':
    case 'unspecified':
      return `${address} points at the server Launch Ready runs on (loopback), not at your product. ${PUBLIC_HINT}`;
    case 'private':
    case 'link-local':
    case 'carrier-grade-nat':
      return `${address} is a private network address, which the internet cannot reach and we never connect to. ${PUBLIC_HINT}`;
    case 'cloud-metadata':
      return `${address} is a cloud provider's internal metadata address; we never connect to it. ${PUBLIC_HINT}`;
    default:
      return `${address} is not a public address (${reason.replace(/-/g, ' ')}), so we never connect to it. ${PUBLIC_HINT}`;
  }
}

/** A single-label name or one under a suffix reserved for local use. */
export function isInternalHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/** An absolute http(s) URL without credentials whose host is not visibly internal. */
export function checkTargetUrl(raw: string, options: TargetUrlOptions = {}): TargetUrlResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'Enter a full address starting with https://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'The address must start with https:// or http://' };
  if (url.username || url.password) return { ok: false, message: 'Leave credentials out of the address.' };
  // The URL parser has already turned 2130706433, 0x7f.1 and friends into dotted quads.
  const host = stripBrackets(url.hostname);
  if (isIP(host)) {
    const decision = decideAddress(host, { allowLoopback: options.allowLoopback === true });
    return decision.allowed ? { ok: true, url } : { ok: false, message: addressMessage(host, decision.category as BlockReason) };
  }
  if (!options.allowLoopback && isInternalHostname(host)) {
    return { ok: false, message: `“${host}” is a name that only works inside your own network (or on this server), so we cannot reach it from the internet. ${PUBLIC_HINT}` };
  }
  return { ok: true, url };
}

/**
 * The switch the checks and monitors share: LR_ALLOW_LOOPBACK_TARGETS=on (LR_MONITOR_ALLOW_LOOPBACK=on
 * for monitors only, LR_CHATBOT_ALLOW_LOOPBACK=on for chatbot runs only).
 */
export function loopbackTargetsAllowed(env: NodeJS.ProcessEnv = process.env, scope: 'checks' | 'monitors' | 'chatbot' = 'checks'): boolean {
  const on = (value: string | undefined) => ['on', '1', 'true'].includes((value ?? '').toLowerCase());
  return on(env.LR_ALLOW_LOOPBACK_TARGETS) || (scope === 'monitors' && on(env.LR_MONITOR_ALLOW_LOOPBACK)) || (scope === 'chatbot' && on(env.LR_CHATBOT_ALLOW_LOOPBACK));
}
