/**
 * Security headers of the canonical homepage, graded A–F.
 *
 * The grade starts at 100 points; each rule that fails takes its points off:
 *
 * | Rule                                                         | Points | Finding severity |
 * | ------------------------------------------------------------ | -----: | ---------------- |
 * | Content-Security-Policy missing                              |     25 | medium           |
 * | CSP does not restrict scripts (no script-src/default-src)    |     10 | low              |
 * | CSP script-src allows 'unsafe-inline' (no nonce/hash)        |     10 | low              |
 * | CSP script-src allows 'unsafe-eval'                          |     10 | low              |
 * | No frame-ancestors and no X-Frame-Options (clickjacking)     |     20 | medium           |
 * | X-Content-Type-Options is not "nosniff"                      |     15 | low              |
 * | Referrer-Policy missing or leaks full URLs (unsafe-url,      |     10 | low              |
 * |   no-referrer-when-downgrade)                                |        |                  |
 * | Cross-Origin-Opener-Policy missing                           |      5 | info             |
 * | Cross-Origin-Resource-Policy missing                         |      5 | info             |
 * | Permissions-Policy missing                                   |      5 | info             |
 * | Server or X-Powered-By reveals software (and versions)       |      5 | low              |
 *
 * The three script rules only apply when a CSP is present. Grade: A ≥ 90, B ≥ 75, C ≥ 60,
 * D ≥ 45, F below. The grade itself is a finding: A/B info, C low, D medium, F high (fails the
 * check). The same table is in docs/decisions/0004-checks-catalogue.md.
 */
import { headerValue, type HttpHeaders } from '@/server/net/http-client';
import { summariseCsp } from './support/csp';
import { errorEvidence, visibleHeaders } from './support/fetch';
import { findingsOf } from './support/finding';
import { fetchHomepage } from './support/homepage';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, Severity } from './types';

export const id = 'security-headers';
export const title = 'Security headers: graded A–F';

const finding = findingsOf(id);

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

interface Rule {
  code: string;
  points: number;
  severity: Severity;
  /** A message when the rule fails, undefined when it holds. */
  failure(headers: HttpHeaders): string | undefined;
  fix: string;
}

const SHOWN = [
  'content-security-policy', 'content-security-policy-report-only', 'x-frame-options', 'x-content-type-options', 'referrer-policy',
  'cross-origin-opener-policy', 'cross-origin-resource-policy', 'cross-origin-embedder-policy', 'permissions-policy', 'server', 'x-powered-by',
] as const;

const csp = (headers: HttpHeaders) => {
  const values = headers['content-security-policy'];
  return values && values.length > 0 ? summariseCsp(values) : undefined;
};

const RULES: readonly Rule[] = [
  {
    code: 'csp-missing', points: 25, severity: 'medium',
    failure: (h) => (csp(h) ? undefined : 'No Content-Security-Policy: if an attacker gets any script into your pages (a comment, a compromised package), the browser runs it with full access.'),
    fix: "Start with \"Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'\", add the domains your scripts, images and APIs really use, and try it first as Content-Security-Policy-Report-Only.",
  },
  {
    code: 'csp-scripts-unrestricted', points: 10, severity: 'low',
    failure: (h) => { const s = csp(h); return s && !s.restrictsScripts ? 'The Content-Security-Policy has no script-src or default-src, so it does not limit which scripts run.' : undefined; },
    fix: "Add script-src 'self' (plus the script hosts you really use) or default-src 'self'.",
  },
  {
    code: 'csp-unsafe-inline', points: 10, severity: 'low',
    failure: (h) => (csp(h)?.unsafeInline ? "The Content-Security-Policy allows 'unsafe-inline' scripts, which cancels most of its protection against injected scripts." : undefined),
    fix: "Replace 'unsafe-inline' with nonces or hashes for the inline scripts you need (Next.js, Nuxt and others can add nonces for you).",
  },
  {
    code: 'csp-unsafe-eval', points: 10, severity: 'low',
    failure: (h) => (csp(h)?.unsafeEval ? "The Content-Security-Policy allows 'unsafe-eval', so injected text can be turned into running code." : undefined),
    fix: "Remove 'unsafe-eval'; if a library needs it, look for a build of it that does not (most have one).",
  },
  {
    code: 'clickjacking', points: 20, severity: 'medium',
    failure: (h) => {
      const xfo = (headerValue(h, 'x-frame-options') ?? '').trim().toUpperCase();
      if (csp(h)?.frameAncestors || xfo === 'DENY' || xfo === 'SAMEORIGIN') return undefined;
      return 'Any other site can show your pages in a hidden frame and trick users into clicking buttons on them (clickjacking): neither frame-ancestors nor X-Frame-Options is set.';
    },
    fix: "Add frame-ancestors 'none' (or 'self') to your CSP, or send X-Frame-Options: DENY.",
  },
  {
    code: 'no-nosniff', points: 15, severity: 'low',
    failure: (h) => ((headerValue(h, 'x-content-type-options') ?? '').trim().toLowerCase() === 'nosniff' ? undefined : 'X-Content-Type-Options: nosniff is missing, so browsers may guess file types and run an uploaded file as a script.'),
    fix: 'Send "X-Content-Type-Options: nosniff" on every response.',
  },
  {
    code: 'referrer-policy', points: 10, severity: 'low',
    failure: (h) => {
      const policies = (headerValue(h, 'referrer-policy') ?? '').toLowerCase().split(',').map((p) => p.trim()).filter(Boolean);
      const effective = policies[policies.length - 1];
      if (!effective) return 'No Referrer-Policy: full page addresses (which can contain reset tokens or search terms) may be sent to other sites.';
      if (effective === 'unsafe-url' || effective === 'no-referrer-when-downgrade') return `Referrer-Policy "${effective}" sends full page addresses to other sites.`;
      return undefined;
    },
    fix: 'Send "Referrer-Policy: strict-origin-when-cross-origin" (or no-referrer).',
  },
  {
    code: 'no-coop', points: 5, severity: 'info',
    failure: (h) => (headerValue(h, 'cross-origin-opener-policy') ? undefined : 'No Cross-Origin-Opener-Policy: windows your site opens (or that open it) can keep a handle on each other.'),
    fix: 'Send "Cross-Origin-Opener-Policy: same-origin" (or same-origin-allow-popups if you use OAuth/payment pop-ups).',
  },
  {
    code: 'no-corp', points: 5, severity: 'info',
    failure: (h) => (headerValue(h, 'cross-origin-resource-policy') ? undefined : 'No Cross-Origin-Resource-Policy: other sites can embed your responses.'),
    fix: 'Send "Cross-Origin-Resource-Policy: same-origin" (same-site if your subdomains load each other\'s files).',
  },
  {
    code: 'no-permissions-policy', points: 5, severity: 'info',
    failure: (h) => (headerValue(h, 'permissions-policy') ? undefined : 'No Permissions-Policy: injected or embedded content may ask for camera, microphone or location.'),
    fix: 'Send a Permissions-Policy that turns off what you do not use, e.g. "camera=(), microphone=(), geolocation=()".',
  },
  {
    code: 'software-disclosed', points: 5, severity: 'low',
    failure: (h) => {
      const server = headerValue(h, 'server');
      const powered = headerValue(h, 'x-powered-by');
      const leaks = [server && /\d/.test(server) ? `Server: ${server}` : undefined, powered ? `X-Powered-By: ${powered}` : undefined].filter(Boolean);
      return leaks.length > 0 ? `Your responses announce the software behind them (${leaks.join('; ')}), which tells attackers which known vulnerabilities to try.` : undefined;
    },
    fix: 'Remove X-Powered-By (e.g. poweredByHeader: false in Next.js, app.disable("x-powered-by") in Express) and the version from Server (server_tokens off in nginx).',
  },
];

export function gradeFor(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 45) return 'D';
  return 'F';
}

const GRADE_SEVERITY: Record<Grade, Severity> = { A: 'info', B: 'info', C: 'low', D: 'medium', F: 'high' };

export function gradeHeaders(headers: HttpHeaders): { score: number; grade: Grade; failed: { rule: Rule; message: string }[] } {
  const failed = RULES.flatMap((rule) => {
    const message = rule.failure(headers);
    return message ? [{ rule, message }] : [];
  });
  const score = Math.max(0, 100 - failed.reduce((sum, { rule }) => sum + rule.points, 0));
  return { score, grade: gradeFor(score), failed };
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const fetched = await fetchHomepage(target, deps, { maxBodyBytes: 64 * 1024 });
  if (!fetched.ok) {
    return result([finding('info', 'unreachable', `The homepage could not be loaded (${fetched.error.code}), so its headers were not graded.`, 'See the DNS, TLS and redirects checks, then run this again.', errorEvidence(fetched.error))], undefined, { incomplete: true });
  }
  const response = fetched.response;
  const headers = visibleHeaders(response, SHOWN);
  const { score, grade, failed } = gradeHeaders(response.headers);
  const deductions = failed.map(({ rule }) => ({ rule: rule.code, points: rule.points }));
  const findings: Finding[] = [
    finding(GRADE_SEVERITY[grade], 'grade', `Security headers grade ${grade} (${score}/100) for ${response.url}.`, grade === 'A' ? 'Nothing to do; keep these headers when you change hosting.' : 'Fix the findings below, starting with the ones worth the most points.', { url: response.url, grade, score, deductions }),
    ...failed.map(({ rule, message }) => finding(rule.severity, rule.code, message, rule.fix, { url: response.url, points: rule.points, headers })),
  ];
  return result(findings, { url: response.url, grade, score, deductions, headers });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { securityHeadersEvidence as evidenceSchema, type SecurityHeadersEvidence as Evidence } from './evidence/web';
