/**
 * Sign-in rate limit: a bounded burst of failed sign-ins (default 15, at most 30, 10 s cap)
 * with a made-up account against the login endpoint. A limit shows as 429, a Retry-After
 * header, a switch to 403/423 (firewall or lockout), or clear slowing (median of the last
 * five answers at least 3× the first five). Runs only on domains whose ownership is verified,
 * and only when the login endpoint is on that domain (support/probe-scope.ts).
 */
import { headerValue } from '@/server/net/http-client';
import { findingsOf } from './support/finding';
import { attemptLogin, loginEndpoint, PROBE_EMAIL } from './support/login';
import { OUTSIDE_FIX, probeScope } from './support/probe-scope';
import { clamp, deadlineIn } from './support/pool';
import { result } from './support/result';
import { percentile, roundMs } from './support/stats';
import type { CheckDeps, CheckResult, CheckTarget, Finding } from './types';

export const id = 'rate-limit';
export const title = 'Sign-in rate limit';

const finding = findingsOf(id);
export const DEFAULT_BURST = 15;
export const MAX_BURST = 30;
const TIME_CAP_MS = 10_000;
const SLOWING_FACTOR = 3;
const SLOWING_MIN_DIFFERENCE_MS = 50;

type Attempt = { n: number; status: number | null; ms: number; retryAfter: string | null; error?: string };

function limitedAt(attempts: Attempt[]): Attempt | undefined {
  const firstStatus = attempts.find((a) => a.status !== null)?.status;
  return attempts.find(
    (a) => a.status === 429 || a.retryAfter !== null || a.status === 423 || (a.status === 403 && firstStatus !== 403) || (a.status === 503 && a.retryAfter !== null),
  );
}

function slowing(attempts: Attempt[]): { first: number; last: number } | undefined {
  const answered = attempts.filter((a) => a.status !== null).map((a) => a.ms);
  if (answered.length < 10) return undefined;
  const first = percentile(answered.slice(0, 5), 50) ?? 0;
  const last = percentile(answered.slice(-5), 50) ?? 0;
  return last >= SLOWING_FACTOR * first && last - first >= SLOWING_MIN_DIFFERENCE_MS ? { first, last } : undefined;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  if (target.ownershipVerified !== true) {
    return result(
      [finding('info', 'ownership-unverified', 'The sign-in rate limit was not probed: it sends a burst of failed sign-ins, which we only do to domains whose ownership the project has proved.', 'Verify the domain (DNS TXT record or the .well-known file shown in project settings), then run this check again.', { domain: target.domain })],
      undefined,
      { incomplete: true },
    );
  }
  const endpoint = loginEndpoint(target);
  if (!endpoint) {
    return result([finding('info', 'no-login-endpoint', 'The project lists no login endpoint, so there was nothing to probe.', 'Add the URL your sign-in form posts to as the project\'s login endpoint.', { domain: target.domain })], undefined, { incomplete: true });
  }
  const scope = probeScope(endpoint.url, target.domain);
  if (!scope.inScope) {
    return result([finding('info', 'outside-verified-domain', scope.message, OUTSIDE_FIX, { url: endpoint.url, domain: target.domain })], undefined, { incomplete: true });
  }
  const burst = clamp(target.probes?.rateLimitBurst, DEFAULT_BURST, 1, MAX_BURST);
  const deadline = deadlineIn(TIME_CAP_MS);
  const attempts: Attempt[] = [];
  // Sequential and bounded by count and time; stops as soon as a limit shows.
  for (let n = 1; n <= burst && !deadline.expired(); n++) {
    const started = performance.now();
    const fetched = await attemptLogin(deps, endpoint.url, Math.max(1, Math.min(3_000, deadline.remainingMs())));
    const ms = performance.now() - started;
    attempts.push(
      fetched.ok
        ? // The HTTP client's own stopwatch for the request (what a tarpit slows), not our loop's.
          { n, status: fetched.response.status, ms: roundMs(fetched.response.totalMs) ?? 0, retryAfter: headerValue(fetched.response.headers, 'retry-after') ?? null }
        : { n, status: null, ms: roundMs(ms) ?? 0, retryAfter: null, error: fetched.error.code },
    );
    if (limitedAt(attempts)) break;
  }
  const evidence = { url: endpoint.url, account: PROBE_EMAIL, planned: burst, sent: attempts.length, attempts };
  const answered = attempts.filter((a) => a.status !== null);
  if (answered.length === 0) {
    return result([finding('info', 'unreachable', `${endpoint.url} did not answer (${attempts[0]?.error ?? 'no response'}), so the rate limit was not probed.`, 'Check the login endpoint URL and that the service is up, then run this again.', evidence)], evidence, { incomplete: true });
  }
  if (answered.every((a) => a.status === 404 || a.status === 405)) {
    return result([finding('info', 'not-a-login-endpoint', `${endpoint.url} answered ${answered[0]?.status} to sign-in attempts, so it does not look like the endpoint your sign-in form posts to.`, 'Set the project\'s login endpoint to the URL and method your sign-in form really uses.', evidence)], evidence, { incomplete: true });
  }
  const limit = limitedAt(attempts);
  const findings: Finding[] = [];
  if (limit) {
    findings.push(finding('info', 'limited', `Sign-in is rate limited: attempt ${limit.n} was refused (${limit.status}${limit.retryAfter ? `, Retry-After ${limit.retryAfter}` : ''}).`, 'Nothing to do. Make sure the limit is shared by all your servers (stored in a database or Redis, not in one process\'s memory).', evidence));
  } else if (slowing(attempts)) {
    const { first, last } = slowing(attempts)!;
    findings.push(finding('info', 'slowing', `Sign-in slows down under repeated failures (median ${Math.round(first)} ms at first, ${Math.round(last)} ms after ${attempts.length} attempts).`, 'Nothing urgent; an explicit limit (429 with Retry-After) is clearer for users and tools.', evidence));
  } else if (attempts.length < burst) {
    findings.push(finding('info', 'incomplete', `Only ${attempts.length} of ${burst} attempts fit in the ${TIME_CAP_MS / 1000}-second cap, without any sign of a limit.`, 'Run the check again; if sign-in is this slow, look at that first.', evidence));
    return result(findings, evidence, { incomplete: true });
  } else {
    findings.push(finding('high', 'missing', `${attempts.length} failed sign-ins in a row were all accepted for checking (${[...new Set(answered.map((a) => a.status))].join(', ')}) with no limit or slowdown, so attackers can guess passwords as fast as your server answers.`, 'Limit failed sign-ins per account and per IP address (e.g. 5 per minute, then 429 with Retry-After), with counters stored where all your servers see them (database or Redis). Most auth libraries have a setting for it.', evidence));
  }
  return result(findings, evidence);
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { rateLimitEvidence as evidenceSchema, type RateLimitEvidence as Evidence } from './evidence/probes';
