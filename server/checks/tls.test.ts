import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond } from '@/server/testnet/site';
import { startQuickSite, type QuickSite } from '@/server/testnet/quick-site';
import { TlsProbeError } from '@/server/net/tls-probe';
import { run } from './tls';

const DAY_MS = 86_400_000;
const ok = respond(200, { 'content-type': 'text/plain' }, 'ok');

describe('TLS check', () => {
  let site: QuickSite;
  let legacy: QuickSite;

  beforeAll(async () => {
    const now = Date.now();
    [site, legacy] = await Promise.all([
      startQuickSite({
        hosts: { 'good.test': ok, 'www.good.test': ok, 'expired.good.test': ok, 'wrong.good.test': ok, 'self.good.test': ok, 'soon.good.test': ok, 'month.good.test': ok, 'fortnight.good.test': ok },
        zone: { 'gone.good.test': { CNAME: 'nothing.test' } },
        certificatesByHost: async (ca) => ({
          'expired.good.test': await ca.issue({ names: ['expired.good.test'], notBefore: new Date(now - 100 * DAY_MS), notAfter: new Date(now - 3.5 * DAY_MS) }),
          'wrong.good.test': await ca.issue({ names: ['someone-else.test'] }),
          'self.good.test': await ca.selfSigned({ names: ['self.good.test'] }),
          'soon.good.test': await ca.issue({ names: ['soon.good.test'], notAfter: new Date(now + 5.5 * DAY_MS) }),
          'fortnight.good.test': await ca.issue({ names: ['fortnight.good.test'], notAfter: new Date(now + 12.5 * DAY_MS) }),
          'month.good.test': await ca.issue({ names: ['month.good.test'], notAfter: new Date(now + 25.5 * DAY_MS) }),
        }),
      }),
      startQuickSite({ hosts: { 'legacy.test': ok, 'www.legacy.test': ok }, legacyTls: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([site?.close(), legacy?.close()]);
  });

  it('passes valid certificates on modern TLS, with evidence per host', async () => {
    const outcome = await run({ domain: 'good.test' }, site.deps);
    expect(outcome.status).toBe('pass');
    expect(outcome.findings).toEqual([]);
    expect(outcome.evidence).toMatchObject({ hosts: [{ host: 'good.test', protocol: 'TLSv1.3', authorized: true, hostnameMatches: true }, { host: 'www.good.test' }] });
  });

  it('grades expired, wrong-host, self-signed and expiring certificates', async () => {
    const outcome = await run({ domain: 'good.test', subdomains: ['expired', 'wrong', 'self', 'soon', 'fortnight', 'month', 'gone'] }, site.deps);
    const of = (host: string) => outcome.findings.filter((f) => (f.evidence as { host?: string }).host === host).map((f) => `${f.code}:${f.severity}`);
    expect(of('expired.good.test')).toEqual(['tls.expired:critical']);
    expect(of('wrong.good.test')).toEqual(['tls.hostname-mismatch:high']);
    expect(of('self.good.test')).toEqual(['tls.self-signed:high']);
    expect(of('soon.good.test')).toEqual(['tls.expires-7d:high']);
    expect(of('fortnight.good.test')).toEqual(['tls.expires-14d:medium']);
    expect(of('month.good.test')).toEqual(['tls.expires-30d:low']);
    expect(of('gone.good.test')).toEqual([]);
    expect(outcome.status).toBe('fail');
    expect(outcome.findings.find((f) => f.code === 'tls.expired')?.message).toMatch(/expired 3 days ago/);
  });

  it('treats a broken certificate on the canonical host as critical', async () => {
    const outcome = await run({ domain: 'good.test', canonicalHost: 'www', subdomains: [] }, { ...site.deps });
    expect(outcome.status).toBe('pass');
    const wrongCanonical = await run({ domain: 'wrong.good.test' }, site.deps);
    expect(wrongCanonical.findings.map((f) => `${f.code}:${f.severity}`)).toContain('tls.hostname-mismatch:critical');
  });

  it('warns when a server still accepts TLS 1.1', async () => {
    const outcome = await run({ domain: 'legacy.test' }, legacy.deps);
    expect(outcome.status).toBe('warn');
    expect(outcome.findings.map((f) => f.code)).toEqual(['tls.legacy-protocol', 'tls.legacy-protocol']);
    expect(outcome.findings[0]?.evidence).toMatchObject({ host: 'legacy.test', protocol: 'TLSv1.1' });
  });

  it('reports a host that does not answer on 443', async () => {
    const noHttps = { ...site.deps, tls: { probe: () => Promise.reject(new TlsProbeError('connect', 'could not connect to 127.0.0.1:443: ECONNREFUSED', 'ECONNREFUSED')) } };
    const outcome = await run({ domain: 'good.test' }, noHttps);
    expect(outcome.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['tls.no-https:high', 'tls.no-https:medium']);
  });
});
