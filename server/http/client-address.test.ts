import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, FORWARDED_HEADER, parseTrustedProxies, SOCKET_ADDRESS_HEADER, withClientAddress } from './client-address';

const NONE = parseTrustedProxies('').ranges;
const LB = parseTrustedProxies('10.0.0.0/24, 2001:db8::/32').ranges;

function headers(socket: string | null, forwardedFor?: string, extra: Record<string, string> = {}) {
  const h = new Headers(extra);
  if (socket) h.set(SOCKET_ADDRESS_HEADER, socket);
  if (forwardedFor !== undefined) h.set('x-forwarded-for', forwardedFor);
  // What scripts/serve.mjs notes before Next.js adds an X-Forwarded-For of its own.
  h.set(FORWARDED_HEADER, forwardedFor !== undefined || 'x-real-ip' in extra ? '1' : '0');
  return h;
}

describe('clientAddress', () => {
  it('uses the connection and ignores X-Forwarded-For when no proxy is trusted', () => {
    for (const spoof of ['198.51.100.1', '198.51.100.2, 10.0.0.5', '127.0.0.1']) {
      expect(clientAddress(headers('203.0.113.7', spoof), NONE, true)).toEqual({ address: '203.0.113.7', loopback: false });
    }
  });

  it('knows nothing when the socket header was not written by our server', () => {
    expect(clientAddress(headers('203.0.113.7'), NONE, false)).toEqual({ address: null, loopback: false });
    expect(clientAddress(headers('127.0.0.1'), NONE, false).loopback).toBe(false);
  });

  it('behind a trusted proxy, takes the first untrusted address from the right', () => {
    expect(clientAddress(headers('10.0.0.2', '203.0.113.7'), LB, true).address).toBe('203.0.113.7');
    // A client's own X-Forwarded-For ends up on the left and is skipped: everyone does not share one bucket,
    // and varying it does not give a new bucket either.
    for (const spoof of ['1.1.1.1', '2.2.2.2, 3.3.3.3', 'garbage', '10.0.0.9']) {
      expect(clientAddress(headers('10.0.0.2', `${spoof}, 203.0.113.7, 10.0.0.3`), LB, true).address).toBe('203.0.113.7');
    }
    expect(clientAddress(headers('10.0.0.2', '198.51.100.4, 10.0.0.3'), LB, true).address).toBe('198.51.100.4');
  });

  it('stops at garbage and at a direct connection from outside the proxy list', () => {
    expect(clientAddress(headers('10.0.0.2', 'garbage, 10.0.0.3'), LB, true).address).toBe('10.0.0.3');
    expect(clientAddress(headers('10.0.0.2', ''), LB, true).address).toBe('10.0.0.2');
    expect(clientAddress(headers('10.0.1.2', '203.0.113.7'), LB, true).address).toBe('10.0.1.2');
  });

  it('reads IPv4-mapped IPv6, ports and brackets, and IPv6 proxies', () => {
    expect(clientAddress(headers('::ffff:203.0.113.7'), NONE, true).address).toBe('203.0.113.7');
    expect(clientAddress(headers('2001:db8::1', '[2001:db9::5]:443'), LB, true).address).toBe('2001:db9:0:0:0:0:0:5');
    expect(clientAddress(headers('10.0.0.2', '203.0.113.7:5123'), LB, true).address).toBe('203.0.113.7');
  });

  it('calls a request loopback only when it is this machine and no proxy forwarded it', () => {
    expect(clientAddress(headers('127.0.0.1'), NONE, true).loopback).toBe(true);
    expect(clientAddress(headers('::1'), NONE, true).loopback).toBe(true);
    expect(clientAddress(headers('::ffff:127.0.0.1'), NONE, true).loopback).toBe(true);
    expect(clientAddress(headers('127.0.0.1', '203.0.113.7'), NONE, true).loopback).toBe(false);
    expect(clientAddress(headers('127.0.0.1', undefined, { 'x-real-ip': '203.0.113.7' }), NONE, true).loopback).toBe(false);
    // Next.js's own X-Forwarded-For (from the socket) does not make a local request forwarded...
    const local = headers('127.0.0.1');
    local.set('x-forwarded-for', '127.0.0.1');
    expect(clientAddress(local, NONE, true).loopback).toBe(true);
    // ...and without our server's note a request is never taken for a local one.
    local.delete(FORWARDED_HEADER);
    expect(clientAddress(local, NONE, true).loopback).toBe(false);
    const localProxy = parseTrustedProxies('127.0.0.1').ranges;
    expect(clientAddress(headers('127.0.0.1', '203.0.113.7'), localProxy, true)).toEqual({ address: '203.0.113.7', loopback: false });
    expect(clientAddress(headers('127.0.0.1'), localProxy, true).loopback).toBe(true);
  });
});

describe('parseTrustedProxies', () => {
  it('accepts IPs and CIDR ranges and names the rest', () => {
    const { ranges, invalid } = parseTrustedProxies('10.0.0.1, 10.0.0.0/8, ::1, fd00::/8, 10.0.0.0/33, 127.1, example.com, 1.2.3.4/x, 1.2.3.4/8/8');
    expect(ranges).toHaveLength(4);
    expect(invalid).toEqual(['10.0.0.0/33', '127.1', 'example.com', '1.2.3.4/x', '1.2.3.4/8/8']);
  });
});

describe('withClientAddress', () => {
  it('replaces a client-sent address header with the resolved one, keeping the body', async () => {
    const request = new Request('http://localhost/api/auth/sign-in/email', {
      method: 'POST',
      headers: headers('203.0.113.7', '1.1.1.1', { [CLIENT_ADDRESS_HEADER]: '9.9.9.9' }),
      body: '{"a":1}',
    });
    const copy = withClientAddress(request, NONE, true);
    expect(copy.headers.get(CLIENT_ADDRESS_HEADER)).toBe('203.0.113.7');
    expect(await copy.text()).toBe('{"a":1}');
    expect(withClientAddress(new Request('http://localhost/', { headers: { [CLIENT_ADDRESS_HEADER]: '9.9.9.9' } }), NONE, false).headers.get(CLIENT_ADDRESS_HEADER)).toBeNull();
  });
});
