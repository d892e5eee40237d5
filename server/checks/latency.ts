/**
 * Latency of the key endpoints: the homepage and the project's GET endpoints (at most 6) are
 * sampled one request after another (two endpoints at a time, 12-second cap) and their
 * p50/p95/p99 compared with each endpoint's own target: set by hand on the endpoint, or the
 * playbook's for its kind — common reads, heavier actions, chat replies (server/targets). A write (POST/PUT/…) is measured only when
 * the person marked it safe to replay and gave its body, and only on a verified domain (at most
 * WRITE_SAMPLES times); any other write is skipped with the reason said. Endpoint headers and
 * bodies may name project secrets (`{{secret.NAME}}`, filled from deps.secrets). The burst (default 20 samples, at most 50) needs verified ownership; otherwise 5 samples.
 * Only addresses under the project's domain are sampled (support/probe-scope.ts); one that
 * redirects out of it is stopped after the first request.
 *
 * The measured time is request to last byte on an open connection (DNS, TCP and TLS setup
 * are taken out, as a browser re-using its connection would see it); setup time is reported
 * separately.
 */
import type { HttpMethod, HttpResponse } from '@/server/net/http-client';
import { buildRequest } from '@/server/monitoring/request';
import { secretBoxOf, type SecretBox } from '@/server/vault/box';
import { fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { homepageUrl } from './support/hosts';
import { OUTSIDE_FIX, probeScope } from './support/probe-scope';
import { clamp, deadlineIn, mapBounded, type Deadline } from './support/pool';
import { result } from './support/result';
import { percentile, roundMs } from './support/stats';
import { DEFAULT_COMMON_READ_MS, LATENCY_KIND_LABELS, endpointTarget, type LatencyKind, type TargetSource } from '@/server/targets/endpoint-targets';
import type { CheckDeps, CheckEndpoint, CheckResult, CheckTarget, Finding } from './types';

export const id = 'latency';
export const title = 'Latency of key endpoints (p50/p95/p99)';

const finding = findingsOf(id);
export const DEFAULT_SAMPLES = 20;
export const MAX_SAMPLES = 50;
export const UNVERIFIED_SAMPLES = 5;
const MAX_ENDPOINTS = 6;
const TIME_CAP_MS = 12_000;
/** A replayed write creates what it creates each time: fewer samples than a read. */
export const WRITE_SAMPLES = 10;
const NO_SECRETS = secretBoxOf([]);

type Endpoint = CheckEndpoint | { url: string; kind: string; method: 'GET' };
type Sent = { method: HttpMethod; headers?: Record<string, string>; body?: string; followRedirects?: boolean };

/** What one endpoint's requests carry, or why they cannot be sent (a secret is missing). */
function requestFor(endpoint: Endpoint, secrets: SecretBox): { ok: true; sent: Sent } | { ok: false; reason: string } {
  const withExtras = endpoint as CheckEndpoint;
  if (!withExtras.headers?.length && (endpoint.method === 'GET' || !withExtras.body)) return { ok: true, sent: { method: endpoint.method } };
  try {
    const built = buildRequest({ method: endpoint.method, headers: withExtras.headers, body: endpoint.method === 'GET' ? null : withExtras.body }, secrets);
    return { ok: true, sent: { method: endpoint.method, headers: built.headers, body: built.body, ...(built.carriesSecrets ? { followRedirects: false } : {}) } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Why a write is not replayed, in the words the finding uses; null when it may be. */
function replayBlocker(endpoint: CheckEndpoint, verified: boolean): string | null {
  if (!endpoint.safeToReplay) return 'not marked safe to replay';
  if (!endpoint.body) return 'no body given to send';
  if (!verified) return 'the domain’s ownership is not verified';
  return null;
}

/** The endpoint's own target and where it came from. */
type EndpointTarget = { targetMs: number; targetKind: LatencyKind; targetSource: TargetSource; targetFrom: string };

type Measured = EndpointTarget & {
  url: string;
  kind: string;
  samples: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  setupP95: number | null;
  /** Set when a redirect led out of the project's domain, which stopped the sampling. */
  leftDomainFor?: string;
  /** A write the person marked safe to replay, sent with its body. */
  method?: string;
};

function responseTime(response: HttpResponse): number {
  const { dnsMs, connectMs, tlsMs, totalMs } = response.timing;
  return Math.max(0, totalMs - dnsMs - connectMs - tlsMs);
}

async function measure(deps: CheckDeps, endpoint: { url: string; kind: string }, sent: Sent, samples: number, target: EndpointTarget, deadline: Deadline, domain: string): Promise<Measured> {
  const times: number[] = [];
  const setup: number[] = [];
  let errors = 0;
  let count = 0;
  let leftDomainFor: string | undefined;
  for (; count < samples && !deadline.expired() && !leftDomainFor; count++) {
    const fetched = await fetchSafely(deps.http, endpoint.url, { ...sent, allowInvalidTls: true, maxBodyBytes: 512 * 1024, timeoutMs: Math.max(1, Math.min(5_000, deadline.remainingMs())) });
    const reached = probeScope(fetched.ok ? fetched.response.url : fetched.error.url, domain);
    if (!reached.inScope) leftDomainFor = reached.host;
    // A refused write (4xx) did not do the work being timed: it counts as an error, not a sample.
    if (!fetched.ok || fetched.response.status >= (sent.method === 'GET' ? 500 : 400)) {
      errors += 1;
      continue;
    }
    times.push(responseTime(fetched.response));
    setup.push(fetched.response.timing.dnsMs + fetched.response.timing.connectMs + fetched.response.timing.tlsMs);
  }
  return {
    url: endpoint.url,
    kind: endpoint.kind,
    ...(sent.method !== 'GET' ? { method: sent.method } : {}),
    ...target,
    samples: count,
    errors,
    p50: roundMs(percentile(times, 50)),
    p95: roundMs(percentile(times, 95)),
    p99: roundMs(percentile(times, 99)),
    max: roundMs(times.length ? Math.max(...times) : undefined),
    setupP95: roundMs(percentile(setup, 95)),
    ...(leftDomainFor ? { leftDomainFor } : {}),
  };
}

/** "the 800 ms target for heavier actions (the playbook's p95 for heavier actions)" */
function targetWords(m: Measured): string {
  return `the ${m.targetMs} ms target for ${LATENCY_KIND_LABELS[m.targetKind]} (${m.targetFrom})`;
}

function measuredFindings(m: Measured, domain: string): Finding[] {
  const findings: Finding[] = [];
  if (m.leftDomainFor) {
    findings.push(finding('info', 'outside-verified-domain', `${m.url} redirects to ${m.leftDomainFor}, which is not under the domain ${domain}, so it was measured once instead of sampled repeatedly.`, OUTSIDE_FIX, { url: m.url, redirectedTo: m.leftDomainFor, domain }));
  }
  if (m.p95 !== null && m.p95 > 2 * m.targetMs) {
    findings.push(finding('high', 'p95-far-over-target', `${m.url}: 95% of requests finish within ${Math.round(m.p95)} ms, more than twice ${targetWords(m)}; one visitor in twenty waits that long or longer.`, 'Find the slow part (database queries without an index, calls to other services made one after another, no caching) with your tracing or logs, fix it, and run this again.', m));
  } else if (m.p95 !== null && m.p95 > m.targetMs) {
    findings.push(finding('medium', 'p95-over-target', `${m.url}: p95 is ${Math.round(m.p95)} ms, over ${targetWords(m)}.`, 'Look at the slowest requests in your logs or tracing; caching or an index often closes a gap this size.', m));
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
  const writes = inside.filter((endpoint): endpoint is CheckEndpoint => endpoint.method !== 'GET');
  const replayed = writes.filter((w) => replayBlocker(w, verified) === null).slice(0, MAX_ENDPOINTS);
  const skippedWrites = writes.filter((w) => !replayed.includes(w)).map((w) => ({ endpoint: `${w.method} ${w.url}`, reason: replayBlocker(w, verified) ?? 'more writes than are measured in one run' }));
  const requested = clamp(target.probes?.latencySamples, DEFAULT_SAMPLES, 1, MAX_SAMPLES);
  const samples = verified ? requested : Math.min(UNVERIFIED_SAMPLES, requested);
  const targets = target.targets;
  const targetOf = (endpoint: { kind: string; method: string; p95TargetMs?: number }): EndpointTarget => {
    const t = endpointTarget(endpoint, targets);
    return { targetMs: t.ms, targetKind: t.kind, targetSource: t.source, targetFrom: t.from };
  };
  const deadline = deadlineIn(TIME_CAP_MS);
  const secrets = deps.secrets ?? NO_SECRETS;
  const unsendable: { url: string; reason: string }[] = [];
  const planned = [...reads, ...replayed].flatMap((endpoint) => {
    const request = requestFor(endpoint, secrets);
    if (request.ok) return [{ endpoint, sent: request.sent }];
    unsendable.push({ url: endpoint.url, reason: request.reason });
    return [];
  });
  const measured = await mapBounded(planned, 2, ({ endpoint, sent }) =>
    measure(deps, endpoint, sent, endpoint.method === 'GET' ? samples : Math.min(samples, WRITE_SAMPLES), targetOf(endpoint), deadline, target.domain),
  );

  const findings = measured.flatMap((m) => measuredFindings(m, target.domain));
  for (const { url, reason } of unsendable) {
    findings.push(finding('info', 'not-sent', `${url} was not measured: ${reason}`, 'Add the missing secret under Project settings → Secrets, or change the endpoint’s headers or body.', { url }));
  }
  for (const { endpoint, message } of outside) {
    findings.push(finding('info', 'outside-verified-domain', `${endpoint.url}: ${message}`, OUTSIDE_FIX, { url: endpoint.url, domain: target.domain }));
  }
  const evidence = {
    samplesPerEndpoint: samples,
    ownershipVerified: verified,
    endpoints: measured,
    skippedWrites,
    skippedOutsideDomain: outside.map((o) => `${o.endpoint.method} ${o.endpoint.url}`),
  };
  if (!verified && requested > UNVERIFIED_SAMPLES) {
    findings.push(finding('info', 'light-sample', `Only ${samples} requests per endpoint were sent because the domain's ownership is not verified; percentiles from so few samples are rough.`, 'Verify the domain in project settings to measure with the full sample.', { samples }));
  }
  if (!targets) {
    findings.push(finding('info', 'default-target', `The project has no latency target, so ${DEFAULT_COMMON_READ_MS} ms was used.`, 'Pick a playbook (or set targets) so the check compares against your own numbers.', { targetMs: DEFAULT_COMMON_READ_MS }));
  }
  if (skippedWrites.length > 0) {
    const list = skippedWrites.map((w) => `${w.endpoint} (${w.reason})`).join('; ');
    findings.push(
      finding(
        'info',
        'writes-skipped',
        `${skippedWrites.length} endpoint${skippedWrites.length === 1 ? '' : 's'} that change data ${skippedWrites.length === 1 ? 'was' : 'were'} not measured, because replaying a write could create real orders or accounts: ${list}.`,
        'If sending one again is harmless (a sandbox, an idempotent call), mark it safe to replay and give the body to send in the endpoint settings; writes are replayed only on a verified domain. Otherwise measure it with a load test against a staging copy.',
        { skipped: skippedWrites },
      ),
    );
  }
  const answered = measured.filter((m) => m.p95 !== null);
  if (answered.length === 0) {
    findings.push(finding('info', 'unreachable', 'No endpoint answered, so latency was not measured.', 'See the DNS, TLS and redirects checks, then run this again.', { endpoints: measured }));
  }
  return result(findings, evidence, { incomplete: answered.length === 0 });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { latencyEvidence as evidenceSchema, type LatencyEvidence as Evidence } from './evidence/probes';
