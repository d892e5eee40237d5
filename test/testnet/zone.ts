/**
 * Fixture zones as plain objects, and how a recursive resolver would answer from
 * them. Shared by the loopback DNS server and the in-process zone resolver so both
 * give the same answers.
 */

export type FixtureFault = 'SERVFAIL' | 'TIMEOUT' | 'REFUSED';

export interface FixtureName {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  /** Each record is one string or a list of character-strings. */
  TXT?: (string | string[])[];
  MX?: { priority: number; exchange: string }[];
  NS?: string[];
  PTR?: string[];
  CAA?: { flags?: number; tag: 'issue' | 'issuewild' | 'iodef'; value: string }[];
  /** Every query for this name fails this way. */
  fault?: FixtureFault;
  /** Queries for types this name has no records of fail this way (instead of NODATA). */
  faultForMissingTypes?: FixtureFault;
}

/** Names (case-insensitive, trailing dot optional) to records; names not listed are NXDOMAIN. */
export type FixtureZone = Record<string, FixtureName>;

export type ZoneRecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'NS' | 'PTR' | 'CAA';

export type ZoneRecord =
  | { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR'; data: string }
  | { name: string; type: 'TXT'; data: string[] }
  | { name: string; type: 'MX'; data: { priority: number; exchange: string } }
  | { name: string; type: 'CAA'; data: { flags: number; tag: 'issue' | 'issuewild' | 'iodef'; value: string } };

export type ZoneAnswer =
  | { outcome: 'answer'; rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED'; records: ZoneRecord[] }
  /** The server stays silent so the client times out. */
  | { outcome: 'silence' };

const MAX_CNAME_HOPS = 8;

export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

export function indexZone(zone: FixtureZone): Map<string, FixtureName> {
  return new Map(Object.entries(zone).map(([name, entry]) => [canonicalName(name), entry]));
}

function recordsOfType(name: string, entry: FixtureName, type: string): ZoneRecord[] {
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'NS':
    case 'PTR':
      return (entry[type] ?? []).map((data) => ({ name, type, data }));
    case 'CNAME':
      return entry.CNAME ? [{ name, type: 'CNAME', data: entry.CNAME }] : [];
    case 'TXT':
      return (entry.TXT ?? []).map((value) => ({ name, type: 'TXT', data: Array.isArray(value) ? value : [value] }));
    case 'MX':
      return (entry.MX ?? []).map((data) => ({ name, type: 'MX', data }));
    case 'CAA':
      return (entry.CAA ?? []).map(({ flags = 0, tag, value }) => ({ name, type: 'CAA', data: { flags, tag, value } }));
    default:
      return [];
  }
}

function faultAnswer(fault: FixtureFault, records: ZoneRecord[]): ZoneAnswer {
  if (fault === 'TIMEOUT') return { outcome: 'silence' };
  return { outcome: 'answer', rcode: fault, records: fault === 'SERVFAIL' ? [] : records };
}

/** Answers one question, following CNAMEs inside the zone like a recursive resolver. */
export function answerFromZone(zone: Map<string, FixtureName>, name: string, type: string): ZoneAnswer {
  const records: ZoneRecord[] = [];
  let current = name;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const entry = zone.get(canonicalName(current));
    if (!entry) return { outcome: 'answer', rcode: 'NXDOMAIN', records };
    if (entry.fault) return faultAnswer(entry.fault, records);
    const direct = recordsOfType(current, entry, type);
    if (direct.length > 0) return { outcome: 'answer', rcode: 'NOERROR', records: [...records, ...direct] };
    if (entry.CNAME && type !== 'CNAME') {
      records.push(...recordsOfType(current, entry, 'CNAME'));
      current = entry.CNAME;
      continue;
    }
    if (entry.faultForMissingTypes) return faultAnswer(entry.faultForMissingTypes, records);
    return { outcome: 'answer', rcode: 'NOERROR', records };
  }
  return { outcome: 'answer', rcode: 'SERVFAIL', records: [] };
}
