import type { DnsFailure, DnsResolver } from '@/server/net/resolver';

export type TxtLookup =
  | { status: 'found'; records: string[] }
  | { status: 'absent'; reason: 'nxdomain' | 'nodata' }
  | { status: 'failed'; reason: DnsFailure; message: string };

/** TXT records with their character-strings joined, as SPF, DKIM and DMARC read them. */
export async function lookupTxt(resolver: DnsResolver, name: string): Promise<TxtLookup> {
  const answer = await resolver.query('TXT', name);
  if (answer.status === 'ok') return { status: 'found', records: answer.records.map((strings) => strings.join('')) };
  if (answer.status === 'nxdomain' || answer.status === 'nodata') return { status: 'absent', reason: answer.status };
  return { status: 'failed', reason: answer.status, message: answer.message };
}
