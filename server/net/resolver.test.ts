import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { createResolver, isEmptyAnswer, isFailedAnswer, type DnsResolver } from './resolver';

describe('resolver against the loopback DNS server', () => {
  let dns: DnsTestServer;
  let resolver: DnsResolver;

  beforeAll(async () => {
    dns = await startDnsServer({
      'shop.test': {
        A: ['192.0.2.10'],
        AAAA: ['2001:db8::10'],
        TXT: ['v=spf1 -all', ['part one ', 'part two']],
        MX: [{ priority: 10, exchange: 'mx.shop.test' }],
        NS: ['ns1.shop.test'],
        CAA: [{ tag: 'issue', value: 'ca.test' }],
      },
      'www.shop.test': { CNAME: 'shop.test' },
      'dangling.shop.test': { CNAME: 'gone.shop.test' },
      'broken.shop.test': { fault: 'SERVFAIL' },
      'silent.shop.test': { fault: 'TIMEOUT' },
      'refusing.shop.test': { fault: 'REFUSED' },
      'long.shop.test': { TXT: ['x'.repeat(700)] },
      // Too big for one UDP answer: the server truncates and the resolver retries over TCP.
      'huge.shop.test': { TXT: ['y'.repeat(3_000)] },
    });
    resolver = createResolver({ servers: [dns.server], timeoutMs: 200, tries: 1 });
  });
  afterAll(() => dns.close());

  it('answers each record type', async () => {
    expect(await resolver.query('A', 'shop.test')).toEqual({ status: 'ok', records: ['192.0.2.10'] });
    expect(await resolver.query('AAAA', 'SHOP.test.')).toEqual({ status: 'ok', records: ['2001:db8::10'] });
    expect(await resolver.query('TXT', 'shop.test')).toEqual({ status: 'ok', records: [['v=spf1 -all'], ['part one ', 'part two']] });
    expect(await resolver.query('MX', 'shop.test')).toEqual({ status: 'ok', records: [{ priority: 10, exchange: 'mx.shop.test' }] });
    expect(await resolver.query('NS', 'shop.test')).toEqual({ status: 'ok', records: ['ns1.shop.test'] });
    expect(await resolver.query('CAA', 'shop.test')).toEqual({ status: 'ok', records: [{ critical: 0, tag: 'issue', value: 'ca.test' }] });
    expect(await resolver.query('CNAME', 'www.shop.test')).toEqual({ status: 'ok', records: ['shop.test'] });
  });

  it('follows CNAMEs and reassembles long TXT records', async () => {
    expect(await resolver.query('A', 'www.shop.test')).toEqual({ status: 'ok', records: ['192.0.2.10'] });
    const long = await resolver.query('TXT', 'long.shop.test');
    expect(long.status === 'ok' && long.records[0]?.join('')).toBe('x'.repeat(700));
    const huge = await resolver.query('TXT', 'huge.shop.test');
    expect(huge.status === 'ok' && huge.records[0]?.join('')).toBe('y'.repeat(3_000));
  });

  it('tells no-such-name, no-data, server failure, refusal and timeout apart', async () => {
    const nxdomain = await resolver.query('A', 'nothing.shop.test');
    expect(nxdomain.status).toBe('nxdomain');
    expect((await resolver.query('PTR', 'shop.test')).status).toBe('nodata');
    expect((await resolver.query('A', 'dangling.shop.test')).status).toBe('nxdomain');
    expect((await resolver.query('A', 'broken.shop.test')).status).toBe('servfail');
    expect((await resolver.query('A', 'refusing.shop.test')).status).toBe('refused');
    const started = performance.now();
    const timeout = await resolver.query('A', 'silent.shop.test');
    expect(timeout.status).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(isEmptyAnswer(nxdomain)).toBe(true);
    expect(isFailedAnswer(timeout)).toBe(true);
  });

  it('reports a server that is not there as a failure, not as an empty answer', async () => {
    const nobody = createResolver({ servers: ['127.0.0.1:9'], timeoutMs: 200, tries: 1 });
    const answer = await nobody.query('A', 'shop.test');
    expect(isFailedAnswer(answer)).toBe(true);
  });
});
