/**
 * DNS lookups with answers as values, not exceptions: checks need to tell
 * "the name does not exist" from "the server failed" from "nobody answered".
 */
import { Resolver } from 'node:dns/promises';

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'NS' | 'CAA' | 'PTR';

export interface MxRecord {
  priority: number;
  exchange: string;
}

export interface CaaRecord {
  critical: number;
  tag: string;
  value: string;
}

export interface DnsRecordMap {
  A: string;
  AAAA: string;
  CNAME: string;
  /** A TXT record is a list of character-strings; SPF/DKIM/DMARC join them without spaces. */
  TXT: string[];
  MX: MxRecord;
  NS: string;
  CAA: CaaRecord;
  PTR: string;
}

export type DnsFailure = 'servfail' | 'timeout' | 'refused' | 'bad-name' | 'error';

export type DnsAnswer<T> =
  | { status: 'ok'; records: T[] }
  /** The name exists but has no records of this type. */
  | { status: 'nodata' }
  | { status: 'nxdomain' }
  | { status: DnsFailure; message: string };

export interface DnsResolver {
  query<T extends DnsRecordType>(type: T, name: string): Promise<DnsAnswer<DnsRecordMap[T]>>;
}

export interface ResolverOptions {
  /** e.g. ['1.1.1.1', '127.0.0.1:5353', '[::1]:5353']; the system's servers when absent. */
  servers?: string[];
  /** Per attempt. */
  timeoutMs?: number;
  tries?: number;
}

/** True when the lookup settled that there is nothing there (as opposed to failing). */
export function isEmptyAnswer<T>(answer: DnsAnswer<T>): boolean {
  return answer.status === 'nodata' || answer.status === 'nxdomain';
}

export function isFailedAnswer<T>(answer: DnsAnswer<T>): answer is { status: DnsFailure; message: string } {
  return answer.status !== 'ok' && !isEmptyAnswer(answer);
}

export function recordsOf<T>(answer: DnsAnswer<T>): T[] {
  return answer.status === 'ok' ? answer.records : [];
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}

function toAnswer<T>(error: unknown): DnsAnswer<T> {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOTFOUND':
      return { status: 'nxdomain' };
    case 'ENODATA':
      return { status: 'nodata' };
    case 'ESERVFAIL':
      return { status: 'servfail', message };
    case 'ETIMEOUT':
      return { status: 'timeout', message };
    case 'EREFUSED':
      return { status: 'refused', message };
    case 'EBADNAME':
    case 'EBADQUERY':
      return { status: 'bad-name', message };
    default:
      return { status: 'error', message };
  }
}

function normaliseName(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

type Lookup = (resolver: Resolver, name: string) => Promise<unknown[]>;

const LOOKUPS: { [K in DnsRecordType]: (resolver: Resolver, name: string) => Promise<DnsRecordMap[K][]> } = {
  A: (r, name) => r.resolve4(name),
  AAAA: (r, name) => r.resolve6(name),
  CNAME: (r, name) => r.resolveCname(name),
  TXT: (r, name) => r.resolveTxt(name),
  MX: (r, name) => r.resolveMx(name),
  NS: (r, name) => r.resolveNs(name),
  CAA: async (r, name) =>
    (await r.resolveCaa(name)).map((record) => {
      const { critical, ...rest } = record;
      const [tag, value] = Object.entries(rest).find(([, v]) => typeof v === 'string') ?? ['', ''];
      return { critical, tag, value: String(value) };
    }),
  PTR: (r, name) => r.resolvePtr(name),
};

export function createResolver(options: ResolverOptions = {}): DnsResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2_000, tries: options.tries ?? 2 });
  if (options.servers?.length) resolver.setServers(options.servers);

  return {
    async query<T extends DnsRecordType>(type: T, name: string): Promise<DnsAnswer<DnsRecordMap[T]>> {
      const lookup = LOOKUPS[type] as Lookup;
      try {
        const records = (await lookup(resolver, normaliseName(name))) as DnsRecordMap[T][];
        return records.length > 0 ? { status: 'ok', records } : { status: 'nodata' };
      } catch (error) {
        return toAnswer(error);
      }
    },
  };
}
