/**
 * DMARC check (RFC 7489): a record at _dmarc.<domain> or, failing that, at the
 * organisational domain (public suffix list via tldts); policy strength, pct,
 * aggregate reporting address and its external-destination authorisation.
 */
import { getDomain } from 'tldts';
import type { DnsResolver } from '@/server/net/resolver';
import { result } from './support/result';
import { parseTagList, type TagList } from './support/tag-list';
import { lookupTxt, type TxtLookup } from './support/txt-records';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'dmarc';
export const title = 'DMARC: what receivers do with mail that fails SPF and DKIM';

const POLICIES = new Set(['none', 'quarantine', 'reject']);

function finding(severity: Finding['severity'], code: string, message: string, fix: string, evidence: JsonValue): Finding {
  return { severity, code: `dmarc.${code}`, message, fix, evidence };
}

export function dmarcRecords(lookup: TxtLookup): string[] {
  return lookup.status === 'found' ? lookup.records.filter((record) => /^v\s*=\s*DMARC1\s*(;|$)/.test(record)) : [];
}

export function organisationalDomain(domain: string): string {
  return getDomain(domain, { allowPrivateDomains: false }) ?? domain;
}

interface Located {
  /** Where the record was found (the domain itself or its organisational domain). */
  source: string;
  records: string[];
  inherited: boolean;
}

type Location = { kind: 'found'; located: Located } | { kind: 'absent' } | { kind: 'failed'; name: string; reason: string };

async function locate(resolver: DnsResolver, domain: string): Promise<Location> {
  const own = await lookupTxt(resolver, `_dmarc.${domain}`);
  if (own.status === 'failed') return { kind: 'failed', name: `_dmarc.${domain}`, reason: own.reason };
  if (dmarcRecords(own).length > 0) return { kind: 'found', located: { source: domain, records: dmarcRecords(own), inherited: false } };
  const organisational = organisationalDomain(domain);
  if (organisational === domain) return { kind: 'absent' };
  const parent = await lookupTxt(resolver, `_dmarc.${organisational}`);
  if (parent.status === 'failed') return { kind: 'failed', name: `_dmarc.${organisational}`, reason: parent.reason };
  const records = dmarcRecords(parent);
  return records.length > 0 ? { kind: 'found', located: { source: organisational, records, inherited: true } } : { kind: 'absent' };
}

function policyFindings(domain: string, policy: string, tags: TagList, evidence: JsonValue): Finding[] {
  const findings: Finding[] = [];
  if (policy === 'none') {
    findings.push(finding('medium', 'policy-none', `DMARC for ${domain} is in monitoring mode (p=none): mail that fails SPF and DKIM is still delivered, so spoofing is not stopped.`, 'Read the aggregate reports for a few weeks, fix any legitimate sender that fails, then move to p=quarantine and later p=reject.', evidence));
  } else if (policy === 'quarantine') {
    findings.push(finding('info', 'policy-quarantine', `DMARC for ${domain} sends failing mail to spam (p=quarantine).`, 'When reports stay clean, consider p=reject so spoofed mail is refused outright.', evidence));
  }
  const pct = tags.tags.get('pct');
  if (pct !== undefined && policy !== 'none') {
    const value = Number(pct);
    if (!/^\d{1,3}$/.test(pct) || value > 100) {
      findings.push(finding('medium', 'invalid-pct', `The pct=${pct} in the DMARC record of ${domain} is not a number from 0 to 100.`, 'Remove pct= or set it to 100.', evidence));
    } else if (value < 100) {
      findings.push(finding('low', 'partial-enforcement', `The DMARC policy of ${domain} applies to only ${value}% of failing mail (pct=${value}).`, 'Raise pct to 100 (or remove it) once you are confident in the policy.', evidence));
    }
  }
  return findings;
}

/**
 * mailto:local@domain.tld, read without a regular expression: `[^@\s]+\.[^@\s]+$` tried every
 * dot of a long hostile value against the rest of it (64 KB took seconds).
 */
function isMailtoAddress(address: string): boolean {
  if (address.slice(0, 7).toLowerCase() !== 'mailto:' || /\s/.test(address)) return false;
  const [local, domain, ...more] = address.slice(7).split('@');
  if (more.length > 0 || !local || !domain) return false;
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1;
}

export function reportingAddresses(rua: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of rua.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const address = raw.replace(/!\d+[kmgt]?$/i, ''); // optional size limit suffix
    if (isMailtoAddress(address)) valid.push(address.slice('mailto:'.length));
    else invalid.push(raw);
  }
  return { valid, invalid };
}

/** RFC 7489 7.1: another domain must publish <our domain>._report._dmarc.<theirs> to accept our reports. */
async function unauthorisedDestinations(resolver: DnsResolver, domain: string, addresses: string[]): Promise<string[]> {
  const ours = organisationalDomain(domain);
  const external = addresses.filter((address) => organisationalDomain(address.split('@')[1] ?? '') !== ours);
  const checks = await Promise.all(
    external.map(async (address) => {
      const destination = (address.split('@')[1] ?? '').toLowerCase();
      const lookup = await lookupTxt(resolver, `${domain}._report._dmarc.${destination}`);
      // A failed lookup is not evidence of a problem; only a definite absence is.
      return lookup.status === 'absent' || (lookup.status === 'found' && dmarcRecords(lookup).length === 0) ? address : undefined;
    }),
  );
  return checks.filter((address): address is string => address !== undefined);
}

async function reportingFindings(resolver: DnsResolver, source: string, tags: TagList, evidence: JsonValue): Promise<Finding[]> {
  const rua = tags.tags.get('rua');
  if (rua === undefined || rua === '') {
    return [finding('medium', 'no-reporting', `The DMARC record of ${source} has no rua= address, so nobody receives the reports that show who sends mail as your domain.`, `Add rua=mailto:dmarc-reports@${source} (or your DMARC report service's address).`, evidence)];
  }
  const { valid, invalid } = reportingAddresses(rua);
  const findings: Finding[] = [];
  if (invalid.length > 0) {
    findings.push(finding('medium', 'invalid-reporting-address', `The rua= of ${source} contains addresses receivers cannot use: ${invalid.join(', ')}.`, 'Write each address as mailto:name@domain, separated by commas.', { ...(evidence as Record<string, JsonValue>), invalid }));
  }
  const unauthorised = await unauthorisedDestinations(resolver, source, valid);
  if (unauthorised.length > 0) {
    findings.push(finding('medium', 'reporting-not-authorised', `Reports for ${source} go to another domain that has not agreed to receive them (${unauthorised.join(', ')}), so receivers will not send them.`, `The receiving domain must publish a TXT record "v=DMARC1" at ${source}._report._dmarc.<its domain>; most report services do this when you add your domain to them.`, { ...(evidence as Record<string, JsonValue>), unauthorised }));
  }
  return findings;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const domain = target.domain.toLowerCase().replace(/\.$/, '');
  const location = await locate(deps.resolver, domain);
  if (location.kind === 'failed') {
    return result([finding('info', 'dns-error', `Could not read ${location.name} (${location.reason}); DMARC was not checked.`, 'Try again; if it persists, check the name servers of the domain.', { name: location.name, reason: location.reason })], undefined, { incomplete: true });
  }
  if (location.kind === 'absent') {
    return result([finding('high', 'missing', `${domain} has no DMARC record, so receivers have no instructions for mail that fakes your domain and you get no reports about it.`, `Publish a TXT record at _dmarc.${organisationalDomain(domain)}: "v=DMARC1; p=none; rua=mailto:dmarc-reports@${organisationalDomain(domain)}", then tighten the policy.`, { domain, looked: [`_dmarc.${domain}`, `_dmarc.${organisationalDomain(domain)}`] })]);
  }
  const { source, records, inherited } = location.located;
  if (records.length > 1) {
    return result([finding('high', 'multiple-records', `_dmarc.${source} has ${records.length} DMARC records; receivers then apply none of them.`, 'Keep exactly one "v=DMARC1; …" record.', { source, records })]);
  }
  const record = records[0] ?? '';
  const tags = parseTagList(record);
  const evidence: JsonValue = { domain, source, inherited, record };
  const findings: Finding[] = [];
  if (inherited) {
    findings.push(finding('info', 'inherited', `${domain} has no DMARC record of its own; the policy of ${source} applies to it.`, 'Nothing to do unless this subdomain needs a different policy.', evidence));
  }
  const requested = tags.tags.get('p');
  // An sp= on the organisational domain governs its subdomains.
  const policy = (inherited ? tags.tags.get('sp') ?? requested : requested)?.toLowerCase();
  if (policy === undefined || !POLICIES.has(policy)) {
    findings.push(finding('high', 'invalid-policy', `The DMARC record of ${source} has no valid policy (p=none, quarantine or reject), so receivers ignore it.`, 'Set p=none to start, and tighten later.', evidence));
    return result(findings, evidence);
  }
  findings.push(...policyFindings(domain, policy, tags, evidence));
  const subdomainPolicy = tags.tags.get('sp')?.toLowerCase();
  if (!inherited && policy !== 'none' && subdomainPolicy === 'none') {
    findings.push(finding('low', 'subdomains-unprotected', `The DMARC record of ${source} enforces p=${policy} but leaves subdomains unprotected (sp=none).`, 'Remove sp=none (subdomains then follow p=) unless a subdomain really sends unauthenticated mail.', evidence));
  }
  findings.push(...(await reportingFindings(deps.resolver, source, tags, evidence)));
  return result(findings, { ...evidence, policy });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { dmarcEvidence as evidenceSchema, type DmarcEvidence as Evidence } from './evidence/mail';
