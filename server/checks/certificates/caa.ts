/**
 * The CAA records that govern a host (RFC 8659): the host's own, else its parent's, up to the
 * project's apex; and whether they let a given authority issue. An "issuewild" set governs
 * wildcard certificates when present; an empty value (";") allows nobody.
 */
import type { DnsResolver } from '@/server/net/resolver';

export type CaaRecord = { critical: number; tag: string; value: string };

export type CaaSet = { owner: string; records: CaaRecord[] } | { owner: null; records: [] } | { failed: string };

/** Looks each name up once per run. */
export function caaLookup(resolver: DnsResolver) {
  const cache = new Map<string, Promise<CaaSet>>();
  const own = (name: string) => {
    let found = cache.get(name);
    if (!found) {
      found = resolver.query('CAA', name).then((answer): CaaSet => {
        if (answer.status === 'ok') return { owner: name, records: answer.records.map((r) => ({ critical: Number(r.critical ?? 0), tag: String(r.tag).toLowerCase(), value: String(r.value) })) };
        if (answer.status === 'nodata' || answer.status === 'nxdomain') return { owner: null, records: [] };
        return { failed: answer.status };
      });
      cache.set(name, found);
    }
    return found;
  };
  /** The relevant set for `host`, climbing no higher than `apex`. */
  return async function relevantSet(host: string, apex: string): Promise<CaaSet> {
    let name = host;
    for (;;) {
      const set = await own(name);
      if ('failed' in set || set.owner !== null) return set;
      if (name === apex || !name.includes('.') || !name.endsWith(`.${apex}`)) return set;
      name = name.slice(name.indexOf('.') + 1);
    }
  };
}

function issuerDomains(records: readonly CaaRecord[], tag: 'issue' | 'issuewild'): string[] | null {
  const values = records.filter((r) => r.tag === tag).map((r) => r.value.split(';')[0]!.trim().toLowerCase());
  return values.length > 0 ? values : null;
}

/** null: no issue restrictions at all; otherwise the names allowed (empty: nobody). */
export function allowedIssuers(records: readonly CaaRecord[], wildcard: boolean): string[] | null {
  const wild = wildcard ? issuerDomains(records, 'issuewild') : null;
  const list = wild ?? issuerDomains(records, 'issue');
  return list ? list.filter((value) => value !== '') : null;
}
