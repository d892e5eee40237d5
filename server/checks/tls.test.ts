import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { TlsProbeError } from '@/server/net/tls-probe';
import { run } from './tls';

const DAY_MS = 86_400_000;
const ok = respond(200, { 'content-type': 'text/plain' }, 'ok');
/** An organisation the check knows (CAA identifier letsencrypt.org); the CA itself is made for the test. */
const LE_TEST_CA = "/C=US/O=Let's Encrypt/CN=Launch Ready Test R1";
const problems = <T extends { severity: string }>(findings: T[]) => findings.filter((f) => f.severity !== 'info');

describe('TLS check', () => {
  let site: QuickSite;
  let legacy: QuickSite;

  beforeAll(async () => {
    const now = Date.now();
    [site, legacy] = await Promise.all([
      startQuickSite({
        caSubject: LE_TEST_CA,
        hosts: {
          'good.test': ok, 'www.good.test': ok, 'expired.good.test': ok, 'wrong.good.test': ok, 'self.good.test': ok, 'soon.good.test': ok, 'month.good.test': ok, 'fortnight.good.test': ok,
          'short.good.test': ok, 'slow.good.test': ok, 'yearly.good.test': ok,
          'pinned.test': ok, 'www.pinned.test': ok, 'app.pinned.test': ok,
        },
        zone: {
          'gone.good.test': { CNAME: 'nothing.test' },
          'good.test': { A: ['127.0.0.1'], CAA: [{ tag: 'issue', value: 'letsencrypt.org' }] },
          // Only Google Trust Services may issue here (app. inherits it from the apex).
          'pinned.test': { A: ['127.0.0.1'], CAA: [{ tag: 'issue', value: 'pki.goog; validationmethods=dns-01' }] },
        },
        certificatesByHost: async (ca) => ({
          'expired.good.test': await ca.issue({ names: ['expired.good.test'], notBefore: new Date(now - 100 * DAY_MS), notAfter: new Date(now - 3.5 * DAY_MS) }),
          'wrong.good.test': await ca.issue({ names: ['someone-else.test'] }),
          'self.good.test': await ca.selfSigned({ names: ['self.good.test'] }),
          // 90-day certificates well past two-thirds of their life.
          'soon.good.test': await ca.issue({ names: ['soon.good.test'], notBefore: new Date(now - 84.5 * DAY_MS), notAfter: new Date(now + 5.5 * DAY_MS) }),
          'fortnight.good.test': await ca.issue({ names: ['fortnight.good.test'], notBefore: new Date(now - 77.5 * DAY_MS), notAfter: new Date(now + 12.5 * DAY_MS) }),
          'month.good.test': await ca.issue({ names: ['month.good.test'], notBefore: new Date(now - 70 * DAY_MS), notAfter: new Date(now + 25.5 * DAY_MS) }),
          // A 6-day certificate issued yesterday: few days left, yet on schedule.
          'short.good.test': await ca.issue({ names: ['short.good.test'], notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 5.5 * DAY_MS) }),
          // 150 days, 109.5 gone: renewal should have happened at day 100.
          'slow.good.test': await ca.issue({ names: ['slow.good.test'], notBefore: new Date(now - 109.5 * DAY_MS), notAfter: new Date(now + 40.5 * DAY_MS) }),
          // A 398-day certificate: its replacement can last at most 200 days (100 from March 2027).
          'yearly.good.test': await ca.issue({ names: ['yearly.good.test'], notBefore: new Date(now - 10 * DAY_MS), notAfter: new Date(now + 388 * DAY_MS) }),
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
    expect(problems(outcome.findings)).toEqual([]);
    expect(outcome.evidence).toMatchObject({ hosts: [{ host: 'good.test', protocol: 'TLSv1.3', authorized: true, hostnameMatches: true }, { host: 'www.good.test' }] });
  });

  it('reports the issuer, the days left of the lifetime and a CAA record that allows the issuer', async () => {
    const outcome = await run({ domain: 'good.test' }, site.deps);
    const note = outcome.findings.find((f) => f.code === 'tls.certificate' && (f.evidence as { host: string }).host === 'good.test')!;
    expect(note.severity).toBe('info');
    expect(note.message).toMatch(/comes from Let's Encrypt: (89|90) of its 91 days left/);
    expect(note.message).toContain('the CAA records of good.test allow its issuer');
    expect(note.message).toContain('Certificates issued now last at most 200 days, from 15 March 2027 at most 100');
    expect(note.evidence).toMatchObject({ renewal: { issuer: "Let's Encrypt", lifetimeDays: 91, overdue: false, caaAllowsIssuer: true, caa: { owner: 'good.test', records: ['0 issue "letsencrypt.org"'] } } });
    // www has no CAA of its own: the apex's applies.
    expect(outcome.findings.find((f) => f.code === 'tls.certificate' && (f.evidence as { host: string }).host === 'www.good.test')?.message).toContain('the CAA records of good.test allow its issuer');
  });

  it('warns when CAA would refuse the renewal from the current issuer, also on a host that inherits it', async () => {
    const outcome = await run({ domain: 'pinned.test', subdomains: ['app'] }, site.deps);
    const refused = outcome.findings.filter((f) => f.code === 'tls.caa-forbids-issuer');
    expect(refused.map((f) => `${(f.evidence as { host: string }).host}:${f.severity}`)).toEqual(['pinned.test:high', 'www.pinned.test:medium', 'app.pinned.test:medium']);
    expect(refused[0]!.message).toContain("comes from Let's Encrypt, but the CAA records of pinned.test only allow pki.goog");
    expect(refused[0]!.fix).toContain('0 issue "letsencrypt.org"');
    expect(outcome.status).toBe('fail');
  });

  it('grades expired, wrong-host, self-signed and expiring certificates against their lifetime', async () => {
    const outcome = await run({ domain: 'good.test', subdomains: ['expired', 'wrong', 'self', 'soon', 'fortnight', 'month', 'short', 'slow', 'yearly', 'gone'] }, site.deps);
    const of = (host: string) => problems(outcome.findings).filter((f) => (f.evidence as { host?: string }).host === host).map((f) => `${f.code}:${f.severity}`);
    expect(of('expired.good.test')).toEqual(['tls.expired:critical']);
    expect(of('wrong.good.test')).toEqual(['tls.hostname-mismatch:high']);
    expect(of('self.good.test')).toEqual(['tls.self-signed:high']);
    expect(of('soon.good.test')).toEqual(['tls.expires-7d:high']);
    expect(of('fortnight.good.test')).toEqual(['tls.expires-14d:medium']);
    expect(of('month.good.test')).toEqual(['tls.renewal-overdue:medium']);
    expect(of('short.good.test')).toEqual([]);
    expect(of('slow.good.test')).toContain('tls.renewal-overdue:low');
    expect(of('yearly.good.test')).toEqual(['tls.long-lived:low']);
    expect(of('gone.good.test')).toEqual([]);
    const slow = outcome.findings.find((f) => f.code === 'tls.renewal-overdue' && (f.evidence as { host: string }).host === 'slow.good.test')!;
    expect(slow.message).toMatch(/150-day certificate of slow\.good\.test was not renewed at two-thirds of its life .* and has 40 days left/);
    expect(outcome.findings.find((f) => f.code === 'tls.long-lived')!.message).toMatch(/lasts 398 days; the one that replaces it can last at most (200|100|47) days/);
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
    expect(problems(outcome.findings).map((f) => f.code)).toEqual(['tls.legacy-protocol', 'tls.legacy-protocol']);
    expect(outcome.findings[0]?.evidence).toMatchObject({ host: 'legacy.test', protocol: 'TLSv1.1' });
  });

  it('reports a host that does not answer on 443', async () => {
    const noHttps = { ...site.deps, tls: { probe: () => Promise.reject(new TlsProbeError('connect', 'could not connect to 127.0.0.1:443: ECONNREFUSED', 'ECONNREFUSED')) } };
    const outcome = await run({ domain: 'good.test' }, noHttps);
    expect(outcome.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['tls.no-https:high', 'tls.no-https:medium']);
  });
});
