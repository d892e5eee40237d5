/**
 * A realistic product on loopback for running the whole catalogue: acme.test (canonical apex),
 * www (redirects to the apex), app. (the web app) and api. (JSON API with a rate-limited
 * sign-in), with DNS, mail authentication, certificates from the test CA, security headers,
 * compression, long-cached hashed bundles and an edge header. With `leaky: true` its front end
 * carries fake keys in inline data, a bundle and source maps (see fixtures/leaky-bundle.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { CheckTarget } from '@/server/checks/types';
import { createTestCertificateAuthority } from './certificates';
import { fakeSecrets, type FakeSecrets } from './fake-secrets';
import { corsApi, loginApi } from './fixtures/api';
import { leakyFiles, type StaticFile } from './fixtures/leaky-bundle';
import type { FixtureZone } from './dns-server';
import { routes, startTestSite, type SiteHandler, type TestSite } from './site';

export const PRODUCT_DOMAIN = 'acme.test';
export const OWNERSHIP_TOKEN = 'acme-ownership-token-0123456789';

export interface TestProductOptions {
  /** Plant fake keys in the front end (default false). */
  leaky?: boolean;
  /**
   * Launch blockers a web run must find as the CLI does: an expired certificate on app.,
   * a credentialed CORS hole on /v1/me and an SPF record that lets anyone send. The last two
   * can be fixed and broken again at run time (`setBroken`), to follow findings across runs.
   */
  blockers?: boolean;
}

export interface TestProduct extends TestSite {
  domain: string;
  /** Everything the catalogue needs, ownership verified. */
  target: CheckTarget;
  /** The planted values (only when leaky). */
  secrets?: FakeSecrets;
  /** The test CA, for clients outside this process (the CLI's --ca-file). */
  caPem: string;
  /** With `blockers`: switch the fixable blockers (CORS hole, SPF +all) on or off. */
  setBroken(broken: boolean): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'content-security-policy': "default-src 'self'; script-src 'self'; connect-src 'self' https://api.acme.test; frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-site',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'x-vercel-id': 'fra1::iad1::acme',
  server: 'Vercel',
} as const;

/** Serves a file gzip-compressed when the client accepts it, with the product's headers. */
function serve(file: StaticFile, extra: Record<string, string> = {}): SiteHandler {
  const compressed = gzipSync(file.body);
  return (request: IncomingMessage, response: ServerResponse) => {
    const gzip = String(request.headers['accept-encoding'] ?? '').includes('gzip');
    const immutable = file.contentType.includes('javascript') || file.contentType.includes('css');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'private, no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...extra,
    });
    response.end(gzip ? compressed : file.body);
  };
}

function cleanFiles(): Record<string, StaticFile> {
  const page = [
    '<!doctype html><html><head><title>Acme</title>',
    '<link rel="stylesheet" href="/_next/static/css/app-5e6f7a8b.css">',
    '<script src="/_next/static/chunks/main-1a2b3c4d.js" defer></script></head>',
    `<body><nav><a href="/pricing">Pricing</a><a href="https://app.acme.test/">Sign in</a></nav>${'<p>Acme helps teams ship.</p>'.repeat(60)}</body></html>`,
  ].join('\n');
  return {
    '/': { contentType: 'text/html; charset=utf-8', body: page },
    '/_next/static/chunks/main-1a2b3c4d.js': { contentType: 'text/javascript; charset=utf-8', body: `!function(){${'var a=1;'.repeat(400)}}();` },
    '/_next/static/css/app-5e6f7a8b.css': { contentType: 'text/css; charset=utf-8', body: `body{${'margin:0;'.repeat(300)}}` },
  };
}

function toHttps(target?: string): SiteHandler {
  return (_request, response, context) => {
    response.writeHead(301, { location: `https://${target ?? context.host}${context.url}` }).end();
  };
}

/** HTTP always moves to HTTPS on the same host; HTTPS is served by `https`. */
function upgrade(https: SiteHandler): SiteHandler {
  return (request, response, context) => (context.scheme === 'https' ? https(request, response, context) : toHttps()(request, response, context));
}

function productZone(dkimKey: string, spfOpen = false): FixtureZone {
  const host = { A: ['127.0.0.1'] };
  return {
    [PRODUCT_DOMAIN]: {
      ...host,
      CAA: [{ tag: 'issue', value: 'letsencrypt.org' }],
      TXT: [spfOpen ? 'v=spf1 +all' : 'v=spf1 include:mail.provider.test -all', `launch-ready-verification=${OWNERSHIP_TOKEN}`],
      MX: [{ priority: 10, exchange: 'mx.provider.test' }],
    },
    [`www.${PRODUCT_DOMAIN}`]: { CNAME: PRODUCT_DOMAIN },
    [`app.${PRODUCT_DOMAIN}`]: host,
    [`api.${PRODUCT_DOMAIN}`]: host,
    [`_dmarc.${PRODUCT_DOMAIN}`]: { TXT: [`v=DMARC1; p=reject; rua=mailto:dmarc@${PRODUCT_DOMAIN}`] },
    [`s1._domainkey.${PRODUCT_DOMAIN}`]: { TXT: [`v=DKIM1; k=ed25519; p=${dkimKey}`] },
    'mail.provider.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    'mx.provider.test': { A: ['198.51.100.25'] },
  };
}

export async function startTestProduct(options: TestProductOptions = {}): Promise<TestProduct> {
  const ca = await createTestCertificateAuthority();
  const hosts = [PRODUCT_DOMAIN, `www.${PRODUCT_DOMAIN}`, `app.${PRODUCT_DOMAIN}`, `api.${PRODUCT_DOMAIN}`];
  const certificate = await ca.issue({ names: hosts });
  const expired = options.blockers ? await ca.issue({ names: [`app.${PRODUCT_DOMAIN}`], notBefore: new Date(Date.now() - 100 * 86_400_000), notAfter: new Date(Date.now() - 2 * 86_400_000) }) : undefined;
  let broken = options.blockers === true;
  const secrets = options.leaky ? fakeSecrets() : undefined;
  const files = secrets ? leakyFiles(secrets) : cleanFiles();
  const page = files['/']!;

  const website = routes({
    ...Object.fromEntries(Object.entries(files).map(([path, file]) => [path, serve(file, path === '/' ? { 'set-cookie': 'theme=light; Path=/; Secure; SameSite=Lax' } : {})])),
    '/pricing': serve(page),
    '/pricing/': (_request, response) => void response.writeHead(301, { location: '/pricing' }).end(),
    '/.well-known/launch-ready.txt': serve({ contentType: 'text/plain', body: OWNERSHIP_TOKEN }),
  });
  const allowed = [`https://${PRODUCT_DOMAIN}`, `https://app.${PRODUCT_DOMAIN}`];
  const login = loginApi({ kind: 'limited', after: 5 });
  const api = routes({
    '/v1/health': corsApi('allow-list', { allowList: allowed }),
    '/v1/me': (request, response, context) =>
      corsApi(broken ? 'reflect-with-credentials' : 'allow-list', { allowList: allowed, requireAuth: true })(request, response, context),
    '/auth/login': (request, response, context) => {
      response.setHeader('set-cookie', `__Secure-csrf=${randomBytes(12).toString('hex')}; Path=/; Secure; HttpOnly; SameSite=Lax`);
      return login(request, response, context);
    },
  });

  const dkimKey = randomBytes(32).toString('base64');
  const site = await startTestSite({
    zone: productZone(dkimKey, broken),
    ca,
    defaultCertificate: certificate,
    ...(expired ? { certificatesByHost: { [`app.${PRODUCT_DOMAIN}`]: expired } } : {}),
    hosts: {
      [PRODUCT_DOMAIN]: upgrade(website),
      [`www.${PRODUCT_DOMAIN}`]: toHttps(PRODUCT_DOMAIN),
      [`app.${PRODUCT_DOMAIN}`]: upgrade(routes({ '/': serve(page) })),
      [`api.${PRODUCT_DOMAIN}`]: upgrade(api),
    },
  });
  const target: CheckTarget = {
    domain: PRODUCT_DOMAIN,
    subdomains: ['app', 'api'],
    canonicalHost: 'apex',
    dkimSelectors: ['s1'],
    productionUrl: `https://${PRODUCT_DOMAIN}/`,
    endpoints: [
      { kind: 'login', method: 'POST', url: `https://api.${PRODUCT_DOMAIN}/auth/login` },
      { kind: 'dashboard', method: 'GET', url: `https://api.${PRODUCT_DOMAIN}/v1/me` },
      { kind: 'api-health', method: 'GET', url: `https://api.${PRODUCT_DOMAIN}/v1/health` },
    ],
    targets: { commonReadP95Ms: 300 },
    ownershipVerified: true,
    probes: { latencySamples: 10 },
  };
  return {
    ...site,
    domain: PRODUCT_DOMAIN,
    target,
    caPem: ca.certPem,
    ...(secrets ? { secrets } : {}),
    setBroken(next: boolean) {
      broken = next && options.blockers === true;
      site.dns.setZone(productZone(dkimKey, broken));
    },
    async close() {
      await site.close();
      await ca.dispose();
    },
  };
}
