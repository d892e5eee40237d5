/**
 * Who is on the other end of a request: the address per-IP rate limits count, and whether the
 * request comes from this machine (the outbox).
 *
 * The connection's address is the only thing a client cannot choose. Next.js does not hand it to
 * route handlers, so our server (scripts/serve.mjs) writes it into SOCKET_ADDRESS_HEADER on every
 * request, replacing whatever the client sent, and marks the process so the app knows the header
 * is its own. X-Forwarded-For is read only when that connection comes from a configured proxy
 * (LR_TRUSTED_PROXIES), walking the chain from the right past trusted proxies: the first address
 * no trusted proxy vouches for is the client. Its left part is whatever the client wrote.
 */
import ipaddr from 'ipaddr.js';

export const SOCKET_ADDRESS_HEADER = 'x-lr-socket-address';
/** Set by the auth route for better-auth's rate limit; any client value is replaced first. */
export const CLIENT_ADDRESS_HEADER = 'x-lr-client-ip';
/** '1' when the request reached our server with forwarding headers, '0' when not (scripts/serve.mjs). */
export const FORWARDED_HEADER = 'x-lr-forwarded';
const SERVER_MARK = Symbol.for('launch-ready.socket-address-header');

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type AddressRange = [Address, number];

/** True when scripts/serve.mjs runs this process, so SOCKET_ADDRESS_HEADER is trustworthy. */
export function socketHeaderIsOurs(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

/** A plain IPv4 (four decimal parts) or IPv6 address, IPv4-mapped IPv6 read as IPv4; null otherwise. */
export function parseAddress(text: string): Address | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (!ipaddr.IPv6.isValid(value)) return null;
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** Parses LR_TRUSTED_PROXIES (IPs and CIDR ranges, comma separated); names the bad entries. */
export function parseTrustedProxies(text: string | undefined): { ranges: AddressRange[]; invalid: string[] } {
  const ranges: AddressRange[] = [];
  const invalid: string[] = [];
  for (const entry of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [base, bits, ...rest] = entry.split('/');
    const address = base ? parseAddress(base) : null;
    const max = address?.kind() === 'ipv4' ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!address || rest.length > 0 || !(prefix >= 0 && prefix <= max)) invalid.push(entry);
    else ranges.push([address, prefix]);
  }
  return { ranges, invalid };
}

function isTrusted(address: Address, trusted: readonly AddressRange[]): boolean {
  return trusted.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

export type ClientAddress = {
  /** The client's address, normalised; null when the connection's address is not known. */
  address: string | null;
  /** True when the client is this machine: a loopback connection that no proxy forwarded. */
  loopback: boolean;
};

export function clientAddress(headers: Headers, trusted: readonly AddressRange[], socketHeaderTrusted = socketHeaderIsOurs()): ClientAddress {
  const socket = socketHeaderTrusted ? parseAddress(headers.get(SOCKET_ADDRESS_HEADER) ?? '') : null;
  if (!socket) return { address: null, loopback: false };
  if (!isTrusted(socket, trusted)) {
    // A loopback connection that carried forwarding headers came through a proxy on this machine
    // that nobody declared: treat it as a visitor from elsewhere, not as this machine. (Next.js
    // adds X-Forwarded-For itself, so our server notes what the request arrived with.)
    const forwarded = headers.get(FORWARDED_HEADER) !== '0';
    return { address: socket.toNormalizedString(), loopback: socket.range() === 'loopback' && !forwarded };
  }
  let client = socket;
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = parseAddress(chain[i]!);
    // Garbage was not written by a trusted proxy: the last address one vouched for is the client.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return { address: client.toNormalizedString(), loopback: client.range() === 'loopback' };
}

/** A copy of the request whose CLIENT_ADDRESS_HEADER is the resolved address (or absent). */
export function withClientAddress(request: Request, trusted: readonly AddressRange[], socketHeaderTrusted = socketHeaderIsOurs()): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const { address } = clientAddress(request.headers, trusted, socketHeaderTrusted);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : request.body;
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal, ...(body ? { duplex: 'half' } : {}) } as RequestInit);
}
