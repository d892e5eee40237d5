/**
 * DNS check: apex, www and every listed subdomain resolve; no CNAME dangles (points at a name
 * that no longer exists — a subdomain-takeover risk on hosting services); no record points at a
 * private or reserved address (stale or internal), nor at one where nothing answers on port 80
 * or 443 (stale: support/address-reach.ts); apex and www agree; CAA is reported.
 */
import { decideAddress } from '@/server/net/address-policy';
import { recordsOf, type DnsAnswer, type DnsResolver } from '@/server/net/resolver';
import { reachAddresses, type Reach } from './support/address-reach';
import { findingsOf } from './support/finding';
import { siteHosts } from './support/hosts';
import { mapBounded } from './support/pool';
import { result } from './support/result';
import { takeoverProneService } from './support/takeover';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'dns';
export const title = 'DNS: every host resolves, nothing dangling or stale';

const finding = findingsOf(id);
type Role = 'apex' | 'www' | 'subdomain';

interface HostRecords {
  host: string;
  role: Role;
  cname: string[];
  addresses: string[];
  /** Set when the host has no usable answer. */
  state: 'ok' | 'missing' | 'failed';
  failure?: string;
  /** The CNAME target (last in the chain) and whether it resolves. */
  danglingTarget?: string;
}

function failureOf<T>(answer: DnsAnswer<T>): string | undefined {
  return answer.status === 'ok' || answer.status === 'nodata' || answer.status === 'nxdomain' ? undefined : answer.status;
}

async function lookupHost(resolver: DnsResolver, host: string, role: Role): Promise<HostRecords> {
  const [cname, a, aaaa] = await Promise.all([resolver.query('CNAME', host), resolver.query('A', host), resolver.query('AAAA', host)]);
  const addresses = [...recordsOf(a), ...recordsOf(aaaa)];
  const cnames = recordsOf(cname).map((name) => name.toLowerCase().replace(/\.$/, ''));
  const base = { host, role, cname: cnames, addresses };
  if (addresses.length > 0) return { ...base, state: 'ok' };
  const failure = failureOf(a) ?? failureOf(aaaa) ?? failureOf(cname);
  if (failure) return { ...base, state: 'failed', failure };
  if (cnames.length === 0) return { ...base, state: 'missing' };
  // A CNAME whose target yields no address: follow the target once to be sure it is gone.
  const target = cnames[cnames.length - 1] ?? '';
  const [targetA, targetAaaa] = await Promise.all([resolver.query('A', target), resolver.query('AAAA', target)]);
  if (failureOf(targetA) ?? failureOf(targetAaaa)) return { ...base, state: 'failed', failure: failureOf(targetA) ?? failureOf(targetAaaa) ?? 'error' };
  const targetAddresses = [...recordsOf(targetA), ...recordsOf(targetAaaa)];
  if (targetAddresses.length > 0) return { ...base, addresses: targetAddresses, state: 'ok' };
  return { ...base, state: 'missing', danglingTarget: target };
}

function evidenceOf(records: HostRecords): JsonValue {
  return { host: records.host, cname: records.cname, addresses: records.addresses, ...(records.failure ? { failure: records.failure } : {}) };
}

function hostFindings(records: HostRecords, deps: CheckDeps): Finding[] {
  const evidence = evidenceOf(records);
  const { host, role } = records;
  if (records.state === 'failed') {
    return [finding('info', 'lookup-failed', `Could not look up ${host} (${records.failure}); it was not checked.`, "Run the check again; if it keeps failing, check that your domain's name servers answer.", evidence)];
  }
  if (records.danglingTarget) {
    const service = takeoverProneService(records.danglingTarget);
    if (service) {
      return [finding('critical', 'dangling-cname-takeover', `${host} points (CNAME) at ${records.danglingTarget}, which no longer exists on ${service}. Anyone who creates that name on ${service} can serve their own pages on your domain.`, `Delete the CNAME record for ${host} now, or recreate the app/site named ${records.danglingTarget} on ${service} under your account.`, evidence)];
    }
    return [finding('high', 'dangling-cname', `${host} points (CNAME) at ${records.danglingTarget}, which does not exist, so ${host} is broken and could be taken over if that name becomes available.`, `Delete the CNAME record for ${host}, or point it at a name that exists.`, evidence)];
  }
  if (records.state === 'missing') {
    if (role === 'apex') return [finding('high', 'missing', `${host} has no address records (A/AAAA), so visitors typing your domain get an error.`, `Add A (and AAAA) records for ${host} pointing at your hosting provider, or the ALIAS/ANAME record it recommends.`, evidence)];
    if (role === 'www') return [finding('medium', 'missing', `${host} does not resolve, so visitors who type "www." get an error.`, `Add a CNAME for ${host} pointing at your site (and redirect it to the canonical host).`, evidence)];
    return [finding('medium', 'missing', `${host} is listed for this project but does not resolve.`, `Add the DNS record for ${host}, or remove it from the project if it is no longer used.`, evidence)];
  }
  const blocked = records.addresses.map((address) => decideAddress(address, deps.addressPolicy ?? {})).filter((decision) => !decision.allowed);
  if (blocked.length === 0) return [];
  return [
    finding('high', 'private-address', `${host} points at ${blocked.map((d) => `${d.address} (${d.category})`).join(', ')}, an address nobody on the internet can reach. It is usually a stale record for a server that moved, or an internal address that should not be published.`, `Point ${host} at its public address, or delete the record if ${host} is no longer used.`, { ...(evidence as Record<string, JsonValue>), blocked: blocked.map((d) => ({ address: d.address, category: d.category })) }),
  ];
}

/**
 * Public addresses where nothing answers on 80 or 443: a server that was shut down, or an
 * address given back to a cloud provider (which someone else may rent next). IPv6 addresses
 * count only when another IPv6 address answered, so a checker without IPv6 raises no alarm.
 */
function staleFindings(records: HostRecords, reach: ReadonlyMap<string, Reach>): Finding[] {
  const v6Works = [...reach.entries()].some(([address, state]) => address.includes(':') && state === 'answers');
  const silent = records.addresses.filter((address) => reach.get(address) === 'silent' && (!address.includes(':') || v6Works));
  if (silent.length === 0) return [];
  const all = silent.length === records.addresses.length;
  const { host, role } = records;
  const severity = role === 'subdomain' ? 'medium' : 'high';
  const listed = silent.join(', ');
  return [
    finding(
      severity,
      'stale-address',
      all
        ? `${host} points at ${listed}, where nothing answers on port 80 or 443: the record is stale (a server that was shut down, or an address handed back to the hosting provider, which someone else can rent and then serve pages on ${host}).`
        : `${host} points at ${listed} as well as at servers that work; nothing answers there on port 80 or 443, so some visitors get errors. It is usually a stale record left from an old server.`,
      `Delete the record for ${listed} at ${host} (or point it at the server that now serves ${host}).`,
      { ...(evidenceOf(records) as Record<string, JsonValue>), silent, ports: [80, 443] },
    ),
  ];
}

function consistencyFindings(apex: HostRecords, www: HostRecords): Finding[] {
  if (apex.state !== 'ok' || www.state !== 'ok') return [];
  if (www.cname.includes(apex.host) || apex.cname.includes(www.host)) return [];
  const same = apex.addresses.length === www.addresses.length && apex.addresses.every((address) => www.addresses.includes(address));
  if (same) return [];
  return [
    finding('low', 'apex-www-differ', `${apex.host} and ${www.host} point at different servers. That is fine if one of them only redirects to the other, but often one of them is a forgotten old host.`, `Point ${www.host} at the same place as ${apex.host} (a CNAME to your host), and let the redirects check confirm one redirects to the other.`, { apex: evidenceOf(apex), www: evidenceOf(www) }),
  ];
}

async function caaFindings(resolver: DnsResolver, apex: string): Promise<Finding[]> {
  const answer = await resolver.query('CAA', apex);
  if (answer.status === 'ok') {
    const records = answer.records.map((r) => `${r.critical} ${r.tag} "${r.value}"`);
    return [finding('info', 'caa-present', `${apex} limits which certificate authorities may issue certificates for it (CAA).`, 'Nothing to do; remember to add your new CA here if you ever switch.', { domain: apex, records })];
  }
  if (answer.status === 'nodata' || answer.status === 'nxdomain') {
    return [finding('info', 'caa-missing', `${apex} has no CAA record, so any certificate authority may issue certificates for it.`, `Optional hardening: add a CAA record such as 0 issue "letsencrypt.org" naming the authority your host uses.`, { domain: apex })];
  }
  return [];
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const hosts = siteHosts(target);
  const wanted: { host: string; role: Role }[] = [
    { host: hosts.apex, role: 'apex' },
    { host: hosts.www, role: 'www' },
    ...hosts.subdomains.map((host) => ({ host, role: 'subdomain' as const })),
  ];
  const looked = await mapBounded(wanted, 6, ({ host, role }) => lookupHost(deps.resolver, host, role));
  const [apex, www] = looked as [HostRecords, HostRecords];
  const hostProblems = looked.map((records) => hostFindings(records, deps));
  // Only addresses that are otherwise fine are knocked on (private ones are reported above, and never dialled).
  const sound = looked.filter((records, index) => records.state === 'ok' && hostProblems[index]!.length === 0);
  const reach = await reachAddresses(deps, sound.flatMap((records) => records.addresses.map((address) => ({ address, host: records.host }))));
  const findings = [...hostProblems.flat(), ...sound.flatMap((records) => staleFindings(records, reach)), ...consistencyFindings(apex, www), ...(await caaFindings(deps.resolver, hosts.apex))];
  const incomplete = apex.state === 'failed';
  return result(findings, { hosts: looked.map(evidenceOf), reach: Object.fromEntries(reach) }, { incomplete });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { dnsEvidence as evidenceSchema, type DnsEvidence as Evidence } from './evidence/web';
