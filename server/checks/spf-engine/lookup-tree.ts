/**
 * Counts the DNS lookups of an SPF policy over its whole include tree, the way a receiver
 * evaluating mail from an address the policy does not list would: every include, a, mx, ptr,
 * exists and redirect term costs one (RFC 7208 4.6.4). An evaluation for one probe address
 * stops at the first matching term and can stay under the limit while other senders exceed
 * it, so the limit is judged here, independent of any address.
 *
 * Terms whose target is built from the sender (macros such as %{i}) are counted but cannot be
 * followed. Bounded: at most 30 records read and 10 levels deep (an include loop runs into the
 * cap and so over the limit, as it would for a receiver).
 */
import type { DnsResolver } from '@/server/net/resolver';
import type { MacroString } from './macro';
import { isSpfRecord, parseSpfRecord, SpfSyntaxError, type SpfRecord } from './record';

export interface SpfTreeRecord {
  domain: string;
  record: string;
  /** Lookups this record's own terms cost (its includes' records are listed separately). */
  lookups: number;
}

export type SpfTreeProblem = { code: 'include-without-spf' | 'multiple-records' | 'syntax-error' | 'dns-failure'; domain: string; reason: string };

export interface SpfTree {
  dnsLookups: number;
  records: SpfTreeRecord[];
  /** Terms whose target depends on the sender: counted, not followed. */
  senderDependent: string[];
  problems: SpfTreeProblem[];
  /** The caps stopped the walk (the count is then a lower bound). */
  truncated: boolean;
}

export const MAX_RECORDS = 30;
const MAX_DEPTH = 10;

/** A domain-spec without macros, as a plain name; undefined when it depends on the sender. */
function literalDomain(spec: MacroString): string | undefined {
  let name = '';
  for (const token of spec) {
    if (token.kind === 'macro') return undefined;
    name += token.text;
  }
  return name.toLowerCase().replace(/\.$/, '');
}

type Read = { kind: 'record'; record: SpfRecord } | { kind: 'problem'; problem: SpfTreeProblem };

async function readRecord(resolver: DnsResolver, domain: string, why: 'include' | 'redirect' | 'root'): Promise<Read> {
  const answer = await resolver.query('TXT', domain);
  const missing: SpfTreeProblem = { code: 'include-without-spf', domain, reason: `${why === 'redirect' ? 'redirect=' : 'include:'}${domain} has no SPF record` };
  if (answer.status === 'nodata' || answer.status === 'nxdomain' || answer.status === 'bad-name') return { kind: 'problem', problem: missing };
  if (answer.status !== 'ok') return { kind: 'problem', problem: { code: 'dns-failure', domain, reason: `DNS ${answer.status} looking up TXT ${domain}` } };
  const candidates = answer.records.map((strings) => strings.join('')).filter(isSpfRecord);
  if (candidates.length === 0) return { kind: 'problem', problem: missing };
  if (candidates.length > 1) return { kind: 'problem', problem: { code: 'multiple-records', domain, reason: `${domain} publishes ${candidates.length} SPF records` } };
  try {
    return { kind: 'record', record: parseSpfRecord(candidates[0]!) };
  } catch (error) {
    if (error instanceof SpfSyntaxError) return { kind: 'problem', problem: { code: 'syntax-error', domain, reason: `syntax error in ${domain}: ${error.message}` } };
    throw error;
  }
}

export async function walkSpfTree(domain: string, resolver: DnsResolver): Promise<SpfTree> {
  const tree: SpfTree = { dnsLookups: 0, records: [], senderDependent: [], problems: [], truncated: false };
  let read = 0;

  async function visit(name: string, depth: number, why: 'include' | 'redirect' | 'root'): Promise<void> {
    if (read >= MAX_RECORDS || depth > MAX_DEPTH) {
      tree.truncated = true;
      return;
    }
    read += 1;
    const outcome = await readRecord(resolver, name, why);
    if (outcome.kind === 'problem') {
      // The root's own problems (missing, several, syntax) are reported by the SPF check itself.
      if (why !== 'root') tree.problems.push(outcome.problem);
      return;
    }
    const { record } = outcome;
    const entry: SpfTreeRecord = { domain: name, record: record.text, lookups: 0 };
    tree.records.push(entry);
    const follow: { name: string; why: 'include' | 'redirect' }[] = [];
    const count = (term: string, spec: MacroString | undefined, next?: 'include' | 'redirect') => {
      entry.lookups += 1;
      tree.dnsLookups += 1;
      if (!next || !spec) return;
      const target = literalDomain(spec);
      if (target) follow.push({ name: target, why: next });
      else tree.senderDependent.push(`${term} (in ${name})`);
    };
    for (const mechanism of record.mechanisms) {
      if (mechanism.kind === 'include') count(mechanism.text, mechanism.domainSpec, 'include');
      else if (mechanism.kind === 'a' || mechanism.kind === 'mx' || mechanism.kind === 'ptr' || mechanism.kind === 'exists') count(mechanism.text, undefined);
    }
    // redirect= is ignored when the record has an "all" (RFC 7208 6.1).
    if (record.redirect && !record.mechanisms.some((m) => m.kind === 'all')) count(record.redirect.text, record.redirect.domainSpec, 'redirect');
    // One after the other, so records are listed in the order a receiver reads them.
    for (const child of follow) await visit(child.name, depth + 1, child.why);
  }

  await visit(domain.toLowerCase().replace(/\.$/, ''), 0, 'root');
  return tree;
}
