/**
 * The common case of a test site: every listed host resolves to 127.0.0.1 and is covered by one
 * certificate from a fresh test CA. Extra zone entries and certificates can be added.
 */
import { createTestCertificateAuthority, type CertificateAndKey, type TestCertificateAuthority } from './certificates';
import type { FixtureZone } from './dns-server';
import { startTestSite, type SiteHandler, type TestSite } from './site';

export interface QuickSiteOptions {
  hosts: Record<string, SiteHandler>;
  /** Names that resolve but are served by no handler (421), or extra records. */
  zone?: FixtureZone;
  certificatesByHost?: (ca: TestCertificateAuthority) => Promise<Record<string, CertificateAndKey>>;
  legacyTls?: boolean;
  /** The test CA's subject (see createTestCertificateAuthority). */
  caSubject?: string;
  now?: Date;
  timeoutMs?: number;
}

export type QuickSite = TestSite & { ca: TestCertificateAuthority };

export async function startQuickSite(options: QuickSiteOptions): Promise<QuickSite> {
  const ca = await createTestCertificateAuthority(options.caSubject ? { subject: options.caSubject } : {});
  const names = Object.keys(options.hosts).filter((name) => name !== '*');
  const zone: FixtureZone = { ...Object.fromEntries(names.map((name) => [name, { A: ['127.0.0.1'] }])), ...options.zone };
  const defaultCertificate = await ca.issue({ names: names.length > 0 ? names : ['localhost'] });
  const site = await startTestSite({
    zone,
    hosts: options.hosts,
    ca,
    defaultCertificate,
    ...(options.certificatesByHost ? { certificatesByHost: await options.certificatesByHost(ca) } : {}),
    ...(options.legacyTls ? { legacyTls: true } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    ...site,
    ca,
    async close() {
      await site.close();
      await ca.dispose();
    },
  };
}
