/**
 * CORS probe: each API endpoint (at most 8) is asked, as a hostile site would, with
 * Origin: https://evil.example and Origin: null, by a simple GET and by a preflight (OPTIONS).
 * Reflecting a foreign origin with Access-Control-Allow-Credentials: true lets any site read
 * signed-in users' data (critical); "*" with credentials is invalid; "*" on an authenticated
 * endpoint is worth a look.
 */
import { headerValue, type HttpResponse } from '@/server/net/http-client';
import { fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { homepageUrl, siteHosts } from './support/hosts';
import { mapBounded } from './support/pool';
import { result } from './support/result';
import type { CheckDeps, CheckEndpoint, CheckResult, CheckTarget, Finding, Severity } from './types';

export const id = 'cors';
export const title = 'CORS: other sites cannot read your users\' data';

const finding = findingsOf(id);
export const HOSTILE_ORIGIN = 'https://evil.example';
const MAX_ENDPOINTS = 8;
/** Endpoints that serve a signed-in user's data even when they answered our anonymous probe. */
const AUTHENTICATED_KINDS = new Set(['dashboard', 'checkout', 'chat']);

/** A type alias so it is plain JSON evidence. */
type Probe = {
  name: 'get' | 'get-null-origin' | 'preflight';
  origin: string;
  status: number;
  allowOrigin: string | null;
  allowCredentials: boolean;
  allowMethods: string | null;
};

interface Probed {
  url: string;
  kind: string;
  probes: Probe[];
  authenticated: boolean;
  error?: string;
}

function probeOf(name: Probe['name'], origin: string, response: HttpResponse): Probe {
  return {
    name,
    origin,
    status: response.status,
    allowOrigin: headerValue(response.headers, 'access-control-allow-origin')?.trim() ?? null,
    allowCredentials: (headerValue(response.headers, 'access-control-allow-credentials') ?? '').trim().toLowerCase() === 'true',
    allowMethods: headerValue(response.headers, 'access-control-allow-methods') ?? null,
  };
}

function endpointsToProbe(target: CheckTarget): { url: string; kind: string; method: CheckEndpoint['method'] }[] {
  const listed = (target.endpoints ?? []).filter((endpoint) => endpoint.kind !== 'payment-webhook').map(({ url, kind, method }) => ({ url, kind, method }));
  const hosts = siteHosts(target);
  const api = hosts.subdomains.find((host) => host.startsWith('api.'));
  if (api && !listed.some((endpoint) => new URL(endpoint.url).hostname === api)) listed.push({ url: `https://${api}/`, kind: 'api', method: 'GET' });
  if (listed.length === 0) listed.push({ url: homepageUrl(target), kind: 'homepage', method: 'GET' });
  return listed.slice(0, MAX_ENDPOINTS);
}

async function probeEndpoint(deps: CheckDeps, endpoint: { url: string; kind: string; method: CheckEndpoint['method'] }): Promise<Probed> {
  const common = { followRedirects: false, allowInvalidTls: true, maxBodyBytes: 16 * 1024, timeoutMs: 5_000 } as const;
  const requestMethod = endpoint.method === 'GET' ? 'PUT' : endpoint.method;
  const [get, getNull, preflight] = await Promise.all([
    fetchSafely(deps.http, endpoint.url, { ...common, headers: { origin: HOSTILE_ORIGIN } }),
    fetchSafely(deps.http, endpoint.url, { ...common, headers: { origin: 'null' } }),
    fetchSafely(deps.http, endpoint.url, { ...common, method: 'OPTIONS', headers: { origin: HOSTILE_ORIGIN, 'access-control-request-method': requestMethod, 'access-control-request-headers': 'content-type, authorization' } }),
  ]);
  const probes: Probe[] = [];
  if (get.ok) probes.push(probeOf('get', HOSTILE_ORIGIN, get.response));
  if (getNull.ok) probes.push(probeOf('get-null-origin', 'null', getNull.response));
  if (preflight.ok) probes.push(probeOf('preflight', HOSTILE_ORIGIN, preflight.response));
  const authenticated = AUTHENTICATED_KINDS.has(endpoint.kind) || (get.ok && (get.response.status === 401 || get.response.status === 403));
  return { url: endpoint.url, kind: endpoint.kind, probes, authenticated, ...(get.ok ? {} : { error: get.error.code }) };
}

function judge(probe: Probe, authenticated: boolean): { severity: Severity; code: string } | undefined {
  const origin = probe.allowOrigin;
  if (origin === null) return undefined;
  if (origin === '*') {
    if (probe.allowCredentials) return { severity: 'high', code: 'wildcard-with-credentials' };
    return authenticated ? { severity: 'medium', code: 'wildcard-on-authenticated' } : undefined;
  }
  if (origin === probe.origin) {
    if (probe.origin === 'null') return probe.allowCredentials ? { severity: 'critical', code: 'null-origin-with-credentials' } : { severity: 'low', code: 'null-origin' };
    return probe.allowCredentials ? { severity: 'critical', code: 'reflected-origin-with-credentials' } : { severity: authenticated ? 'medium' : 'low', code: 'reflected-origin' };
  }
  return undefined;
}

const TEXT: Record<string, (url: string) => { message: string; fix: string }> = {
  'reflected-origin-with-credentials': (url) => ({
    message: `${url} trusts any website: it echoes back the requesting site's origin (we sent ${HOSTILE_ORIGIN}) and allows credentials, so any page a signed-in user visits can read their data from this endpoint.`,
    fix: 'Only allow your own origins: compare the Origin header against a fixed list (e.g. https://app.yourdomain.com) and never echo it back unchecked; keep Access-Control-Allow-Credentials only for those.',
  }),
  'null-origin-with-credentials': (url) => ({
    message: `${url} accepts the origin "null" with credentials; sandboxed frames and local files send "null", so any attacker page can read signed-in users' data.`,
    fix: 'Remove "null" from the allowed origins.',
  }),
  'wildcard-with-credentials': (url) => ({
    message: `${url} sends Access-Control-Allow-Origin: * together with Allow-Credentials: true. Browsers reject that combination, and it usually means the CORS setup is copied from an example rather than designed.`,
    fix: 'Decide which origins need credentialed access, list them explicitly, and drop Allow-Credentials everywhere else.',
  }),
  'wildcard-on-authenticated': (url) => ({
    message: `${url} needs a signed-in user but allows every website to read its responses (Access-Control-Allow-Origin: *). If it ever accepts a token that a browser attaches automatically, any site can read the data.`,
    fix: 'Allow only your own front-end origins on authenticated endpoints.',
  }),
  'reflected-origin': (url) => ({
    message: `${url} echoes back any requesting origin (we sent ${HOSTILE_ORIGIN}) in Access-Control-Allow-Origin, so every website can read its responses.`,
    fix: 'Compare the Origin header against a list of your own origins instead of echoing it.',
  }),
  'null-origin': (url) => ({
    message: `${url} allows the origin "null", which any sandboxed page can send.`,
    fix: 'Remove "null" from the allowed origins.',
  }),
};

function endpointFindings(probed: Probed): Finding[] {
  const found = new Map<string, { severity: Severity; probes: Probe[] }>();
  for (const probe of probed.probes) {
    const verdict = judge(probe, probed.authenticated);
    if (!verdict) continue;
    const entry = found.get(verdict.code) ?? { severity: verdict.severity, probes: [] };
    entry.probes.push(probe);
    found.set(verdict.code, entry);
  }
  return [...found.entries()].map(([code, { severity, probes }]) => {
    const { message, fix } = TEXT[code]!(probed.url);
    return finding(severity, code, message, fix, { url: probed.url, kind: probed.kind, authenticated: probed.authenticated, probes });
  });
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const endpoints = endpointsToProbe(target);
  const probed = await mapBounded(endpoints, 3, (endpoint) => probeEndpoint(deps, endpoint));
  const findings = probed.flatMap(endpointFindings);
  const reached = probed.filter((p) => p.probes.length > 0);
  if (!target.endpoints?.length) {
    findings.push(finding('info', 'no-endpoints', `The project lists no API endpoints, so only ${endpoints.map((e) => e.url).join(', ')} was probed.`, 'Add your API endpoints to the project so each one is probed.', { probed: endpoints.map((e) => e.url) }));
  }
  for (const p of probed.filter((p) => p.probes.length === 0)) {
    findings.push(finding('info', 'unreachable', `${p.url} could not be reached (${p.error ?? 'no response'}), so its CORS policy was not checked.`, 'Check that the endpoint URL is right and the service is up.', { url: p.url }));
  }
  const evidence = { endpoints: probed.map((p) => ({ url: p.url, kind: p.kind, authenticated: p.authenticated, probes: p.probes })) };
  return result(findings, evidence, { incomplete: reached.length === 0 });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { corsEvidence as evidenceSchema, type CorsEvidence as Evidence } from './evidence/probes';
