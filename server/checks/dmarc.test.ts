import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCheckDeps } from '@/test/testnet/check-deps';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { organisationalDomain, run } from './dmarc';
import type { CheckDeps } from './types';

describe('DMARC check', () => {
  let dns: DnsTestServer;
  let deps: CheckDeps;

  beforeAll(async () => {
    dns = await startDnsServer({
      '_dmarc.strict.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@strict.test'] },
      '_dmarc.monitor.test': { TXT: ['v=DMARC1; p=none; rua=mailto:dmarc@monitor.test'] },
      '_dmarc.quarantine.test': { TXT: ['v=DMARC1; p=quarantine; pct=25; rua=mailto:dmarc@quarantine.test'] },
      '_dmarc.silent.test': { TXT: ['v=DMARC1; p=reject'] },
      '_dmarc.external.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:a@reports.test,mailto:b@unwilling.test'] },
      'external.test._report._dmarc.reports.test': { TXT: ['v=DMARC1'] },
      '_dmarc.badrua.test': { TXT: ['v=DMARC1; p=reject; rua=dmarc@badrua.test'] },
      '_dmarc.twice.test': { TXT: ['v=DMARC1; p=reject', 'v=DMARC1; p=none'] },
      '_dmarc.nopolicy.test': { TXT: ['v=DMARC1; rua=mailto:d@nopolicy.test'] },
      '_dmarc.subs.test': { TXT: ['v=DMARC1; p=reject; sp=none; rua=mailto:d@subs.test'] },
      '_dmarc.parent.test': { TXT: ['v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@parent.test'] },
      '_dmarc.other.test': { TXT: ['some unrelated text'] },
      '_dmarc.broken.test': { fault: 'SERVFAIL' },
    });
    deps = testCheckDeps(dns);
  });
  afterAll(() => dns.close());

  const check = (domain: string) => run({ domain }, deps);
  const codes = async (domain: string) => (await check(domain)).findings.map((finding) => finding.code);

  it('passes p=reject with reports', async () => {
    const outcome = await check('strict.test');
    expect(outcome).toMatchObject({ status: 'pass', findings: [], evidence: { policy: 'reject', source: 'strict.test' } });
  });

  it('fails a missing or duplicated record', async () => {
    expect(await codes('other.test')).toEqual(['dmarc.missing']);
    expect((await check('other.test')).status).toBe('fail');
    expect(await codes('twice.test')).toEqual(['dmarc.multiple-records']);
    expect(await codes('nopolicy.test')).toEqual(['dmarc.invalid-policy']);
  });

  it('grades policy strength and pct', async () => {
    expect(await codes('monitor.test')).toEqual(['dmarc.policy-none']);
    expect((await check('monitor.test')).status).toBe('warn');
    expect(await codes('quarantine.test')).toEqual(['dmarc.policy-quarantine', 'dmarc.partial-enforcement']);
    expect(await codes('subs.test')).toEqual(['dmarc.subdomains-unprotected']);
  });

  it('checks the reporting address and external authorisation', async () => {
    expect(await codes('silent.test')).toEqual(['dmarc.no-reporting']);
    expect(await codes('badrua.test')).toEqual(['dmarc.invalid-reporting-address']);
    const external = await check('external.test');
    expect(external.findings.map((finding) => finding.code)).toEqual(['dmarc.reporting-not-authorised']);
    expect(external.findings[0]?.evidence).toMatchObject({ unauthorised: ['b@unwilling.test'] });
  });

  it('falls back to the organisational domain and applies its sp=', async () => {
    const outcome = await check('mail.parent.test');
    expect(outcome.findings.map((finding) => finding.code)).toEqual(['dmarc.inherited', 'dmarc.policy-quarantine']);
    expect(outcome.evidence).toMatchObject({ source: 'parent.test', inherited: true, policy: 'quarantine' });
  });

  it('uses the public suffix list for the organisational domain', () => {
    expect(organisationalDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(organisationalDomain('mail.parent.test')).toBe('parent.test');
  });

  it('reports DNS failures as errors', async () => {
    expect((await check('broken.test')).status).toBe('error');
  });
});
