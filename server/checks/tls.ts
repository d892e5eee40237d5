/**
 * TLS check for apex, www and the listed subdomains: a chain browsers trust, a certificate
 * that names the host, days to expiry (30/14/7-day warnings, expired is critical), TLS 1.2 or
 * newer negotiated, and no fallback to TLS 1.0/1.1 (a second handshake capped at TLS 1.1
 * must fail).
 */
import { TlsProbeError, type TlsProbeResult } from '@/server/net/tls-probe';
import { recordsOf } from '@/server/net/resolver';
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

function probeEvidence(probe: TlsProbeResult): JsonValue {
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

function certificateFindings(probe: TlsProbeResult, important: boolean): Finding[] {
  const host = probe.host;
  const evidence = probeEvidence(probe);
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
  if (days >= 0 && probe.authorized) {
    if (days <= 7) findings.push(finding('high', 'expires-7d', `The certificate of ${host} expires in ${days} day${days === 1 ? '' : 's'}.`, `Renew it today and check why automatic renewal did not run.`, evidence));
    else if (days <= 14) findings.push(finding('medium', 'expires-14d', `The certificate of ${host} expires in ${days} days.`, 'Renew it this week; automatic renewal normally happens 30 days before expiry, so check that it works.', evidence));
    else if (days <= 30) findings.push(finding('low', 'expires-30d', `The certificate of ${host} expires in ${days} days.`, 'Make sure automatic renewal is set up; it usually renews around now.', evidence));
  }
  return findings;
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
  const findings: Finding[] = [];
  for (const outcome of outcomes) {
    const important = outcome.host === hosts.canonical;
    if (outcome.kind === 'probed') findings.push(...certificateFindings(outcome.probe, important), ...protocolFindings(outcome));
    if (outcome.kind === 'failed') findings.push(failureFinding(outcome.host, outcome.error, important));
  }
  const canonical = outcomes.find((outcome) => outcome.host === hosts.canonical);
  const incomplete = canonical?.kind === 'skipped' || (canonical?.kind === 'failed' && canonical.error.code !== 'connect' && canonical.error.code !== 'tls' && canonical.error.code !== 'timeout');
  if (canonical?.kind === 'skipped') {
    findings.push(finding('info', 'not-checked', `${hosts.canonical} does not resolve, so its certificate could not be checked.`, 'Fix the DNS records first (see the DNS check), then run this again.', { host: hosts.canonical }));
  }
  return result(
    findings,
    {
      hosts: outcomes.map((outcome): JsonValue =>
        outcome.kind === 'probed' ? probeEvidence(outcome.probe) : outcome.kind === 'failed' ? { host: outcome.host, error: outcome.error.code } : { host: outcome.host, skipped: outcome.reason },
      ),
    },
    { incomplete },
  );
}
