/**
 * Error pages: provokes a few ordinary errors and looks for stack traces, framework debug pages
 * or an interactive debugger in the answers. On the canonical host and up to 3 listed
 * subdomains: an unknown page and an address with broken percent-encoding (2 GETs each). On
 * listed GET endpoints under the domain (at most 6): one GET with a malformed query. With
 * verified ownership, listed write endpoints (not sign-in, sign-up, reset, checkout or webhooks)
 * also get one request with a malformed JSON body. At most 14 requests, none followed by a
 * redirect, 64 KB read from each.
 */
import { randomBytes } from 'node:crypto';
import type { HttpRequestOptions } from '@/server/net/http-client';
import { findDisclosure, type Disclosure } from './support/error-disclosure';
import { bodyText, fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { siteHosts } from './support/hosts';
import { mapBounded } from './support/pool';
import { probeScope } from './support/probe-scope';
import { result } from './support/result';
import type { CheckDeps, CheckEndpoint, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'error-pages';
export const title = 'Error pages show no stack traces or debug pages';

const finding = findingsOf(id);
export const MAX_HOSTS = 4;
export const MAX_ENDPOINTS = 6;
/** Writes that must never be replayed, even malformed: money, accounts, sign-in limits. */
const NO_WRITE_KINDS = new Set(['login', 'signup', 'password-reset', 'checkout', 'payment-webhook']);

type Probe = {
  /** What a finding is about: the host for site-wide probes, the endpoint for endpoint probes. */
  subject: { host: string } | { url: string };
  how: 'unknown page' | 'broken address' | 'malformed query' | 'malformed JSON body';
  request: string;
  options: HttpRequestOptions;
};

type Answer = { probe: Probe; status: number | null; disclosure?: Disclosure };

const BASE: HttpRequestOptions = { followRedirects: false, allowInvalidTls: true, timeoutMs: 6_000, maxBodyBytes: 64 * 1024 };

function probesFor(target: CheckTarget): { probes: Probe[]; writesSkipped: number } {
  const hosts = siteHosts(target);
  const token = randomBytes(6).toString('hex');
  const probes: Probe[] = [];
  for (const host of [hosts.canonical, ...hosts.subdomains].slice(0, MAX_HOSTS)) {
    probes.push({ subject: { host }, how: 'unknown page', request: `https://${host}/launch-ready-probe-${token}`, options: BASE });
    probes.push({ subject: { host }, how: 'broken address', request: `https://${host}/launch-ready-probe-${token}/%E0%A4%A`, options: BASE });
  }
  const endpoints = (target.endpoints ?? []).filter((e) => probeScope(e.url, hosts.apex).inScope);
  let writesSkipped = 0;
  const chosen: CheckEndpoint[] = [];
  for (const endpoint of endpoints) {
    if (chosen.length >= MAX_ENDPOINTS) break;
    const write = endpoint.method !== 'GET';
    if (write && (NO_WRITE_KINDS.has(endpoint.kind) || endpoint.method === 'DELETE')) continue;
    if (write && !target.ownershipVerified) {
      writesSkipped += 1;
      continue;
    }
    chosen.push(endpoint);
  }
  for (const endpoint of chosen) {
    const url = new URL(endpoint.url);
    const stable = `${url.origin}${url.pathname}`;
    if (endpoint.method === 'GET') {
      // The endpoint's own query is left out (it may carry tokens); ours breaks percent-decoding.
      probes.push({ subject: { url: stable }, how: 'malformed query', request: `${stable}?launch_ready_probe=%E0%A4%A&lr=${token}`, options: BASE });
    } else {
      probes.push({ subject: { url: stable }, how: 'malformed JSON body', request: stable, options: { ...BASE, method: endpoint.method, headers: { 'content-type': 'application/json' }, body: '{"launch-ready-probe": ' } });
    }
  }
  return { probes, writesSkipped };
}

function disclosureFinding(answers: readonly Answer[]): Finding {
  const [first] = answers as [Answer];
  const disclosure = first.disclosure!;
  const where = 'host' in first.probe.subject ? first.probe.subject.host : first.probe.subject.url;
  const hows = [...new Set(answers.map((a) => a.probe.how))].join(', ');
  const evidence: JsonValue = {
    ...first.probe.subject,
    shows: disclosure.what,
    excerpt: disclosure.excerpt,
    probes: answers.map((a) => ({ how: a.probe.how, request: a.probe.request, status: a.status })),
  };
  switch (disclosure.code) {
    case 'debug-console':
      return finding('critical', 'debug-console', `An error on ${where} (${hows}) opens ${disclosure.what}: anyone who gets past its PIN can run code on your server.`, 'Turn debug mode off in production now (FLASK_DEBUG / app.run(debug=False), or the framework\'s equivalent) and restart.', evidence);
    case 'debug-page':
      return finding('high', 'debug-page', `An error on ${where} (${hows}) shows ${disclosure.what}, which lists your code, routes and settings to anyone.`, 'Run production with debug mode off (DEBUG=False, APP_DEBUG=false, RAILS_ENV/NODE_ENV=production, a production build rather than the dev server) and serve a plain error page.', evidence);
    case 'stack-trace':
      return finding('medium', 'stack-trace', `An error on ${where} (${hows}) shows ${disclosure.what}, with file paths and library names that help an attacker.`, 'Log errors on the server (or in your error tracker) and answer with a short message and an id; in Express, an error handler that does not send err.stack, and NODE_ENV=production.', evidence);
  }
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const { probes, writesSkipped } = probesFor(target);
  const answers = await mapBounded(probes, 4, async (probe): Promise<Answer> => {
    const fetched = await fetchSafely(deps.http, probe.request, probe.options);
    if (!fetched.ok) return { probe, status: null };
    const disclosure = findDisclosure(bodyText(fetched.response));
    return { probe, status: fetched.response.status, ...(disclosure ? { disclosure } : {}) };
  });
  // One finding per place and kind of disclosure, listing the probes that showed it.
  const groups = new Map<string, Answer[]>();
  for (const answer of answers.filter((a) => a.disclosure)) {
    const key = `${JSON.stringify(answer.probe.subject)} ${answer.disclosure!.code}`;
    groups.set(key, [...(groups.get(key) ?? []), answer]);
  }
  const findings = [...groups.values()].map(disclosureFinding);
  if (writesSkipped > 0) {
    findings.push(finding('info', 'writes-skipped', `${writesSkipped} listed write endpoint${writesSkipped === 1 ? ' was' : 's were'} not sent a malformed request: we only do that once you have proved you own ${target.domain}.`, 'Prove ownership of the domain (project settings → ownership) to include them.', { skipped: writesSkipped }));
  }
  const answered = answers.filter((a) => a.status !== null);
  if (answered.length === 0) {
    findings.push(finding('info', 'unreachable', 'None of the error probes got an answer, so error pages were not checked.', 'See the DNS, TLS and redirects checks, then run this again.', { requests: answers.length }));
  }
  return result(findings, { probes: answers.map((a) => ({ how: a.probe.how, request: a.probe.request, status: a.status, ...(a.disclosure ? { shows: a.disclosure.what } : {}) })) }, { incomplete: answered.length === 0 });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { errorPagesEvidence as evidenceSchema, type ErrorPagesEvidence as Evidence } from './evidence/probes';
