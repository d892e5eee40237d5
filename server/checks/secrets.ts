/**
 * Secrets in the deployed site: pages, their same-site scripts, source maps (with original
 * sources) and inline script data (__NEXT_DATA__, window.__ENV …) are scanned with secretlint's
 * recommended rules plus our own (server/checks/secrets/). Live keys a browser can download
 * are reported once each, with every place they were seen. Values are masked everywhere.
 */
import { findingsOf } from './support/finding';
import { homepageUrl, siteHosts } from './support/hosts';
import { deadlineIn } from './support/pool';
import { result } from './support/result';
import { crawl, DEFAULT_LIMITS, type CrawlLimits, type TextLocation } from './secrets/crawl';
import { scanText, type SecretHit, type SecretKind } from './secrets/scanner';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'secrets';
export const title = 'Secrets exposed in pages, scripts and source maps';

const finding = findingsOf(id);
const TIME_CAP_MS = 15_000;
const MAX_LOCATIONS = 5;

const FIXES: Record<SecretKind, string> = {
  'payment-key': 'Roll the key in the Stripe dashboard now (Developers → API keys, or the webhook\'s signing secret) — assume it has been copied. Keep secret keys only in server-side environment variables and call Stripe from your backend; browsers only ever need the publishable pk_ key.',
  'cloud-key': 'Deactivate the key in your cloud console now and create a new one, then check the account\'s activity log for use you do not recognise. Keep cloud credentials on the server only (or use short-lived role credentials).',
  'ai-key': 'Revoke the key in your AI provider\'s dashboard now and create a new one; anyone can run up your bill with it. Call the provider from your backend and keep the key in a server-side environment variable.',
  'database-url': 'Change the database password now, and make sure the database is not reachable from the internet. The browser should talk to your API, never to the database.',
  'service-role-token': 'Rotate the service_role key (Supabase: Project settings → API → JWT secret) now. It bypasses every row-level security policy; browsers must only get the anon key.',
  'private-key': 'Treat the key pair as compromised: replace it (and any certificate or deploy key using it) and remove the file from the build.',
  'code-hosting-token': 'Revoke the token now (GitHub/GitLab/npm settings → tokens) and review recent activity; it may allow pushing code or publishing packages.',
  'chat-token': 'Revoke the token or webhook in Slack\'s app settings and create a new one; anyone can post as your app with it.',
  'email-key': 'Revoke the key in your email provider\'s dashboard and create a new one; it lets anyone send mail as your domain.',
  'credentials-in-url': 'Change that password and remove credentials from URLs in front-end code.',
  'other-key': 'Revoke the credential with its provider, create a new one, and keep it on the server only.',
};

interface Seen {
  hit: SecretHit;
  locations: { url: string; where: string; line: number }[];
}

/** Text in the front end reaches the browser through build-time variables; say which ones. */
const HOW_IT_LEAKS = 'Variables named NEXT_PUBLIC_*, VITE_*, REACT_APP_*, PUBLIC_* or EXPO_PUBLIC_* are copied into the JavaScript every visitor downloads.';

function describeLocation(location: { url: string; where: string }): string {
  if (location.where === 'page') return `the page ${location.url}`;
  if (location.where === 'script') return `the script ${location.url}`;
  if (location.where.startsWith('source map: ')) return `${location.where.slice('source map: '.length)} inside the source map ${location.url}`;
  return `the ${location.where} of ${location.url}`;
}

function secretFinding({ hit, locations }: Seen): Finding {
  const first = locations[0];
  const where = first ? describeLocation(first) : 'the site';
  const more = locations.length > 1 ? ` (and ${locations.length - 1} more place${locations.length === 2 ? '' : 's'})` : '';
  const provider = hit.provider.charAt(0).toUpperCase() + hit.provider.slice(1);
  return finding(
    hit.severity,
    hit.kind,
    `${provider} ${hit.masked} is published in ${where}${more}; anyone who opens your site can download it.`,
    `${FIXES[hit.kind]} ${HOW_IT_LEAKS}`,
    { kind: hit.kind, provider: hit.provider, masked: hit.masked, rule: hit.rule, locations: locations.slice(0, MAX_LOCATIONS) },
  );
}

function startPages(target: CheckTarget): string[] {
  const pages = [homepageUrl(target), ...(target.endpoints ?? []).filter((endpoint) => endpoint.method === 'GET').map((endpoint) => endpoint.url)];
  return [...new Set(pages)];
}

export async function run(target: CheckTarget, deps: CheckDeps, limits: CrawlLimits = DEFAULT_LIMITS): Promise<CheckResult> {
  const seen = new Map<string, Seen>();
  const visit = async (text: string, location: TextLocation) => {
    for (const hit of await scanText(text, new URL(location.url).pathname || 'page.html')) {
      const entry = seen.get(hit.dedupeKey) ?? { hit, locations: [] };
      if (entry.locations.length < MAX_LOCATIONS + 1) entry.locations.push({ url: location.url, where: location.where, line: hit.line + (location.lineOffset ?? 0) });
      seen.set(hit.dedupeKey, entry);
    }
  };
  const report = await crawl(startPages(target), siteHosts(target).apex, deps, deadlineIn(TIME_CAP_MS), visit, limits);
  const evidence: JsonValue = { pages: report.pages, scripts: report.scripts, sourceMaps: report.sourceMaps, bytesScanned: report.bytesScanned, limited: report.limited };
  if (report.pages.length === 0) {
    return result([finding('info', 'unreachable', 'No page of the site could be downloaded, so nothing was scanned for secrets.', 'See the DNS, TLS and redirects checks, then run this again.', evidence)], evidence, { incomplete: true });
  }
  const findings = [...seen.values()].map(secretFinding);
  if (report.sourceMaps.length > 0) {
    findings.push(finding('info', 'source-maps-public', `${report.sourceMaps.length} source map${report.sourceMaps.length === 1 ? ' is' : 's are'} public, so your original source code (comments included) can be read by anyone.`, 'If that is not intended, stop uploading .map files to the public site (e.g. productionBrowserSourceMaps: false in Next.js, build.sourcemap: "hidden" in Vite) and send them to your error tracker instead.', { sourceMaps: report.sourceMaps.slice(0, MAX_LOCATIONS) }));
  }
  if (report.limited.length > 0) {
    findings.push(finding('info', 'scan-limited', `The scan stopped early (limit reached: ${report.limited.join(', ')}), so some files were not read.`, 'Run the CLI\'s scan-secrets on your build output for a complete scan.', evidence));
  }
  return result(findings, evidence);
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { secretsEvidence as evidenceSchema, type SecretsEvidence as Evidence } from './evidence/probes';
