/**
 * Cookie flags on the canonical homepage and the login endpoint (one failed sign-in with a
 * made-up account): Secure everywhere on HTTPS, HttpOnly on session-like cookies, a SameSite
 * attribute. Cookie values are masked in all evidence.
 */
import type { HttpResponse } from '@/server/net/http-client';
import { readSetCookies, isCsrfToken, isSessionLike, type CookieFlags } from './support/cookies';
import { fetchEveryHop } from './support/fetch';
import { findingsOf } from './support/finding';
import { homepageUrl } from './support/hosts';
import { loginProbe } from './support/login';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'cookies';
export const title = 'Cookies: Secure, HttpOnly and SameSite flags';

const finding = findingsOf(id);

interface SeenCookie extends CookieFlags {
  url: string;
  overHttps: boolean;
}

function cookiesOf(responses: HttpResponse[]): SeenCookie[] {
  return responses.flatMap((response) => readSetCookies(response.headers['set-cookie']).map((cookie) => ({ ...cookie, url: response.url, overHttps: response.url.startsWith('https:') })));
}

function evidenceOf(cookie: SeenCookie): JsonValue {
  return { name: cookie.name, value: cookie.value, url: cookie.url, secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, domain: cookie.domain, path: cookie.path };
}

function cookieFindings(cookie: SeenCookie): Finding[] {
  const session = isSessionLike(cookie.name);
  const evidence = evidenceOf(cookie);
  const findings: Finding[] = [];
  if (!cookie.secure) {
    findings.push(
      session
        ? finding('high', 'not-secure', `The cookie "${cookie.name}" looks like a sign-in session but is not marked Secure, so the browser also sends it over plain HTTP where it can be stolen.`, `Add the Secure attribute to "${cookie.name}" (in most frameworks: cookie option secure: true in production).`, evidence)
        : finding('low', 'not-secure', `The cookie "${cookie.name}" is not marked Secure.`, `Add the Secure attribute to "${cookie.name}"; your site is served over HTTPS anyway.`, evidence),
    );
  }
  if (session && !cookie.httpOnly) {
    findings.push(finding('medium', 'not-httponly', `The session-like cookie "${cookie.name}" can be read by JavaScript (no HttpOnly), so any injected script can steal the session.`, `Add HttpOnly to "${cookie.name}"; only server code needs to read it.`, evidence));
  }
  if (cookie.sameSite === 'none' && !cookie.secure) {
    findings.push(finding('medium', 'samesite-none-insecure', `The cookie "${cookie.name}" has SameSite=None without Secure; browsers reject it, so whatever depends on it breaks.`, `Add Secure to "${cookie.name}", or use SameSite=Lax if it is not needed on other sites.`, evidence));
  } else if (session && cookie.sameSite === null) {
    findings.push(finding('low', 'no-samesite', `The session-like cookie "${cookie.name}" has no SameSite attribute; browsers differ in what they assume, which leaves room for cross-site request forgery.`, `Set SameSite=Lax on "${cookie.name}" (Strict if your users never arrive signed-in from links on other sites).`, evidence));
  } else if (session && cookie.sameSite === 'none') {
    findings.push(finding('low', 'samesite-none', `The session-like cookie "${cookie.name}" is sent on requests from any other site (SameSite=None), which helps cross-site request forgery.`, `Use SameSite=Lax unless the session must work inside another site's frame.`, evidence));
  }
  if (!session && !isCsrfToken(cookie.name) && cookie.sameSite === null && findings.length === 0) {
    findings.push(finding('info', 'no-samesite', `The cookie "${cookie.name}" has no SameSite attribute.`, `Optional: set SameSite=Lax on "${cookie.name}".`, evidence));
  }
  return findings;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const homepage = await fetchEveryHop(deps.http, homepageUrl(target), { allowInvalidTls: true, maxBodyBytes: 256 * 1024, timeoutMs: 5_000 });
  const login = await loginProbe(target, deps);
  const responses = [...homepage.responses, ...(login?.responses ?? [])];
  if (responses.length === 0) {
    return result([finding('info', 'unreachable', `The homepage could not be loaded (${homepage.error?.code ?? 'no response'}), so cookies were not checked.`, 'See the DNS, TLS and redirects checks, then run this again.', { url: homepageUrl(target) })], undefined, { incomplete: true });
  }
  // The same cookie set on several responses is judged once (the last one set wins in the browser).
  const byName = new Map<string, SeenCookie>();
  for (const cookie of cookiesOf(responses)) if (cookie.overHttps) byName.set(cookie.name, cookie);
  const cookies = [...byName.values()];
  const findings = cookies.flatMap(cookieFindings);
  const looked = responses.map((response) => ({ url: response.url, status: response.status }));
  if (cookies.length === 0) {
    findings.push(finding('info', 'none-set', 'No cookies were set on the homepage or the login response, so there were no flags to check.', 'Nothing to do; run this again after signing-in exists if it does not yet.', { looked }));
  }
  if (target.endpoints?.some((endpoint) => endpoint.kind === 'login') !== true) {
    findings.push(finding('info', 'no-login-endpoint', 'The project lists no login endpoint, so only the homepage cookies were checked.', 'Add your login endpoint to the project so its session cookie is checked too.', { looked }));
  }
  return result(findings, { looked, cookies: cookies.map(evidenceOf) });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { cookiesEvidence as evidenceSchema, type CookiesEvidence as Evidence } from './evidence/web';
