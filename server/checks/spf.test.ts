import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCheckDeps } from '@/test/testnet/check-deps';
import { startDnsServer, type DnsTestServer, type FixtureZone } from '@/test/testnet/dns-server';
import { run } from './spf';
import type { CheckDeps } from './types';

/** include:n1 … include:nN, each a leaf with one ip4 term: N lookups in all. */
function includes(prefix: string, count: number): FixtureZone {
  const zone: FixtureZone = {};
  for (let i = 1; i <= count; i++) zone[`${prefix}${i}.mail.test`] = { TXT: [`v=spf1 ip4:198.51.100.${i} -all`] };
  return zone;
}

function includeTerms(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `include:${prefix}${i + 1}.mail.test`).join(' ');
}

const ZONE: FixtureZone = {
  'good.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 include:provider.mail.test -all', 'google-site-verification=abc'] },
  'provider.mail.test': { TXT: ['v=spf1 ip4:203.0.113.0/24 ~all'] },
  'none.test': { A: ['198.51.100.1'], TXT: ['some-other=record'] },
  'two.test': { TXT: ['v=spf1 -all', 'v=spf1 ip4:198.51.100.1 -all'] },
  'plusall.test': { TXT: ['v=spf1 +all'] },
  'soft.test': { TXT: ['v=spf1 mx ~all'], MX: [{ priority: 10, exchange: 'mx.soft.test' }] },
  'mx.soft.test': { A: ['198.51.100.25'] },
  'neutral.test': { TXT: ['v=spf1 a ?all'], A: ['198.51.100.2'] },
  'noall.test': { TXT: ['v=spf1 ip4:198.51.100.3'] },
  'ptr.test': { TXT: ['v=spf1 ptr -all'] },
  'syntax.test': { TXT: ['v=spf1 ip4:198.51.100.300 -all'] },
  'toomany.test': { TXT: [`v=spf1 ${includeTerms('n', 11)} -all`] },
  'nine.test': { TXT: [`v=spf1 ${includeTerms('n', 9)} -all`] },
  ...includes('n', 11),
  'voids.test': { TXT: ['v=spf1 a:gone1.void.test a:gone2.void.test a:gone3.void.test -all'] },
  'broken-include.test': { TXT: ['v=spf1 include:nospf.mail.test -all'] },
  'nospf.mail.test': { A: ['198.51.100.9'] },
  'servfail.test': { fault: 'SERVFAIL' },
  'deep-servfail.test': { TXT: ['v=spf1 include:sf.mail.test -all'] },
  'sf.mail.test': { fault: 'SERVFAIL' },
  // The documentation range that the probe address (192.0.2.1) is in matches first: an evaluation for it stops there.
  'early.test': { TXT: [`v=spf1 ip4:192.0.2.0/24 ${includeTerms('n', 11)} -all`] },
  'branches.test': { TXT: ['v=spf1 include:branch1.mail.test include:branch2.mail.test -all'] },
  'branch1.mail.test': { TXT: [`v=spf1 ip4:192.0.2.0/24 ${includeTerms('n', 5)} -all`] },
  'branch2.mail.test': { TXT: ['v=spf1 include:n6.mail.test include:n7.mail.test include:n8.mail.test include:n9.mail.test include:n10.mail.test -all'] },
  'hidden-missing.test': { TXT: ['v=spf1 ip4:192.0.2.0/24 include:nospf.mail.test -all'] },
  'loop.test': { TXT: ['v=spf1 ip4:192.0.2.0/24 include:loop-a.mail.test -all'] },
  'loop-a.mail.test': { TXT: ['v=spf1 include:loop-b.mail.test -all'] },
  'loop-b.mail.test': { TXT: ['v=spf1 include:loop-a.mail.test -all'] },
  'macro.test': { TXT: ['v=spf1 ip4:192.0.2.0/24 exists:%{i}._spf.mail.test include:%{l}.users.mail.test include:provider.mail.test -all'] },
};

describe('SPF check', () => {
  let dns: DnsTestServer;
  let deps: CheckDeps;

  beforeAll(async () => {
    dns = await startDnsServer(ZONE);
    deps = testCheckDeps(dns);
  });
  afterAll(() => dns.close());

  const codes = async (domain: string) => (await run({ domain }, deps)).findings.map((finding) => finding.code);

  it('passes a strict record and reports what it evaluated', async () => {
    const outcome = await run({ domain: 'good.test' }, deps);
    expect(outcome.status).toBe('pass');
    expect(outcome.findings).toEqual([]);
    expect(outcome.evidence).toMatchObject({ record: 'v=spf1 ip4:198.51.100.0/24 include:provider.mail.test -all', evaluation: { dnsLookups: 1 } });
  });

  it('fails a domain without SPF', async () => {
    const outcome = await run({ domain: 'none.test' }, deps);
    expect(outcome.status).toBe('fail');
    expect(outcome.findings[0]).toMatchObject({ code: 'spf.missing', severity: 'high' });
    expect(outcome.findings[0]?.fix).toContain('v=spf1');
  });

  it('fails two records, +all, syntax errors and broken includes', async () => {
    expect(await codes('two.test')).toEqual(['spf.multiple-records']);
    expect(await codes('plusall.test')).toEqual(['spf.pass-all']);
    expect((await run({ domain: 'plusall.test' }, deps)).findings[0]?.severity).toBe('critical');
    expect(await codes('syntax.test')).toEqual(['spf.syntax-error']);
    expect(await codes('broken-include.test')).toEqual(['spf.include-missing']);
  });

  it('counts DNS lookups through includes against the limit of 10', async () => {
    const over = await run({ domain: 'toomany.test' }, deps);
    expect(over.status).toBe('fail');
    expect(over.findings.map((finding) => finding.code)).toEqual(['spf.too-many-lookups']);
    expect(await codes('nine.test')).toEqual(['spf.near-lookup-limit']);
  });

  it('enforces the void lookup limit of 2', async () => {
    expect(await codes('voids.test')).toEqual(['spf.too-many-void-lookups']);
  });

  it('grades the all qualifier and flags ptr', async () => {
    expect(await codes('soft.test')).toEqual(['spf.softfail-all']);
    expect((await run({ domain: 'soft.test' }, deps)).status).toBe('warn');
    expect(await codes('neutral.test')).toEqual(['spf.neutral-all']);
    expect(await codes('noall.test')).toEqual(['spf.no-all']);
    expect(await codes('ptr.test')).toEqual(['spf.ptr-deprecated']);
  });

  it('reports DNS failures as an error, not as a missing record', async () => {
    expect((await run({ domain: 'servfail.test' }, deps)).status).toBe('error');
    const deep = await run({ domain: 'deep-servfail.test' }, deps);
    expect(deep.status).toBe('error');
    expect(deep.findings.map((finding) => finding.code)).toEqual(['spf.dns-error']);
  });

  describe('the lookup limit over the whole include tree, whatever the probe address matches', () => {
    it('counts includes after a term that matches the probe address', async () => {
      const outcome = await run({ domain: 'early.test' }, deps);
      expect(outcome.evidence).toMatchObject({ evaluation: { result: 'pass', dnsLookups: 0 }, tree: { dnsLookups: 11 } });
      expect(outcome.findings.map((f) => f.code)).toEqual(['spf.too-many-lookups']);
      expect(outcome.findings[0]).toMatchObject({ severity: 'high', evidence: { counted: 'whole include tree', dnsLookups: 11 } });
      expect(outcome.status).toBe('fail');
    });

    it('adds up nested branches, and lists what each record costs', async () => {
      const outcome = await run({ domain: 'branches.test' }, deps);
      expect(outcome.findings.map((f) => f.code)).toEqual(['spf.too-many-lookups']);
      const tree = (outcome.findings[0]!.evidence as { records: { domain: string; lookups: number }[] }).records;
      expect(tree.map((r) => `${r.domain}:${r.lookups}`).slice(0, 3)).toEqual(['branches.test:2', 'branch1.mail.test:5', 'n1.mail.test:0']);
      expect(tree).toHaveLength(13);
    });

    it('finds a missing include behind an early match, and runs a loop into the limit', async () => {
      expect(await codes('hidden-missing.test')).toEqual(['spf.include-missing']);
      expect(await codes('loop.test')).toEqual(['spf.too-many-lookups']);
    });

    it('counts terms built from the sender without following them', async () => {
      const outcome = await run({ domain: 'macro.test' }, deps);
      expect(outcome.findings).toEqual([]);
      expect(outcome.evidence).toMatchObject({ tree: { dnsLookups: 3, senderDependent: ['include:%{l}.users.mail.test (in macro.test)'] } });
    });

    it('stays quiet on a policy within the limit', async () => {
      const outcome = await run({ domain: 'good.test' }, deps);
      expect(outcome.evidence).toMatchObject({ tree: { dnsLookups: 1, records: [{ domain: 'good.test', lookups: 1 }, { domain: 'provider.mail.test', lookups: 0 }] } });
      expect(outcome.findings).toEqual([]);
    });
  });
});
