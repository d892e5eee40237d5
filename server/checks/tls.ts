/**
 * TLS check for apex, www and the listed subdomains: a chain browsers trust, a certificate
 * that names the host, TLS 1.2 or newer negotiated, and no fallback to TLS 1.0/1.1 (a second
 * handshake capped at TLS 1.1 must fail).
 *
 * Renewal readiness (certificates/): the issuer, the lifetime and days left, whether the CAA
 * records let that issuer renew it, and whether it is still served well past two-thirds of its
 * life (renewal not running). Expiry warnings are measured against the lifetime: a 47-day
 * certificate with 20 days left is on schedule; a 90-day one is late.
 */
import { TlsProbeError, type TlsProbeResult } from '@/server/net/tls-probe';
import { recordsOf } from '@/server/net/resolver';
import { authorityOf, issuerLabel, type Authority } from './certificates/authorities';
import { allowedIssuers, caaLookup, type CaaSet } from './certificates/caa';
import { lifetimeOf, longDate, upcomingSteps, maxLifetimeDays, type Lifetime } from './certificates/lifetime';
import { findingsOf } from './support/finding';
import { siteHosts } from './support/hosts';
import { mapBounded } from './support/pool';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'tls';
export const title = 'TLS: trusted, matching, current certificates and modern protocols';

const finding = findingsOf(id);
const MODERN = new Set(['TLSv1.2', 'TLSv1.3']);
const SELF_SIGNED_ERRORS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);

type HostOutcome =
  | { host: string; kind: 'skipped'; reason: string }
  | { host: string; kind: 'failed'; error: TlsProbeError }
  | { host: string; kind: 'probed'; probe: TlsProbeResult; legacyAccepted: string | null };

/** What renewal readiness is judged on, per certificate. */
interface Renewal {
  issuer: string;
  authority?: Authority;
  lifetime: Lifetime;
  daysLeft: number;
  caa: CaaSet;
  /** null: CAA does not restrict issuance; true/false: it does and allows / refuses the issuer; undefined: cannot tell. */
  caaAllows?: boolean | null;
  allowedByCaa?: string[];
}

function renewalEvidence(renewal: Renewal): JsonValue {
  const caa = renewal.caa;
  return {
    issuer: renewal.issuer,
    lifetimeDays: renewal.lifetime.lifetimeDays,
    elapsedDays: renewal.lifetime.elapsedDays,
    daysLeft: renewal.daysLeft,
    renewalDueAt: renewal.lifetime.renewalDueAt,
    overdue: renewal.lifetime.overdue,
    replacementMaxDays: renewal.lifetime.replacementMaxDays,
    caa: 'failed' in caa ? { failed: caa.failed } : { owner: caa.owner, records: caa.records.map((r) => `${r.critical} ${r.tag} "${r.value}"`) },
    caaAllowsIssuer: renewal.caaAllows ?? (renewal.caaAllows === null ? null : 'unknown'),
  };
}

function probeEvidence(probe: TlsProbeResult, renewal?: Renewal): JsonValue {
  const leaf = probe.chain[0];
  return {
    host: probe.host,
    protocol: probe.protocol,
    authorized: probe.authorized,
    ...(probe.authorizationError ? { authorizationError: probe.authorizationError } : {}),
    hostnameMatches: probe.hostnameMatches,
    daysToExpiry: probe.daysToExpiry,
    ...(leaf ? { subject: leaf.subject, issuer: leaf.issuer, names: leaf.subjectAltNames, validFrom: leaf.validFrom, validTo: leaf.validTo } : {}),
    chain: probe.chain.map((certificate) => certificate.subject),
    ...(renewal ? { renewal: renewalEvidence(renewal) } : {}),
  };
}

async function legacyProtocol(deps: CheckDeps, host: string): Promise<string | null> {
  try {
    const legacy = await deps.tls.probe({ host, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    return legacy.protocol;
  } catch {
    return null; // refused: what we want
  }
}

async function probeHost(deps: CheckDeps, host: string): Promise<HostOutcome> {
  // Names that do not resolve are the DNS check's business; skip them quietly.
  const [a, aaaa] = await Promise.all([deps.resolver.query('A', host), deps.resolver.query('AAAA', host)]);
  if (recordsOf(a).length + recordsOf(aaaa).length === 0) return { host, kind: 'skipped', reason: `does not resolve (${a.status})` };
  try {
    const probe = await deps.tls.probe({ host });
    return { host, kind: 'probed', probe, legacyAccepted: await legacyProtocol(deps, host) };
  } catch (error) {
    if (error instanceof TlsProbeError) return { host, kind: 'failed', error };
    throw error;
  }
}

function certificateFindings(probe: TlsProbeResult, important: boolean, renewal: Renewal | undefined): Finding[] {
  const host = probe.host;
  const evidence = probeEvidence(probe, renewal);
  const findings: Finding[] = [];
  const days = probe.daysToExpiry;
  if (days < 0) {
    findings.push(finding('critical', 'expired', `The certificate of ${host} expired ${-days} day${days === -1 ? '' : 's'} ago; browsers show a full-page security warning instead of your site.`, `Renew the certificate for ${host} now, and turn on automatic renewal (your host or Let's Encrypt/certbot) so it cannot lapse again.`, evidence));
  } else if (!probe.authorized) {
    const selfSigned = SELF_SIGNED_ERRORS.has(probe.authorizationError ?? '');
    findings.push(
      finding(
        important ? 'critical' : 'high',
        selfSigned ? 'self-signed' : 'untrusted-chain',
        selfSigned
          ? `${host} uses a self-signed certificate, which browsers do not trust: visitors see a security warning.`
          : `Browsers cannot verify the certificate chain of ${host} (${probe.authorizationError ?? 'unknown reason'}); many visitors will see a security warning.`,
        selfSigned
          ? `Replace it with a certificate from a public authority (free from Let's Encrypt, or the one your host provides).`
          : 'Serve the full chain (your certificate followed by the intermediate certificates your authority gives you).',
        evidence,
      ),
    );
  }
  if (!probe.hostnameMatches) {
    findings.push(finding(important ? 'critical' : 'high', 'hostname-mismatch', `The certificate served on ${host} is for other names (${probe.chain[0]?.subjectAltNames.join(', ') || 'none'}), so browsers refuse it.`, `Issue a certificate that includes ${host} (most hosts do this when you add the domain in their dashboard).`, evidence));
  }
  // Expiry of a certificate nobody trusts anyway would only add noise.
  if (days >= 0 && probe.authorized && renewal) findings.push(...renewalFindings(probe, renewal, important));
  return findings;
}

const AUTO_RENEWAL = "turn on automatic renewal (your host's managed certificates, or an ACME client such as certbot with its timer running)";

/** Expiry measured against the certificate's own lifetime, CAA that would refuse the renewal, and lifetimes to come. */
function renewalFindings(probe: TlsProbeResult, renewal: Renewal, important: boolean): Finding[] {
  const host = probe.host;
  const evidence = probeEvidence(probe, renewal);
  const { lifetime, daysLeft } = renewal;
  const findings: Finding[] = [];
  const life = `${Math.round(lifetime.lifetimeDays)}-day`;
  // A short-lived certificate that is not yet due for renewal is on schedule, however few days it has.
  if (lifetime.overdue) {
    if (daysLeft <= 7) findings.push(finding('high', 'expires-7d', `The ${life} certificate of ${host} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`, `Renew it today and check why automatic renewal did not run.`, evidence));
    else if (daysLeft <= 14) findings.push(finding('medium', 'expires-14d', `The ${life} certificate of ${host} expires in ${daysLeft} days.`, 'Renew it this week; renewal normally happens at about two-thirds of a certificate\'s life, so check that it works.', evidence));
    else {
      findings.push(
        finding(
          daysLeft <= 30 ? 'medium' : 'low',
          'renewal-overdue',
          `The ${life} certificate of ${host} was not renewed at two-thirds of its life (due ${longDate(lifetime.renewalDueAt)}) and has ${daysLeft} days left: automatic renewal does not seem to be running.`,
          `Renew it, then ${AUTO_RENEWAL}, and check its logs for the error that stopped it.`,
          evidence,
        ),
      );
    }
  }
  if (renewal.caaAllows === false && renewal.authority && !('failed' in renewal.caa) && renewal.caa.owner) {
    const owner = renewal.caa.owner;
    const allowed = renewal.allowedByCaa?.length ? renewal.allowedByCaa.join(', ') : 'no authority at all';
    findings.push(
      finding(
        lifetime.overdue || important ? 'high' : 'medium',
        'caa-forbids-issuer',
        `The certificate of ${host} comes from ${renewal.authority.name}, but the CAA records of ${owner} only allow ${allowed}: the next renewal from ${renewal.authority.name} will be refused and the certificate will run out.`,
        `Add a CAA record "0 issue "${renewal.authority.caa[0]}"" at ${owner} (keep the ones for authorities you use), or move ${host} to an authority the records allow.`,
        evidence,
      ),
    );
  }
  if (lifetime.lifetimeDays > lifetime.replacementMaxDays + 1) {
    const steps = upcomingSteps(new Date(probe.chain[0]!.validTo)).map((step) => `${step.maxDays} days from ${longDate(step.from)}`);
    findings.push(
      finding(
        'low',
        'long-lived',
        `The certificate of ${host} lasts ${Math.round(lifetime.lifetimeDays)} days; the one that replaces it can last at most ${lifetime.replacementMaxDays} days${steps.length ? ` (then ${steps.join(', ')})` : ''}. A certificate this long is usually renewed by hand, which will not keep up.`,
        `Before it ends, ${AUTO_RENEWAL}.`,
        evidence,
      ),
    );
  }
  return findings;
}

function caaSentence(renewal: Renewal): string {
  if ('failed' in renewal.caa) return `its CAA records could not be read (${renewal.caa.failed})`;
  if (renewal.caaAllows === null) return 'no CAA record limits which authority may issue it';
  if (renewal.caaAllows === undefined) return `the CAA records of ${renewal.caa.owner} list ${renewal.allowedByCaa?.join(', ') || 'no authority'}, and we cannot tell whether that includes this issuer`;
  return renewal.caaAllows ? `the CAA records of ${renewal.caa.owner} allow its issuer` : `the CAA records of ${renewal.caa.owner} do not allow its issuer`;
}

/** The facts, for every certificate that is trusted and current: issuer, days left of its lifetime, CAA. */
function certificateNote(probe: TlsProbeResult, renewal: Renewal, now: Date): Finding {
  const { lifetime } = renewal;
  const next = upcomingSteps(now)[0];
  return finding(
    'info',
    'certificate',
    `The certificate of ${probe.host} comes from ${renewal.issuer}: ${renewal.daysLeft} of its ${Math.round(lifetime.lifetimeDays)} days left, renewal due by ${longDate(lifetime.renewalDueAt)}; ${caaSentence(renewal)}. Certificates issued now last at most ${maxLifetimeDays(now)} days${next ? `, from ${longDate(next.from)} at most ${next.maxDays}` : ''}.`,
    'Nothing to do while renewal is automatic; shorter lifetimes mean renewals that run by hand will not keep up.',
    probeEvidence(probe, renewal),
  );
}

async function renewalOf(probe: TlsProbeResult, now: Date, relevantCaa: (host: string) => Promise<CaaSet>): Promise<Renewal | undefined> {
  const leaf = probe.chain[0];
  if (!leaf) return undefined;
  const authority = authorityOf(leaf.issuer);
  const caa = await relevantCaa(probe.host);
  const wildcard = leaf.subjectAltNames.some((name) => name.startsWith('DNS:*.'));
  const allowed = 'failed' in caa ? undefined : allowedIssuers(caa.records, wildcard);
  let caaAllows: boolean | null | undefined;
  if ('failed' in caa) caaAllows = undefined;
  else if (allowed === null) caaAllows = null;
  else if (!authority) caaAllows = undefined;
  else caaAllows = authority.caa.some((name) => allowed!.includes(name));
  return {
    issuer: issuerLabel(leaf.issuer),
    ...(authority ? { authority } : {}),
    lifetime: lifetimeOf(leaf.validFrom, leaf.validTo, now),
    daysLeft: probe.daysToExpiry,
    caa,
    caaAllows,
    ...(allowed ? { allowedByCaa: allowed } : {}),
  };
}

function protocolFindings(outcome: Extract<HostOutcome, { kind: 'probed' }>): Finding[] {
  const { probe, host } = outcome;
  const findings: Finding[] = [];
  if (probe.protocol && !MODERN.has(probe.protocol)) {
    findings.push(finding('high', 'old-protocol', `${host} negotiated ${probe.protocol}; browsers require TLS 1.2 or newer.`, 'Enable TLS 1.2 and 1.3 on your server or load balancer.', probeEvidence(probe)));
  }
  if (outcome.legacyAccepted) {
    findings.push(finding('medium', 'legacy-protocol', `${host} still accepts ${outcome.legacyAccepted}, an old protocol with known weaknesses that compliance scans (PCI DSS) reject.`, 'Turn off TLS 1.0 and 1.1 in your server, load balancer or CDN settings (minimum version TLS 1.2).', { host, acceptedWhenCappedAt: 'TLSv1.1', protocol: outcome.legacyAccepted }));
  }
  return findings;
}

function failureFinding(host: string, error: TlsProbeError, important: boolean): Finding {
  const evidence = { host, error: error.code, message: error.message };
  if (error.code === 'tls') {
    return finding(important ? 'high' : 'medium', 'handshake-failed', `${host} does not complete a TLS handshake (${error.detail ?? error.message}), so HTTPS does not work there.`, `Check the HTTPS configuration for ${host} (certificate installed, port 443 terminating TLS).`, evidence);
  }
  if (error.code === 'connect' || error.code === 'timeout') {
    return finding(important ? 'high' : 'medium', 'no-https', `${host} does not accept HTTPS connections (port 443 ${error.code === 'timeout' ? 'timed out' : 'refused'}).`, `Enable HTTPS for ${host}; every host that serves your product should, even if it only redirects.`, evidence);
  }
  return finding('info', 'not-checked', `${host} could not be checked (${error.code}).`, 'Run the check again; if it persists, see the DNS check.', evidence);
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const hosts = siteHosts(target);
  const names = [hosts.apex, hosts.www, ...hosts.subdomains];
  const outcomes = await mapBounded(names, 4, (host) => probeHost(deps, host));
  const now = deps.now();
  const relevantSet = caaLookup(deps.resolver);
  const renewals = await Promise.all(outcomes.map((outcome) => (outcome.kind === 'probed' ? renewalOf(outcome.probe, now, (host) => relevantSet(host, hosts.apex)) : undefined)));
  const findings: Finding[] = [];
  outcomes.forEach((outcome, index) => {
    const important = outcome.host === hosts.canonical;
    const renewal = renewals[index];
    if (outcome.kind === 'probed') {
      findings.push(...certificateFindings(outcome.probe, important, renewal), ...protocolFindings(outcome));
      if (renewal && outcome.probe.authorized && outcome.probe.daysToExpiry >= 0) findings.push(certificateNote(outcome.probe, renewal, now));
    }
    if (outcome.kind === 'failed') findings.push(failureFinding(outcome.host, outcome.error, important));
  });
  const canonical = outcomes.find((outcome) => outcome.host === hosts.canonical);
  const incomplete = canonical?.kind === 'skipped' || (canonical?.kind === 'failed' && canonical.error.code !== 'connect' && canonical.error.code !== 'tls' && canonical.error.code !== 'timeout');
  if (canonical?.kind === 'skipped') {
    findings.push(finding('info', 'not-checked', `${hosts.canonical} does not resolve, so its certificate could not be checked.`, 'Fix the DNS records first (see the DNS check), then run this again.', { host: hosts.canonical }));
  }
  return result(
    findings,
    {
      hosts: outcomes.map((outcome): JsonValue =>
        outcome.kind === 'probed' ? probeEvidence(outcome.probe, renewals[outcomes.indexOf(outcome)]) : outcome.kind === 'failed' ? { host: outcome.host, error: outcome.error.code } : { host: outcome.host, skipped: outcome.reason },
      ),
    },
    { incomplete },
  );
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { tlsEvidence as evidenceSchema, type TlsEvidence as Evidence } from './evidence/tls';
