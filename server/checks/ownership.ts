/**
 * Domain ownership proof, required before active probes (rate-limit and latency bursts):
 * a TXT record "launch-ready-verification=<token>" at the apex or at _launch-ready.<domain>,
 * or the token in https://<domain>/.well-known/launch-ready.txt.
 */
import { isSameSite, normaliseHost } from './support/hosts';
import { fetchSafely } from './support/fetch';
import { lookupTxt } from './support/txt-records';
import type { CheckDeps } from './types';

export const TXT_PREFIX = 'launch-ready-verification=';
export const WELL_KNOWN_PATH = '/.well-known/launch-ready.txt';
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export type OwnershipMethod = 'dns-txt' | 'dns-txt-subdomain' | 'well-known';

export interface OwnershipAttempt {
  method: OwnershipMethod;
  location: string;
  /** found: token present; absent: looked and not there; failed: could not look. */
  outcome: 'found' | 'absent' | 'failed';
  detail?: string;
}

export interface OwnershipResult {
  verified: boolean;
  method?: OwnershipMethod;
  attempts: OwnershipAttempt[];
}

export function isValidOwnershipToken(token: string): boolean {
  return TOKEN.test(token);
}

/** What to show the founder: the three ways to prove ownership. */
export function ownershipInstructions(domain: string, token: string) {
  const apex = normaliseHost(domain);
  return {
    dnsTxt: { name: apex, type: 'TXT', value: `${TXT_PREFIX}${token}` },
    dnsTxtSubdomain: { name: `_launch-ready.${apex}`, type: 'TXT', value: `${TXT_PREFIX}${token}` },
    wellKnown: { url: `https://${apex}${WELL_KNOWN_PATH}`, content: token },
  };
}

async function txtAttempt(deps: CheckDeps, method: OwnershipMethod, name: string, token: string): Promise<OwnershipAttempt> {
  const lookup = await lookupTxt(deps.resolver, name);
  if (lookup.status === 'failed') return { method, location: name, outcome: 'failed', detail: lookup.reason };
  const records = lookup.status === 'found' ? lookup.records.map((r) => r.trim()) : [];
  // The subdomain record may hold the bare token too.
  const found = records.some((record) => record === `${TXT_PREFIX}${token}` || (method === 'dns-txt-subdomain' && record === token));
  return { method, location: name, outcome: found ? 'found' : 'absent' };
}

async function wellKnownAttempt(deps: CheckDeps, apex: string, token: string): Promise<OwnershipAttempt> {
  const location = `https://${apex}${WELL_KNOWN_PATH}`;
  const fetched = await fetchSafely(deps.http, location, { maxBodyBytes: 4 * 1024, timeoutMs: 5_000 });
  if (!fetched.ok) return { method: 'well-known', location, outcome: 'failed', detail: fetched.error.code };
  const response = fetched.response;
  // Redirects may move to www or another subdomain of the same domain, never elsewhere.
  if (!isSameSite(new URL(response.url).hostname, apex)) return { method: 'well-known', location, outcome: 'absent', detail: `redirected off the domain to ${response.url}` };
  if (response.status !== 200) return { method: 'well-known', location, outcome: 'absent', detail: `status ${response.status}` };
  const lines = response.text().split(/\r?\n/).map((line) => line.trim());
  const found = lines.some((line) => line === token || line === `${TXT_PREFIX}${token}`);
  return { method: 'well-known', location, outcome: found ? 'found' : 'absent' };
}

export async function verifyOwnership(domain: string, token: string, deps: CheckDeps): Promise<OwnershipResult> {
  if (!isValidOwnershipToken(token)) throw new Error('ownership tokens are 16–128 letters, digits, "-" or "_"');
  const apex = normaliseHost(domain);
  const attempts: OwnershipAttempt[] = [];
  for (const attempt of [
    () => txtAttempt(deps, 'dns-txt', apex, token),
    () => txtAttempt(deps, 'dns-txt-subdomain', `_launch-ready.${apex}`, token),
    () => wellKnownAttempt(deps, apex, token),
  ]) {
    const outcome = await attempt();
    attempts.push(outcome);
    if (outcome.outcome === 'found') return { verified: true, method: outcome.method, attempts };
  }
  return { verified: false, attempts };
}
