/**
 * RFC 7208 check_host(): evaluates an SPF policy for a client IP and sender over
 * an injected resolver. Runs the OpenSPF conformance suite (see check-host.test.ts).
 */
import type ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';
import { parseAddress } from '@/server/net/address-policy';
import type { DnsResolver } from '@/server/net/resolver';
import { expandMacroString, MacroSyntaxError, parseMacroString, truncateDomain, type MacroContext, type MacroString } from './macro';
import { isSpfRecord, parseSpfRecord, SpfSyntaxError, type Mechanism, type Qualifier, type SpfRecord } from './record';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export interface SpfEvaluationInput {
  /** The SMTP client's address. */
  ip: string;
  /** MAIL FROM; empty for bounces, in which case the HELO identity is checked. */
  mailFrom: string;
  helo: string;
}

export interface SpfLimits {
  /** Terms that cause DNS lookups (include, a, mx, ptr, exists, redirect). */
  dnsMechanisms: number;
  /** Lookups that returned no records. */
  voidLookups: number;
  /** MX records one "mx" term may expand to. */
  mxRecords: number;
  /** PTR names the "ptr" term and %{p} examine. */
  ptrNames: number;
}

export interface SpfEvaluatorOptions {
  resolver: DnsResolver;
  /** %{r} in explanations. */
  receivingHost?: string;
  now?: () => Date;
  limits?: Partial<SpfLimits>;
}

export interface SpfEvaluation {
  result: SpfResult;
  /** The domain whose policy was checked. */
  domain: string;
  /** Why, in a sentence: the matching term, or what went wrong. */
  reason: string;
  /** For permerror and temperror: what kind of problem, and where. */
  error?: { code: SpfErrorCode; domain?: string };
  matchedTerm?: string;
  /** Set for "fail": from the domain's exp= record, or our default. */
  explanation?: string;
  explanationSource?: 'exp' | 'default';
  dnsLookups: number;
  voidLookups: number;
  /** Every SPF record read, in evaluation order. */
  records: { domain: string; record: string }[];
}

export const DEFAULT_EXPLANATION = 'The domain of the sender does not authorise this server to send its mail.';

const DEFAULT_LIMITS: SpfLimits = { dnsMechanisms: 10, voidLookups: 2, mxRecords: 10, ptrNames: 10 };

const QUALIFIER_RESULTS: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

export type SpfErrorCode =
  | 'invalid-ip'
  | 'dns-failure'
  | 'lookup-limit'
  | 'void-lookup-limit'
  | 'mx-limit'
  | 'multiple-records'
  | 'syntax-error'
  | 'include-without-spf'
  | 'redirect-without-spf';

/** Stops the whole evaluation with permerror or temperror. */
class SpfAbort extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly code: SpfErrorCode,
    reason: string,
    /** The domain whose record or lookup caused it. */
    readonly domain?: string,
  ) {
    super(reason);
  }
}

interface HostOutcome {
  result: Exclude<SpfResult, 'permerror' | 'temperror'>;
  reason: string;
  matchedTerm?: string;
  /** The record (and domain) whose exp= explains a fail. */
  explainedBy?: { record: SpfRecord; domain: string };
}

/** RFC 7208 4.3: a name check_host() can evaluate at all. */
export function isEvaluableDomain(domain: string): boolean {
  const name = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => label.length > 0 && label.length <= 63 && /^[\x21-\x7e]+$/.test(label) && !/[[\]]/.test(label));
}

interface Client {
  address: ipaddr.IPv4 | ipaddr.IPv6;
  family: 4 | 6;
}

function parseClient(ip: string): Client {
  if (isIP(ip) === 0) throw new SpfAbort('permerror', 'invalid-ip', `"${ip}" is not an IP address`);
  // An IPv4-mapped IPv6 client is evaluated as IPv4 (RFC 7208 5).
  const parsed = parseAddress(ip);
  const address = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
  return { address, family: address.kind() === 'ipv4' ? 4 : 6 };
}

function dottedIp(client: Client): string {
  if (client.family === 4) return client.address.toString();
  return (client.address as ipaddr.IPv6).parts.flatMap((part) => part.toString(16).padStart(4, '0').split('')).join('.');
}

function reverseName(client: Client): string {
  if (client.family === 4) return `${client.address.toString().split('.').reverse().join('.')}.in-addr.arpa`;
  return `${dottedIp(client).split('.').reverse().join('.')}.ip6.arpa`;
}

function inNetwork(client: Client, address: string, prefix: number): boolean {
  if (isIP(address) !== client.family) return false;
  return client.address.match(parseAddress(address), prefix);
}

function nameEndsWith(name: string, domain: string): boolean {
  const candidate = name.toLowerCase().replace(/\.$/, '');
  const target = domain.toLowerCase().replace(/\.$/, '');
  return candidate === target || candidate.endsWith(`.${target}`);
}

class Evaluation {
  dnsLookups = 0;
  voidLookups = 0;
  readonly records: { domain: string; record: string }[] = [];
  private readonly limits: SpfLimits;
  private readonly client: Client;

  constructor(
    private readonly options: SpfEvaluatorOptions,
    ip: string,
    private readonly sender: { localPart: string; domain: string },
    private readonly helo: string,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.client = parseClient(ip);
  }

  private get resolver(): DnsResolver {
    return this.options.resolver;
  }

  private countDnsTerm(term: string): void {
    this.dnsLookups += 1;
    if (this.dnsLookups > this.limits.dnsMechanisms) {
      throw new SpfAbort('permerror', 'lookup-limit', `more than ${this.limits.dnsMechanisms} DNS-querying terms (at "${term}")`);
    }
  }

  private countVoid(name: string): void {
    this.voidLookups += 1;
    if (this.voidLookups > this.limits.voidLookups) {
      throw new SpfAbort('permerror', 'void-lookup-limit', `more than ${this.limits.voidLookups} lookups returned nothing (at ${name})`, name);
    }
  }

  /** A, AAAA and the like for a term: failures abort, empty answers count as void. */
  private async addresses(name: string, type: 'A' | 'AAAA', countVoid: boolean): Promise<string[]> {
    const answer = await this.resolver.query(type, name);
    if (answer.status === 'ok') return answer.records;
    if (answer.status === 'nodata' || answer.status === 'nxdomain' || answer.status === 'bad-name') {
      if (countVoid) this.countVoid(name);
      return [];
    }
    throw new SpfAbort('temperror', 'dns-failure', `DNS ${answer.status} looking up ${type} ${name}`, name);
  }

  private clientType(): 'A' | 'AAAA' {
    return this.client.family === 4 ? 'A' : 'AAAA';
  }

  private macroContext(domain: string): MacroContext {
    const sender = `${this.sender.localPart}@${this.sender.domain}`;
    let ptrName: Promise<string> | undefined;
    return {
      sender,
      localPart: this.sender.localPart,
      senderDomain: this.sender.domain,
      domain,
      ip: this.client.family === 4 ? this.client.address.toString() : (this.client.address as ipaddr.IPv6).toRFC5952String(),
      ipDotted: dottedIp(this.client),
      ipVersionLabel: this.client.family === 4 ? 'in-addr' : 'ip6',
      helo: this.helo,
      receivingHost: this.options.receivingHost ?? 'unknown',
      timestamp: Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000),
      validatedPtrName: () => (ptrName ??= this.validatedPtrName(domain)),
    };
  }

  private async expandDomain(spec: MacroString, domain: string): Promise<string> {
    return truncateDomain(await expandMacroString(spec, this.macroContext(domain)));
  }

  /** PTR names of the client whose forward lookup leads back to it (RFC 7208 5.5). */
  private async validatedNames(): Promise<string[]> {
    const answer = await this.resolver.query('PTR', reverseName(this.client));
    const names = answer.status === 'ok' ? answer.records.slice(0, this.limits.ptrNames) : [];
    const validated: string[] = [];
    for (const name of names) {
      const forward = await this.resolver.query(this.clientType(), name);
      if (forward.status === 'ok' && forward.records.some((address) => inNetwork(this.client, address, this.client.family === 4 ? 32 : 128))) {
        validated.push(name);
      }
    }
    return validated;
  }

  private async validatedPtrName(domain: string): Promise<string> {
    const names = await this.validatedNames();
    return names.find((name) => nameEndsWith(name, domain)) ?? names[0] ?? 'unknown';
  }

  private async matches(mechanism: Mechanism, domain: string): Promise<boolean> {
    switch (mechanism.kind) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6':
        return inNetwork(this.client, mechanism.network, mechanism.prefix);
      case 'a': {
        this.countDnsTerm(mechanism.text);
        const target = mechanism.domainSpec ? await this.expandDomain(mechanism.domainSpec, domain) : domain;
        return this.matchesAddressesOf(target, mechanism, true);
      }
      case 'mx':
        this.countDnsTerm(mechanism.text);
        return this.matchesMx(mechanism, domain);
      case 'ptr': {
        this.countDnsTerm(mechanism.text);
        const target = mechanism.domainSpec ? await this.expandDomain(mechanism.domainSpec, domain) : domain;
        return (await this.validatedNames()).some((name) => nameEndsWith(name, target));
      }
      case 'exists': {
        this.countDnsTerm(mechanism.text);
        const target = await this.expandDomain(mechanism.domainSpec, domain);
        return (await this.addresses(target, 'A', true)).length > 0;
      }
      case 'include': {
        this.countDnsTerm(mechanism.text);
        const target = await this.expandDomain(mechanism.domainSpec, domain);
        const outcome = await this.checkHost(target);
        if (outcome.result === 'none') throw new SpfAbort('permerror', 'include-without-spf', `include:${target} has no SPF record`, target);
        return outcome.result === 'pass';
      }
    }
  }

  private async matchesAddressesOf(
    name: string,
    mechanism: { ip4Prefix: number; ip6Prefix: number },
    countVoid: boolean,
  ): Promise<boolean> {
    const prefix = this.client.family === 4 ? mechanism.ip4Prefix : mechanism.ip6Prefix;
    const found = await this.addresses(name, this.clientType(), countVoid);
    return found.some((address) => inNetwork(this.client, address, prefix));
  }

  private async matchesMx(mechanism: Extract<Mechanism, { kind: 'a' | 'mx' }>, domain: string): Promise<boolean> {
    const target = mechanism.domainSpec ? await this.expandDomain(mechanism.domainSpec, domain) : domain;
    const answer = await this.resolver.query('MX', target);
    if (answer.status !== 'ok') {
      if (answer.status === 'nodata' || answer.status === 'nxdomain' || answer.status === 'bad-name') {
        this.countVoid(target);
        return false;
      }
      throw new SpfAbort('temperror', 'dns-failure', `DNS ${answer.status} looking up MX ${target}`, target);
    }
    if (answer.records.length > this.limits.mxRecords) {
      throw new SpfAbort('permerror', 'mx-limit', `${target} has more than ${this.limits.mxRecords} MX records`, target);
    }
    const exchanges = [...answer.records].sort((a, b) => a.priority - b.priority).map((mx) => mx.exchange);
    for (const exchange of exchanges) {
      if (exchange === '' || exchange === '.') continue; // null MX: the domain accepts no mail
      if (await this.matchesAddressesOf(exchange, mechanism, false)) return true;
    }
    return false;
  }

  /** Reads and parses the one SPF record of a domain; undefined means "none". */
  private async spfRecordOf(domain: string): Promise<SpfRecord | undefined> {
    if (!isEvaluableDomain(domain)) return undefined;
    const answer = await this.resolver.query('TXT', domain);
    if (answer.status === 'nodata' || answer.status === 'nxdomain' || answer.status === 'bad-name') return undefined;
    if (answer.status !== 'ok') throw new SpfAbort('temperror', 'dns-failure', `DNS ${answer.status} looking up TXT ${domain}`, domain);
    const candidates = answer.records.map((strings) => strings.join('')).filter(isSpfRecord);
    if (candidates.length === 0) return undefined;
    if (candidates.length > 1) throw new SpfAbort('permerror', 'multiple-records', `${domain} publishes ${candidates.length} SPF records`, domain);
    const text = candidates[0] ?? '';
    this.records.push({ domain, record: text });
    try {
      return parseSpfRecord(text);
    } catch (error) {
      if (error instanceof SpfSyntaxError) throw new SpfAbort('permerror', 'syntax-error', `syntax error in ${domain}: ${error.message}`, domain);
      throw error;
    }
  }

  async checkHost(domain: string): Promise<HostOutcome> {
    const record = await this.spfRecordOf(domain);
    if (!record) return { result: 'none', reason: `${domain} has no SPF record` };

    for (const mechanism of record.mechanisms) {
      if (await this.matches(mechanism, domain)) {
        const result = QUALIFIER_RESULTS[mechanism.qualifier];
        return {
          result: result as HostOutcome['result'],
          reason: `matched "${mechanism.text}" in ${domain}`,
          matchedTerm: mechanism.text,
          explainedBy: { record, domain },
        };
      }
    }

    // redirect= is ignored when the record has an "all" mechanism (RFC 7208 6.1).
    const hasAll = record.mechanisms.some((mechanism) => mechanism.kind === 'all');
    if (record.redirect && !hasAll) {
      this.countDnsTerm(record.redirect.text);
      const target = await this.expandDomain(record.redirect.domainSpec, domain);
      const outcome = await this.checkHost(target);
      if (outcome.result === 'none') throw new SpfAbort('permerror', 'redirect-without-spf', `redirect=${target} has no SPF record`, target);
      return outcome;
    }
    return { result: 'neutral', reason: `no term in ${domain} matched` };
  }

  /** RFC 7208 6.2: any problem with the explanation falls back to the default. */
  async explain(record: SpfRecord, domain: string): Promise<{ text: string; source: 'exp' | 'default' }> {
    const fallback = { text: DEFAULT_EXPLANATION, source: 'default' as const };
    if (!record.explanation) return fallback;
    try {
      const target = await this.expandDomain(record.explanation.domainSpec, domain);
      const answer = await this.resolver.query('TXT', target);
      if (answer.status !== 'ok' || answer.records.length !== 1) return fallback;
      const tokens = parseMacroString((answer.records[0] ?? []).join(''), { explanation: true });
      return { text: await expandMacroString(tokens, this.macroContext(domain)), source: 'exp' };
    } catch (error) {
      if (error instanceof MacroSyntaxError) return fallback;
      throw error;
    }
  }
}

/** The identity check_host() is asked about: MAIL FROM, or postmaster@HELO for bounces. */
function senderIdentity(input: SpfEvaluationInput): { localPart: string; domain: string } {
  const mailFrom = input.mailFrom.trim();
  if (mailFrom === '') return { localPart: 'postmaster', domain: input.helo };
  const at = mailFrom.lastIndexOf('@');
  if (at === -1) return { localPart: 'postmaster', domain: mailFrom };
  return { localPart: mailFrom.slice(0, at) || 'postmaster', domain: mailFrom.slice(at + 1) };
}

export async function evaluateSpf(input: SpfEvaluationInput, options: SpfEvaluatorOptions): Promise<SpfEvaluation> {
  const sender = senderIdentity(input);
  const domain = sender.domain;
  let evaluation: Evaluation | undefined;
  const summary = (result: SpfResult, reason: string) => ({
    result,
    domain,
    reason,
    dnsLookups: evaluation?.dnsLookups ?? 0,
    voidLookups: evaluation?.voidLookups ?? 0,
    records: evaluation?.records ?? [],
  });

  try {
    evaluation = new Evaluation(options, input.ip, sender, input.helo);
    if (!isEvaluableDomain(domain)) return summary('none', `"${domain}" is not a domain SPF can be checked for`);
    const outcome = await evaluation.checkHost(domain);
    const base = { ...summary(outcome.result, outcome.reason), ...(outcome.matchedTerm ? { matchedTerm: outcome.matchedTerm } : {}) };
    if (outcome.result !== 'fail' || !outcome.explainedBy) return base;
    const explanation = await evaluation.explain(outcome.explainedBy.record, outcome.explainedBy.domain);
    return { ...base, explanation: explanation.text, explanationSource: explanation.source };
  } catch (error) {
    if (error instanceof SpfAbort) {
      return { ...summary(error.result, error.message), error: { code: error.code, ...(error.domain ? { domain: error.domain } : {}) } };
    }
    throw error;
  }
}
