/**
 * A DnsResolver answering straight from a fixture zone, without sockets. It gives the
 * same answers as the loopback DNS server, minus the limits of the system resolver
 * library (which refuses to query names with characters such as ':' or ' ').
 */
import type { DnsAnswer, DnsRecordMap, DnsRecordType, DnsResolver } from '@/server/net/resolver';
import { answerFromZone, indexZone, type FixtureZone, type ZoneRecord } from './zone';

function recordValue(record: ZoneRecord): DnsRecordMap[DnsRecordType] {
  switch (record.type) {
    case 'CAA':
      return { critical: record.data.flags, tag: record.data.tag, value: record.data.value };
    default:
      return record.data;
  }
}

export function createZoneResolver(zone: FixtureZone): DnsResolver & { readonly queries: { name: string; type: string }[] } {
  const index = indexZone(zone);
  const queries: { name: string; type: string }[] = [];
  return {
    queries,
    async query<T extends DnsRecordType>(type: T, name: string): Promise<DnsAnswer<DnsRecordMap[T]>> {
      queries.push({ name, type });
      const answer = answerFromZone(index, name, type);
      if (answer.outcome === 'silence') return { status: 'timeout', message: `no answer for ${type} ${name}` };
      if (answer.rcode === 'NXDOMAIN') return { status: 'nxdomain' };
      if (answer.rcode === 'SERVFAIL') return { status: 'servfail', message: `SERVFAIL for ${type} ${name}` };
      if (answer.rcode === 'REFUSED') return { status: 'refused', message: `REFUSED for ${type} ${name}` };
      const records = answer.records.filter((record) => record.type === type).map((record) => recordValue(record) as DnsRecordMap[T]);
      return records.length > 0 ? { status: 'ok', records } : { status: 'nodata' };
    },
  };
}
