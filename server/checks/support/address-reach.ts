/**
 * Whether anything answers at an address on port 443 (a TLS handshake, even with the wrong
 * certificate) or else on port 80 (any HTTP response). Used to tell a stale DNS record from a
 * live one. At most 16 distinct addresses, all at once, each port given 5 seconds (10 s at worst).
 */
import { HttpRequestError } from '@/server/net/http-client';
import { TlsProbeError } from '@/server/net/tls-probe';
import { mapBounded } from './pool';
import type { CheckDeps } from '../types';

/** answers: something listens; silent: refused or no reply on both ports; unknown: not dialled or not judged. */
export type Reach = 'answers' | 'silent' | 'unknown';

export const MAX_ADDRESSES = 16;
const CONCURRENCY = MAX_ADDRESSES;
const PORT_TIMEOUT_MS = 5_000;

type Knock = 'answers' | 'silent' | 'unknown';

function within<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), PORT_TIMEOUT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function knockTls(deps: CheckDeps, address: string, host: string): Promise<Knock> {
  try {
    await deps.tls.probe({ host: address, servername: host });
    return 'answers';
  } catch (error) {
    if (!(error instanceof TlsProbeError)) return 'unknown';
    // A failed or slow handshake still means a server accepted the connection there.
    if (error.code === 'tls' || (error.code === 'timeout' && error.message.startsWith('TLS handshake'))) return 'answers';
    return error.code === 'connect' || error.code === 'timeout' ? 'silent' : 'unknown';
  }
}

async function knockHttp(deps: CheckDeps, address: string): Promise<Knock> {
  const literal = address.includes(':') ? `[${address}]` : address;
  try {
    await deps.http.request(`http://${literal}/`, { followRedirects: false, maxBodyBytes: 1024, timeoutMs: PORT_TIMEOUT_MS });
    return 'answers';
  } catch (error) {
    if (!(error instanceof HttpRequestError)) return 'unknown';
    if (error.code === 'protocol') return 'answers';
    return error.code === 'connect' || error.code === 'timeout' ? 'silent' : 'unknown';
  }
}

/** Each distinct address once (named by the first host that uses it, for SNI); the rest are 'unknown'. */
export async function reachAddresses(deps: CheckDeps, addresses: readonly { address: string; host: string }[]): Promise<Map<string, Reach>> {
  const byAddress = new Map<string, string>();
  for (const { address, host } of addresses) if (!byAddress.has(address)) byAddress.set(address, host);
  const dialled = [...byAddress.entries()].slice(0, MAX_ADDRESSES);
  const states = await mapBounded(dialled, CONCURRENCY, async ([address, host]): Promise<Reach> => {
    const tls = await within(knockTls(deps, address, host), 'silent' as Knock);
    if (tls !== 'silent') return tls;
    return within(knockHttp(deps, address), 'silent' as Knock);
  });
  const reach = new Map<string, Reach>([...byAddress.keys()].map((address) => [address, 'unknown' as Reach]));
  for (const [index, [address]] of dialled.entries()) reach.set(address, states[index]!);
  return reach;
}
