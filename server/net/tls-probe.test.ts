import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCertificateAuthority, type TestCertificateAuthority } from '@/test/testnet/certificates';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { startHttpsServer, type TestServer } from '@/test/testnet/servers';
import { createResolver } from './resolver';
import { createTlsProber, TlsProbeError, type TlsProber } from './tls-probe';

const DAY_MS = 86_400_000;

describe('TLS probe', () => {
  let ca: TestCertificateAuthority;
  let dns: DnsTestServer;
  const servers: Record<'valid' | 'expired' | 'wrongHost' | 'selfSigned', TestServer | undefined> = {
    valid: undefined,
    expired: undefined,
    wrongHost: undefined,
    selfSigned: undefined,
  };
  let prober: TlsProber;
  const now = new Date();

  beforeAll(async () => {
    ca = await createTestCertificateAuthority();
    const ok = (_req: unknown, res: { end(body: string): void }) => res.end('ok');
    const [valid, expired, wrongHost, selfSigned] = await Promise.all([
      ca.issue({ names: ['shop.test', 'www.shop.test'], notAfter: new Date(now.getTime() + 20.5 * DAY_MS) }),
      ca.issue({ names: ['shop.test'], notBefore: new Date(now.getTime() - 100 * DAY_MS), notAfter: new Date(now.getTime() - 10.5 * DAY_MS) }),
      ca.issue({ names: ['other.test'] }),
      ca.selfSigned({ names: ['shop.test'] }),
    ]);
    servers.valid = await startHttpsServer(ok, valid);
    servers.expired = await startHttpsServer(ok, expired);
    servers.wrongHost = await startHttpsServer(ok, wrongHost);
    servers.selfSigned = await startHttpsServer(ok, selfSigned);
    dns = await startDnsServer({ 'shop.test': { A: ['127.0.0.1'] } });
    prober = createTlsProber({
      resolver: createResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 }),
      policy: { allowLoopback: true },
      overrides: { extraCa: [ca.certPem] },
      now: () => now,
      timeoutMs: 3_000,
    });
  });

  afterAll(async () => {
    await Promise.all([...Object.values(servers).map((server) => server?.close()), dns?.close()]);
    await ca?.dispose();
  });

  const probe = (which: keyof typeof servers) => prober.probe({ host: 'shop.test', port: servers[which]?.port ?? 0 });

  it('describes a valid chain', async () => {
    const result = await probe('valid');
    expect(result.authorized).toBe(true);
    expect(result.hostnameMatches).toBe(true);
    expect(result.protocol).toBe('TLSv1.3');
    expect(result.alpnProtocol).toBe('http/1.1');
    expect(result.daysToExpiry).toBe(20);
    expect(result.chain).toHaveLength(2);
    expect(result.chain[0]?.subjectAltNames).toEqual(['DNS:shop.test', 'DNS:www.shop.test']);
    expect(result.chain[0]?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.chain[1]?.subject).toContain('Launch Ready Test CA');
    expect(result.chain[1]?.selfIssued).toBe(true);
  });

  it('reports an expired certificate with negative days', async () => {
    const result = await probe('expired');
    expect(result.authorized).toBe(false);
    expect(result.authorizationError).toBe('CERT_HAS_EXPIRED');
    expect(result.daysToExpiry).toBe(-10);
  });

  it('reports a certificate for another host', async () => {
    const result = await probe('wrongHost');
    expect(result.authorized).toBe(true);
    expect(result.hostnameMatches).toBe(false);
    expect(result.hostnameError).toContain('shop.test');
  });

  it('reports a self-signed certificate', async () => {
    const result = await probe('selfSigned');
    expect(result.authorized).toBe(false);
    expect(result.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(result.chain).toHaveLength(1);
    expect(result.chain[0]?.selfIssued).toBe(true);
  });

  it('refuses loopback targets unless the policy allows them', async () => {
    const strict = createTlsProber({ resolver: createResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 }) });
    const error = await strict.probe({ host: 'shop.test', port: servers.valid?.port ?? 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TlsProbeError);
    expect((error as TlsProbeError).code).toBe('blocked-address');
  });
});
