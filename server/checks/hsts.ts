/**
 * HSTS check: the canonical homepage, served over HTTPS, sends Strict-Transport-Security with
 * max-age of at least one year and includeSubDomains; preload is reported as information.
 * Browsers ignore the header over plain HTTP, so its absence there is not a problem.
 */
import { errorEvidence } from './support/fetch';
import { findingsOf } from './support/finding';
import { fetchHomepage } from './support/homepage';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding } from './types';

export const id = 'hsts';
export const title = 'HSTS: browsers always use HTTPS';

const finding = findingsOf(id);
const ONE_YEAR = 31_536_000;

export interface HstsPolicy {
  maxAge: number | undefined;
  includeSubDomains: boolean;
  preload: boolean;
}

/** RFC 6797 6.1: directives separated by ";", names case-insensitive, max-age may be quoted. */
export function parseHsts(value: string): HstsPolicy {
  const policy: HstsPolicy = { maxAge: undefined, includeSubDomains: false, preload: false };
  for (const directive of value.split(';')) {
    const [rawName, ...rest] = directive.split('=');
    const name = (rawName ?? '').trim().toLowerCase();
    const argument = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (name === 'max-age' && /^\d+$/.test(argument)) policy.maxAge = Number(argument);
    if (name === 'includesubdomains') policy.includeSubDomains = true;
    if (name === 'preload') policy.preload = true;
  }
  return policy;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const fetched = await fetchHomepage(target, deps, { maxBodyBytes: 64 * 1024 });
  if (!fetched.ok) {
    return result([finding('info', 'unreachable', `The homepage could not be loaded (${fetched.error.code}), so HSTS was not checked.`, 'See the DNS, TLS and redirects checks, then run this again.', errorEvidence(fetched.error))], undefined, { incomplete: true });
  }
  const response = fetched.response;
  if (!response.url.startsWith('https:')) {
    return result([finding('high', 'no-https', `Your homepage ends on ${response.url}, which is plain HTTP, so HSTS cannot protect it.`, 'Serve the site over HTTPS and redirect HTTP to it first (see the redirects check).', { url: response.url })]);
  }
  // Browsers honour the first header only.
  const header = response.headers['strict-transport-security']?.[0];
  const evidence = { url: response.url, header: header ?? null };
  if (header === undefined) {
    return result([finding('high', 'missing', `${response.url} does not send Strict-Transport-Security, so a visitor's first request (or one typed without https://) can be intercepted and downgraded to HTTP.`, 'Send "Strict-Transport-Security: max-age=31536000; includeSubDomains" on every HTTPS response (a header setting in your host, CDN or framework).', evidence)], evidence);
  }
  const policy = parseHsts(header);
  const findings: Finding[] = [];
  if (policy.maxAge === undefined) {
    findings.push(finding('medium', 'invalid', `The Strict-Transport-Security header "${header}" has no valid max-age, so browsers ignore it.`, 'Use "max-age=31536000; includeSubDomains".', evidence));
  } else if (policy.maxAge === 0) {
    findings.push(finding('high', 'disabled', 'Strict-Transport-Security is sent with max-age=0, which tells browsers to forget HTTPS-only mode.', 'Set max-age=31536000 (one year) unless you are deliberately winding HTTPS down.', evidence));
  } else if (policy.maxAge < ONE_YEAR) {
    findings.push(finding('medium', 'short-max-age', `HSTS lasts only ${policy.maxAge} seconds (about ${Math.round(policy.maxAge / 86_400)} days); browsers forget it between visits of occasional users.`, 'Raise max-age to 31536000 (one year) once HTTPS works on all your hosts.', evidence));
  }
  if (policy.maxAge && !policy.includeSubDomains) {
    findings.push(finding('low', 'no-include-subdomains', 'HSTS does not cover subdomains (no includeSubDomains), so subdomains can still be reached over plain HTTP and used to attack cookies.', 'Add includeSubDomains once every subdomain serves HTTPS.', evidence));
  }
  if (policy.maxAge && policy.maxAge >= ONE_YEAR && policy.includeSubDomains && !policy.preload) {
    findings.push(finding('info', 'no-preload', 'HSTS is strong; adding "preload" and submitting the domain to the browsers\' preload list protects even the very first visit.', 'Optional: add "preload" and submit the domain at the HSTS preload list site, once you are sure every subdomain will stay on HTTPS.', evidence));
  }
  return result(findings, { ...evidence, policy: { maxAge: policy.maxAge ?? null, includeSubDomains: policy.includeSubDomains, preload: policy.preload } });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { hstsEvidence as evidenceSchema, type HstsEvidence as Evidence } from './evidence/web';
