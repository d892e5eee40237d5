import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureZone } from '@/test/testnet/dns-server';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { respond } from '@/test/testnet/site';
import { run } from './dns';
import type { CheckDeps } from './types';

const ZONE: FixtureZone = {
  // A healthy product: www is a CNAME to the apex, CAA published.
  'good.test': { A: ['127.0.0.1'], CAA: [{ tag: 'issue', value: 'letsencrypt.org' }] },
  'www.good.test': { CNAME: 'good.test' },
  'app.good.test': { A: ['127.0.0.1'] },
  // Everything wrong at once.
  'bad.test': { A: ['127.0.0.1'] },
  // Nothing listens on 127.0.0.2 or 127.0.0.3 (the test servers listen on 127.0.0.1 only): stale.
  'www.bad.test': { A: ['127.0.0.2'] },
  'shop.bad.test': { A: ['127.0.0.1', '127.0.0.3'] },
  // Only IPv6, and no IPv6 address answered in this run: not called stale (the checker may lack IPv6).
  'v6.bad.test': { AAAA: ['::1'] },
  'old.bad.test': { CNAME: 'launch-old-app.herokuapp.com' },
  'docs.bad.test': { CNAME: 'gone.somewhere-else.test' },
  'staging.bad.test': { A: ['10.0.3.7'] },
  'vpn.bad.test': { A: ['192.168.1.20'] },
  'flaky.bad.test': { fault: 'SERVFAIL' },
  // No apex records at all.
  'www.noapex.test': { CNAME: 'noapex-site.vercel.app' },
  'noapex-site.vercel.app': { A: ['127.0.0.1'] },
  'noapex.test': { TXT: ['v=spf1 -all'] },
};

describe('DNS check', () => {
  let site: QuickSite;
  let deps: CheckDeps;

  beforeAll(async () => {
    // Web servers answer on 127.0.0.1 (ports 80/443 mapped), so live records are told from stale ones.
    site = await startQuickSite({ hosts: { '*': respond(200, {}, 'ok') }, zone: ZONE });
    deps = site.deps;
  });
  afterAll(() => site?.close());

  it('passes a healthy zone and reports CAA as information', async () => {
    const outcome = await run({ domain: 'good.test', subdomains: ['app'], canonicalHost: 'apex' }, deps);
    expect(outcome.status).toBe('pass');
    expect(outcome.findings.map((f) => f.code)).toEqual(['dns.caa-present']);
    expect(outcome.evidence).toMatchObject({ hosts: [{ host: 'good.test', addresses: ['127.0.0.1'] }, { host: 'www.good.test', cname: ['good.test'] }, { host: 'app.good.test' }], reach: { '127.0.0.1': 'answers' } });
  });

  it('reports an address that answers on neither 80 nor 443 as stale, once per host', async () => {
    const outcome = await run({ domain: 'bad.test', subdomains: ['shop', 'v6'] }, deps);
    const stale = outcome.findings.filter((f) => f.code === 'dns.stale-address');
    expect(stale.map((f) => [(f.evidence as { host: string }).host, f.severity, (f.evidence as { silent: string[] }).silent])).toEqual([
      ['www.bad.test', 'high', ['127.0.0.2']],
      ['shop.bad.test', 'medium', ['127.0.0.3']],
    ]);
    expect(stale[0]!.message).toContain('nothing answers');
    expect(stale[1]!.message).toContain('as well as at servers that work');
    expect(stale[1]!.fix).toContain('127.0.0.3');
    expect(outcome.evidence).toMatchObject({ reach: { '127.0.0.1': 'answers', '127.0.0.2': 'silent', '127.0.0.3': 'silent', '::1': 'silent' } });
  });

  it('finds dangling CNAMEs (takeover-prone hosts are critical), private addresses, missing hosts and apex/www drift', async () => {
    const outcome = await run({ domain: 'bad.test', subdomains: ['old', 'docs.bad.test', 'staging', 'vpn', 'api', 'flaky'] }, deps);
    expect(outcome.status).toBe('fail');
    const byCode = (code: string) => outcome.findings.filter((f) => f.code === code);
    expect(byCode('dns.dangling-cname-takeover')).toHaveLength(1);
    expect(byCode('dns.dangling-cname-takeover')[0]).toMatchObject({ severity: 'critical', evidence: { host: 'old.bad.test' } });
    expect(byCode('dns.dangling-cname-takeover')[0]?.message).toContain('herokuapp.com');
    expect(byCode('dns.dangling-cname')[0]).toMatchObject({ severity: 'high', evidence: { host: 'docs.bad.test' } });
    expect(byCode('dns.private-address').map((f) => (f.evidence as { host: string }).host)).toEqual(['staging.bad.test', 'vpn.bad.test']);
    expect(byCode('dns.missing')[0]).toMatchObject({ severity: 'medium', evidence: { host: 'api.bad.test' } });
    expect(byCode('dns.lookup-failed')[0]).toMatchObject({ severity: 'info', evidence: { host: 'flaky.bad.test' } });
    expect(byCode('dns.apex-www-differ')).toHaveLength(1);
    expect(byCode('dns.caa-missing')).toHaveLength(1);
    for (const f of outcome.findings) expect(f.fix.length).toBeGreaterThan(10);
  });

  it('calls loopback answers private when the network does not allow loopback targets', async () => {
    const strict = { ...deps, addressPolicy: {} };
    const outcome = await run({ domain: 'good.test' }, strict);
    expect(outcome.findings.filter((f) => f.code === 'dns.private-address').map((f) => (f.evidence as { host: string }).host)).toEqual(['good.test', 'www.good.test']);
  });

  it('fails when the apex has no address', async () => {
    const outcome = await run({ domain: 'noapex.test' }, deps);
    expect(outcome.findings.find((f) => f.code === 'dns.missing')).toMatchObject({ severity: 'high', evidence: { host: 'noapex.test' } });
    expect(outcome.status).toBe('fail');
  });
});
