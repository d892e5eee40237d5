/**
 * Redirects check: plain HTTP moves to HTTPS on apex, www and the canonical host; every
 * non-canonical entry point ends on the canonical host, ideally in one hop, with permanent
 * (301/308) redirects; no loops or long chains; and a path with and without a trailing
 * slash does not serve the same page twice (information).
 *
 * Beyond the four entry points, http:// is walked on every listed subdomain (at most 20) and
 * on the path of every listed endpoint under the project's domain (at most 10): a host that
 * serves plain HTTP there, or a loop on any of those paths, is a finding too.
 */
import type { HttpResponse, RedirectHop } from '@/server/net/http-client';
import { bodyText, errorEvidence, fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { extractAssets } from './support/html';
import { siteHosts, type SiteHosts } from './support/hosts';
import { mapBounded } from './support/pool';
import { probeScope } from './support/probe-scope';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'redirects';
export const title = 'Redirects: HTTPS everywhere, one canonical host';

const finding = findingsOf(id);
const TEMPORARY = new Set([302, 303, 307]);
const REQUEST = { maxBodyBytes: 256 * 1024, allowInvalidTls: true, timeoutMs: 5_000 } as const;
/** Listed endpoints whose paths are walked (subdomains are capped at 20 by siteHosts). */
const MAX_ENDPOINT_WALKS = 10;

interface Walk {
  start: string;
  hops: RedirectHop[];
  final?: { url: string; status: number };
  error?: { code: string; message: string; evidence: JsonValue };
  response?: HttpResponse;
}

async function walk(deps: CheckDeps, start: string): Promise<Walk> {
  const fetched = await fetchSafely(deps.http, start, REQUEST);
  if (fetched.ok) {
    return { start, hops: fetched.response.redirects, final: { url: fetched.response.url, status: fetched.response.status }, response: fetched.response };
  }
  return { start, hops: fetched.error.redirects, error: { code: fetched.error.code, message: fetched.error.message, evidence: errorEvidence(fetched.error) } };
}

function chainEvidence(w: Walk): JsonValue {
  return {
    // `url` is what a finding is about (its fingerprint subject): one finding per entry point.
    url: w.start,
    start: w.start,
    chain: w.hops.map((hop) => ({ url: hop.url, status: hop.status, location: hop.location })),
    ...(w.final ? { final: w.final } : {}),
    ...(w.error ? { error: w.error.code } : {}),
  };
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}

/** A redirect that changes scheme or host: the kind that is meant to be permanent. */
function movesSite(hop: RedirectHop): boolean {
  const from = new URL(hop.url);
  const to = new URL(hop.location, hop.url);
  return from.protocol !== to.protocol || from.host !== to.host;
}

/** Loops, endless chains, plain HTTP and downgrades: judged on every walk, entry point or not. */
function transportFindings(w: Walk, hosts: SiteHosts): Finding[] {
  const evidence = chainEvidence(w);
  if (w.error?.code === 'redirect-loop') return [finding('high', 'loop', `${w.start} redirects in a loop, so visitors get a "too many redirects" error.`, 'Look for two rules that send traffic back and forth (often HTTPS forced both at the CDN and at the app, or apex→www and www→apex) and remove one.', evidence)];
  if (w.error?.code === 'too-many-redirects') return [finding('high', 'too-many', `${w.start} redirects more than 5 times without arriving anywhere.`, `Make ${w.start} redirect straight to its https:// address in a single step.`, evidence)];
  if (w.error) return [];
  const findings: Finding[] = [];
  const startHost = hostOf(w.start);
  if (w.start.startsWith('http:') && w.final!.url.startsWith('http:')) {
    const https = startHost === hosts.apex || startHost === hosts.www ? `https://${hosts.canonical}` : `https://${startHost}`;
    findings.push(finding('high', 'no-https', `${w.start} is served over plain HTTP instead of moving visitors to HTTPS, so logins and cookies on it can be read or changed on the way.`, `Redirect every http:// request to ${https} with a 301 (most hosts and CDNs have an "Always use HTTPS" switch).`, evidence));
  }
  const downgrade = w.hops.find((hop) => hop.url.startsWith('https:') && hop.location.startsWith('http:'));
  if (downgrade) {
    findings.push(finding('high', 'downgrade', `${downgrade.url} redirects from HTTPS back to plain HTTP (${downgrade.location}).`, 'Make every redirect target an https:// URL.', evidence));
  }
  return findings;
}

/** The entry points (apex, www, canonical) are also judged on where they end and how they get there. */
function walkFindings(w: Walk, hosts: SiteHosts): Finding[] {
  const evidence = chainEvidence(w);
  const startHost = hostOf(w.start);
  if (w.error) {
    const transport = transportFindings(w, hosts);
    if (transport.length > 0) return transport;
    return [finding('info', 'unreachable', `${w.start} could not be reached (${w.error.code}), so its redirects were not checked.`, 'If this host should work, see the DNS and TLS checks; if not, remove its DNS record.', evidence)];
  }
  const findings: Finding[] = transportFindings(w, hosts);
  const final = w.final!;
  const finalHost = hostOf(final.url);
  if ((startHost === hosts.apex || startHost === hosts.www) && finalHost !== hosts.canonical && final.url.startsWith('https:')) {
    const code = startHost === hosts.canonical ? 'canonical-mismatch' : 'not-canonical';
    findings.push(
      code === 'canonical-mismatch'
        ? finding('medium', code, `The project's canonical host is ${hosts.canonical}, but ${w.start} sends visitors to ${finalHost}.`, `Either change the project's canonical host to ${finalHost}, or make ${hosts.canonical} serve the site and redirect ${finalHost} to it.`, evidence)
        : finding('medium', code, `${w.start} ends on ${finalHost} instead of the canonical host ${hosts.canonical}, so the same site lives at two addresses (split search ranking, cookies and analytics).`, `Redirect ${startHost} to https://${hosts.canonical} with a 301.`, evidence),
    );
  }
  if (final.status >= 400) {
    findings.push(finding('medium', 'broken-destination', `${w.start} ends on ${final.url}, which answers ${final.status}.`, `Make ${final.url} serve your site, or redirect ${startHost} somewhere that does.`, evidence));
  }
  if (w.hops.length > 2) {
    findings.push(finding('low', 'long-chain', `${w.start} takes ${w.hops.length} redirects to arrive; each one adds a round trip before the first byte of your page.`, `Redirect straight to the final https://${hosts.canonical} URL in one step.`, evidence));
  } else if (w.hops.length === 2 && startHost !== hosts.canonical) {
    findings.push(finding('info', 'extra-hop', `${w.start} takes 2 redirects to reach ${finalHost}; one would do.`, `Optional: redirect http://${startHost} straight to https://${hosts.canonical}.`, evidence));
  }
  const temporary = w.hops.filter((hop) => TEMPORARY.has(hop.status) && movesSite(hop));
  if (temporary.length > 0) {
    findings.push(finding('low', 'temporary', `${w.start} uses temporary redirects (${temporary.map((hop) => hop.status).join(', ')}) for a move that is permanent, so browsers and search engines keep asking the old address.`, 'Use 301 (or 308) for HTTP→HTTPS and host-to-host redirects.', evidence));
  }
  return findings;
}

/** A link on the canonical homepage that can be asked for with and without a trailing slash. */
function samplePath(w: Walk | undefined): string | undefined {
  if (w?.response?.status !== 200) return undefined;
  const origin = new URL(w.response.url).origin;
  return extractAssets(bodyText(w.response), w.response.url)
    .links.map((link) => new URL(link))
    .find((url) => url.origin === origin && url.pathname !== '/' && !/\.[a-z0-9]{1,5}$/i.test(url.pathname))
    ?.pathname.replace(/\/+$/, '');
}

async function trailingSlashFindings(deps: CheckDeps, canonicalWalk: Walk | undefined): Promise<Finding[]> {
  const path = samplePath(canonicalWalk);
  if (!path || !canonicalWalk?.response) return [];
  const origin = new URL(canonicalWalk.response.url).origin;
  const [bare, slashed] = await Promise.all([
    fetchSafely(deps.http, `${origin}${path}`, { ...REQUEST, followRedirects: false }),
    fetchSafely(deps.http, `${origin}${path}/`, { ...REQUEST, followRedirects: false }),
  ]);
  if (!bare.ok || !slashed.ok || bare.response.status !== 200 || slashed.response.status !== 200) return [];
  return [
    finding('info', 'trailing-slash-duplicate', `${path} and ${path}/ both serve a page, so search engines may see duplicate content.`, `Pick one form and redirect the other to it with a 301 (most frameworks have a "trailingSlash" setting).`, { urls: [`${origin}${path}`, `${origin}${path}/`], statuses: [200, 200] }),
  ];
}

/**
 * http:// on every listed subdomain and on each listed endpoint's path under the project's
 * domain (queries dropped: they may carry tokens), without the entry points already walked.
 */
export function extraStarts(target: CheckTarget, hosts: SiteHosts, walked: readonly string[]): string[] {
  const starts = new Set<string>(hosts.subdomains.map((host) => `http://${host}/`));
  let paths = 0;
  for (const endpoint of target.endpoints ?? []) {
    if (paths >= MAX_ENDPOINT_WALKS || !probeScope(endpoint.url, hosts.apex).inScope) continue;
    const url = new URL(endpoint.url);
    const start = `http://${url.hostname}${url.pathname}`;
    if (starts.has(start)) continue;
    starts.add(start);
    paths += 1;
  }
  return [...starts].filter((start) => !walked.includes(start));
}

/** A path whose http:// side does not answer at all is still walked over https://, for loops. */
async function walkExtra(deps: CheckDeps, start: string): Promise<Walk[]> {
  const plain = await walk(deps, start);
  const unanswered = plain.error && plain.hops.length === 0 && plain.error.code !== 'redirect-loop' && plain.error.code !== 'too-many-redirects';
  if (!unanswered || new URL(start).pathname === '/') return [plain];
  return [plain, await walk(deps, start.replace(/^http:/, 'https:'))];
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const hosts = siteHosts(target);
  const starts = [`http://${hosts.apex}/`, `http://${hosts.www}/`, `https://${hosts.nonCanonical}/`, `https://${hosts.canonical}/`];
  const [walks, extra] = await Promise.all([
    mapBounded(starts, 4, (start) => walk(deps, start)),
    mapBounded(extraStarts(target, hosts, starts), 4, (start) => walkExtra(deps, start)).then((lists) => lists.flat()),
  ]);
  const canonicalWalk = walks[3];
  const findings = [...walks.flatMap((w) => walkFindings(w, hosts)), ...extra.flatMap((w) => transportFindings(w, hosts)), ...(await trailingSlashFindings(deps, canonicalWalk))];
  const incomplete = canonicalWalk?.error !== undefined && canonicalWalk.error.code !== 'redirect-loop' && canonicalWalk.error.code !== 'too-many-redirects';
  if (incomplete) {
    findings.push(finding('info', 'canonical-unreachable', `https://${hosts.canonical}/ could not be reached, so the redirects could not all be judged.`, 'See the DNS and TLS checks, then run this again.', chainEvidence(canonicalWalk!)));
  }
  return result(findings, { canonical: hosts.canonical, walks: walks.map(chainEvidence), otherWalks: extra.map(chainEvidence) }, { incomplete });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { redirectsEvidence as evidenceSchema, type RedirectsEvidence as Evidence } from './evidence/web';
