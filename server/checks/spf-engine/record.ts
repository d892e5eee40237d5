/**
 * SPF record syntax (RFC 7208 sections 4.5, 4.6, 5 and 6). A record with any
 * syntax error anywhere is a permerror, so the whole record is parsed up front.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { MacroSyntaxError, parseDomainSpec, parseMacroString, type MacroString } from './macro';

export type Qualifier = '+' | '-' | '~' | '?';

interface Term {
  /** The term as written, for evidence. */
  text: string;
  qualifier: Qualifier;
}

export type Mechanism =
  | (Term & { kind: 'all' })
  | (Term & { kind: 'include' | 'exists'; domainSpec: MacroString })
  | (Term & { kind: 'a' | 'mx'; domainSpec?: MacroString; ip4Prefix: number; ip6Prefix: number })
  | (Term & { kind: 'ptr'; domainSpec?: MacroString })
  | (Term & { kind: 'ip4' | 'ip6'; network: string; prefix: number });

export interface SpfRecord {
  text: string;
  mechanisms: Mechanism[];
  redirect?: { text: string; domainSpec: MacroString };
  explanation?: { text: string; domainSpec: MacroString };
  unknownModifiers: { name: string; value: string }[];
}

export class SpfSyntaxError extends Error {
  constructor(
    message: string,
    readonly term?: string,
  ) {
    super(term ? `${message} (in "${term}")` : message);
  }
}

const VERSION = /^v=spf1(?: |$)/i;
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/is;
const DIRECTIVE = /^([+\-~?]?)([a-z][a-z0-9]*)(.*)$/is;
const DUAL_CIDR = /^(.*?)(?:\/(\d+))?(?:\/\/(\d+))?$/s;

/** "v=spf1" followed by a space or the end of the record; other TXT records are ignored. */
export function isSpfRecord(text: string): boolean {
  return VERSION.test(text);
}

/** CIDR lengths are written without leading zeros (RFC 7208 ABNF). */
function parsePrefix(raw: string | undefined, max: number, term: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^(0|[1-9]\d*)$/.test(raw) || Number(raw) > max) throw new SpfSyntaxError(`invalid CIDR length /${raw}`, term);
  return Number(raw);
}

function optionalDomainSpec(rest: string, term: string): MacroString | undefined {
  if (rest === '') return undefined;
  if (!rest.startsWith(':')) throw new SpfSyntaxError('unexpected text after mechanism name', term);
  return parseDomainSpec(rest.slice(1));
}

function requiredDomainSpec(rest: string, term: string): MacroString {
  if (!rest.startsWith(':')) throw new SpfSyntaxError('mechanism needs ":domain"', term);
  return parseDomainSpec(rest.slice(1));
}

function parseAddressMechanism(kind: 'a' | 'mx', rest: string, base: Term): Mechanism {
  const [, spec = '', ip4, ip6] = DUAL_CIDR.exec(rest) ?? [];
  const domainSpec = optionalDomainSpec(spec, base.text);
  return {
    ...base,
    kind,
    ...(domainSpec ? { domainSpec } : {}),
    ip4Prefix: parsePrefix(ip4, 32, base.text) ?? 32,
    ip6Prefix: parsePrefix(ip6, 128, base.text) ?? 128,
  };
}

function parseIpMechanism(kind: 'ip4' | 'ip6', rest: string, base: Term): Mechanism {
  if (!rest.startsWith(':')) throw new SpfSyntaxError(`${kind} needs an address`, base.text);
  const value = rest.slice(1);
  const slash = value.indexOf('/');
  const network = slash === -1 ? value : value.slice(0, slash);
  const prefixText = slash === -1 ? undefined : value.slice(slash + 1);
  const valid = kind === 'ip4' ? isIPv4(network) : isIPv6(network) && !network.includes('%');
  if (!valid) throw new SpfSyntaxError(`"${network}" is not an IPv${kind === 'ip4' ? 4 : 6} address`, base.text);
  const max = kind === 'ip4' ? 32 : 128;
  return { ...base, kind, network, prefix: parsePrefix(prefixText, max, base.text) ?? max };
}

function parseMechanism(term: string): Mechanism {
  const match = DIRECTIVE.exec(term);
  if (!match) throw new SpfSyntaxError('not a mechanism or modifier', term);
  const [, qualifierText = '', rawName = '', rest = ''] = match;
  const base: Term = { text: term, qualifier: (qualifierText || '+') as Qualifier };
  const name = rawName.toLowerCase();
  switch (name) {
    case 'all':
      if (rest !== '') throw new SpfSyntaxError('"all" takes no arguments', term);
      return { ...base, kind: 'all' };
    case 'include':
    case 'exists':
      return { ...base, kind: name, domainSpec: requiredDomainSpec(rest, term) };
    case 'a':
    case 'mx':
      return parseAddressMechanism(name, rest, base);
    case 'ptr': {
      const domainSpec = optionalDomainSpec(rest, term);
      return { ...base, kind: 'ptr', ...(domainSpec ? { domainSpec } : {}) };
    }
    case 'ip4':
    case 'ip6':
      return parseIpMechanism(name, rest, base);
    default:
      throw new SpfSyntaxError(`unknown mechanism "${rawName}"`, term);
  }
}

function applyModifier(record: SpfRecord, name: string, value: string, term: string): void {
  const key = name.toLowerCase();
  if (key === 'redirect' || key === 'exp') {
    const field = key === 'redirect' ? 'redirect' : 'explanation';
    if (record[field]) throw new SpfSyntaxError(`"${key}" appears more than once`, term);
    record[field] = { text: term, domainSpec: parseDomainSpec(value) };
    return;
  }
  parseMacroString(value); // unknown modifiers are ignored, but must still be well-formed
  record.unknownModifiers.push({ name, value });
}

export function parseSpfRecord(text: string): SpfRecord {
  if (!isSpfRecord(text)) throw new SpfSyntaxError('record does not start with "v=spf1"');
  const record: SpfRecord = { text, mechanisms: [], unknownModifiers: [] };
  const terms = text.slice('v=spf1'.length).split(' ').filter((term) => term !== '');
  for (const term of terms) {
    try {
      const modifier = MODIFIER.exec(term);
      if (modifier) applyModifier(record, modifier[1] ?? '', modifier[2] ?? '', term);
      else record.mechanisms.push(parseMechanism(term));
    } catch (error) {
      if (error instanceof MacroSyntaxError) throw new SpfSyntaxError(error.message, term);
      throw error;
    }
  }
  return record;
}
