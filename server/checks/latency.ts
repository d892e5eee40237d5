/**
 * Latency of the key endpoints: the homepage and the project's GET endpoints (at most 6) are
 * sampled one request after another (two endpoints at a time, 12-second cap) and their
 * p50/p95/p99 compared with the playbook's targets. Writes (POST/PUT/…) are never replayed.
 * The burst (default 20 samples, at most 50) needs verified ownership; otherwise 5 samples.
 * Only addresses under the project's domain are sampled (support/probe-scope.ts); one that
 * redirects out of it is stopped after the first request.
 *
 * The measured time is request to last byte on an open connection (DNS, TCP and TLS setup
 * are taken out, as a browser re-using its connection would see it); setup time is reported
 * separately.
 */
import type { HttpResponse } from '@/server/net/http-client';
import { fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { homepageUrl } from './support/hosts';
import { OUTSIDE_FIX, probeScope } from './support/probe-scope';
import { clamp, deadlineIn, mapBounded, type Deadline } from './support/pool';
import { result } from './support/result';
import { percentile, roundMs } from './support/stats';
import type { CheckDeps, CheckResult, CheckTarget, Finding } from './types';

export const id = 'latency';
export const title = 'Latency of key endpoints (p50/p95/p99)';

const finding = findingsOf(id);
export const DEFAULT_SAMPLES = 20;
export const MAX_SAMPLES = 50;
export const UNVERIFIED_SAMPLES = 5;
const MAX_ENDPOINTS = 6;
const TIME_CAP_MS = 12_000;
const DEFAULT_TARGET_MS = 500;
const HEAVY_KINDS = new Set(['checkout', 'chat']);

type Measured = {
  url: string;
  kind: string;
  targetMs: number;
  samples: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  setupP95: number | null;
  /** Set when a redirect led out of the project's domain, which stopped the sampling. */
  leftDomainFor?: string;
};

function responseTime(response: HttpResponse): number {
  const { dnsMs, connectMs, tlsMs, totalMs } = response.timing;
  return Math.max(0, totalMs - dnsMs - connectMs - tlsMs);
}

async function measure(deps: CheckDeps, endpoint: { url: string; kind: string }, samples: number, targetMs: number, deadline: Deadline, domain: string): Promise<Measured> {
  const times: number[] = [];
  const setup: number[] = [];
  let errors = 0;
  let sent = 0;
  let leftDomainFor: string | undefined;
  for (; sent < samples && !deadline.expired() && !leftDomainFor; sent++) {
    const fetched = await fetchSafely(deps.http, endpoint.url, { allowInvalidTls: true, maxBodyBytes: 512 * 1024, timeoutMs: Math.max(1, Math.min(5_000, deadline.remainingMs())) });
    const reached = probeScope(fetched.ok ? fetched.response.url : fetched.error.url, domain);
    if (!reached.inScope) leftDomainFor = reached.host;
    if (!fetched.ok || fetched.response.status >= 500) {
      errors += 1;
      continue;
    }
    times.push(responseTime(fetched.response));
    setup.push(fetched.response.timing.dnsMs + fetched.response.timing.connectMs + fetched.response.timing.tlsMs);
  }
  return {
    url: endpoint.url,
    kind: endpoint.kind,
    targetMs,
    samples: sent,
    errors,
    p50: roundMs(percentile(times, 50)),
    p95: roundMs(percentile(times, 95)),
    p99: roundMs(percentile(times, 99)),
    max: roundMs(times.length ? Math.max(...times) : undefined),
    setupP95: roundMs(percentile(setup, 95)),
    ...(leftDomainFor ? { leftDomainFor } : {}),
  };
}

function measuredFindings(m: Measured, domain: string): Finding[] {
  const findings: Finding[] = [];
  if (m.leftDomainFor) {
    findings.push(finding('info', 'outside-verified-domain', `${m.url} redirects to ${m.leftDomainFor}, which is not under the domain ${domain}, so it was measured once instead of sampled repeatedly.`, OUTSIDE_FIX, { url: m.url, redirectedTo: m.leftDomainFor, domain }));
  }
  if (m.p95 !== null && m.p95 > 2 * m.targetMs) {
    findings.push(finding('high', 'p95-far-over-target', `${m.url}: 95% of requests finish within ${Math.round(m.p95)} ms, more than twice the ${m.targetMs} ms target; one visitor in twenty waits that long or longer.`, 'Find the slow part (database queries without an index, calls to other services made one after another, no caching) with your tracing or logs, fix it, and run this again.', m));
  } else if (m.p95 !== null && m.p95 > m.targetMs) {
    findings.push(finding('medium', 'p95-over-target', `${m.url}: p95 is ${Math.round(m.p95)} ms, over the ${m.targetMs} ms target.`, 'Look at the slowest requests in your logs or tracing; caching or an index often closes a gap this size.', m));
  }
  if (m.errors > 0) {
    findings.push(finding('medium', 'errors', `${m.url} failed ${m.errors} of ${m.samples} requests (errors or 5xx answers) while being measured.`, 'Check the server logs for these failures; errors under light load usually get worse under real traffic.', m));
  }
  return findings;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const all = [{ url: homepageUrl(target), kind: 'homepage', method: 'GET' as const }, ...(target.endpoints ?? [])];
  const unique = all.filter((endpoint, index) => all.findIndex((other) => other.url === endpoint.url && other.method === endpoint.method) === index);
  const verified = target.ownershipVerified === true;
  // Addresses outside the project's domain are never sampled, verified or not.
  const outside = unique.flatMap((endpoint) => {
    const scope = probeScope(endpoint.url, target.domain, verified);
    return scope.inScope ? [] : [{ endpoint, message: scope.message }];
  });
  const inside = unique.filter((endpoint) => !outside.some((o) => o.endpoint === endpoint));
  const reads = inside.filter((endpoint) => endpoint.method === 'GET').slice(0, MAX_ENDPOINTS);
  const writes = inside.filter((endpoint) => endpoint.method !== 'GET');
  const requested = clamp(target.probes?.latencySamples, DEFAULT_SAMPLES, 1, MAX_SAMPLES);
  const samples = verified ? requested : Math.min(UNVERIFIED_SAMPLES, requested);
  const targets = target.targets;
  const targetFor = (kind: string) => (HEAVY_KINDS.has(kind) ? targets?.heavyActionP95Ms ?? targets?.commonReadP95Ms : targets?.commonReadP95Ms) ?? DEFAULT_TARGET_MS;
  const deadline = deadlineIn(TIME_CAP_MS);
  const measured = await mapBounded(reads, 2, (endpoint) => measure(deps, endpoint, samples, targetFor(endpoint.kind), deadline, target.domain));

  const findings = measured.flatMap((m) => measuredFindings(m, target.domain));
  for (const { endpoint, message } of outside) {
    findings.push(finding('info', 'outside-verified-domain', `${endpoint.url}: ${message}`, OUTSIDE_FIX, { url: endpoint.url, domain: target.domain }));
  }
  const evidence = {
    samplesPerEndpoint: samples,
    ownershipVerified: verified,
    endpoints: measured,
    skippedWrites: writes.map((w) => `${w.method} ${w.url}`),
    skippedOutsideDomain: outside.map((o) => `${o.endpoint.method} ${o.endpoint.url}`),
  };
  if (!verified && requested > UNVERIFIED_SAMPLES) {
    findings.push(finding('info', 'light-sample', `Only ${samples} requests per endpoint were sent because the domain's ownership is not verified; percentiles from so few samples are rough.`, 'Verify the domain in project settings to measure with the full sample.', { samples }));
  }
  if (!targets) {
    findings.push(finding('info', 'default-target', `The project has no latency target, so ${DEFAULT_TARGET_MS} ms was used.`, 'Pick a playbook (or set targets) so the check compares against your own numbers.', { targetMs: DEFAULT_TARGET_MS }));
  }
  if (writes.length > 0) {
    findings.push(finding('info', 'writes-skipped', `${writes.length} endpoint${writes.length === 1 ? '' : 's'} that change data (${writes.map((w) => w.method).join(', ')}) ${writes.length === 1 ? 'was' : 'were'} not measured; replaying writes could create real orders or accounts.`, 'Measure those with a load test against a staging copy.', { skipped: evidence.skippedWrites }));
  }
  const answered = measured.filter((m) => m.p95 !== null);
  if (answered.length === 0) {
    findings.push(finding('info', 'unreachable', 'No endpoint answered, so latency was not measured.', 'See the DNS, TLS and redirects checks, then run this again.', { endpoints: measured }));
  }
  return result(findings, evidence, { incomplete: answered.length === 0 });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { latencyEvidence as evidenceSchema, type LatencyEvidence as Evidence } from './evidence/probes';
