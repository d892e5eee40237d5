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
   * Launch blockers a web run must find as the CLI does: an expired certificate on app. (for
   * good), and, switched at run time with `setBroken` to follow findings across runs:
   * - a credentialed CORS hole on /v1/me, which also answers a member's data without sign-in;
   * - an SPF record that lets anyone send, with 11 lookups behind an early match;
   * - app. served over plain HTTP, a redirect loop on http://api./auth/login, and a second
   *   address for app. where nothing answers (stale);
   * - mixed content on app., a stack trace behind a broken address on api., a public /.env;
   * - CAA that only allows another authority, and api.'s certificate not renewed at two-thirds of its life.
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
  /** With `blockers`: switch the fixable blockers (all but the expired certificate) on or off. */
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

/** A page that loads a script and an image over plain HTTP. */
function mixedPage(page: StaticFile): StaticFile {
  const body = page.body.replace('</body>', '<script src="http://cdn.acme.test/legacy-widget.js"></script><img src="http://cdn.acme.test/badge.png" alt=""></body>');
  return { ...page, body };
}

/** Express's development error handler, left on: the stack of a failed percent-decoding. */
const EXPRESS_STACK = [
  "URIError: Failed to decode param '%E0%A4%A'",
  '    at decodeURIComponent (<anonymous>)',
  '    at decode_param (/srv/acme/node_modules/express/lib/router/layer.js:172:12)',
  '    at Layer.match (/srv/acme/node_modules/express/lib/router/layer.js:148:15)',
].join('<br> &nbsp; &nbsp;');

const ENV_FILE = ['NODE_ENV=production', 'DATABASE_URL=postgres://acme:not-a-real-password@db.acme.internal/acme', 'SESSION_SECRET=not-a-real-secret', ''].join('\n');

function toHttps(target?: string): SiteHandler {
  return (_request, response, context) => {
    response.writeHead(301, { location: `https://${target ?? context.host}${context.url}` }).end();
  };
}

/** HTTP always moves to HTTPS on the same host; HTTPS is served by `https`. */
function upgrade(https: SiteHandler): SiteHandler {
  return (request, response, context) => (context.scheme === 'https' ? https(request, response, context) : toHttps()(request, response, context));
}

/** The test CA presents itself as a known authority, so CAA and renewal checks can name it. */
export const PRODUCT_CA_SUBJECT = "/C=US/O=Let's Encrypt/CN=Launch Ready Test R1";
const BULK_SENDERS = Array.from({ length: 10 }, (_, i) => `bulk${i + 1}.provider.test`);

function productZone(dkimKey: string, broken = false): FixtureZone {
  const host = { A: ['127.0.0.1'] };
  // Broken: the documentation range (where the SPF check's probe address is) matches first, so only the whole tree shows the 11 lookups.
  const spf = broken ? `v=spf1 ip4:192.0.2.0/24 include:mail.provider.test ${BULK_SENDERS.map((name) => `include:${name}`).join(' ')} +all` : 'v=spf1 include:mail.provider.test -all';
  return {
    [PRODUCT_DOMAIN]: {
      ...host,
      CAA: [{ tag: 'issue', value: broken ? 'pki.goog' : 'letsencrypt.org' }],
      TXT: [spf, `launch-ready-verification=${OWNERSHIP_TOKEN}`],
      MX: [{ priority: 10, exchange: 'mx.provider.test' }],
    },
    [`www.${PRODUCT_DOMAIN}`]: { CNAME: PRODUCT_DOMAIN },
    // Nothing listens on 127.0.0.2: a stale second address (listed second, so connections use the first).
    [`app.${PRODUCT_DOMAIN}`]: broken ? { A: ['127.0.0.1', '127.0.0.2'] } : host,
    [`api.${PRODUCT_DOMAIN}`]: host,
    ...Object.fromEntries(BULK_SENDERS.map((name, i) => [name, { TXT: [`v=spf1 ip4:198.51.100.${i + 1} -all`] }])),
    [`_dmarc.${PRODUCT_DOMAIN}`]: { TXT: [`v=DMARC1; p=reject; rua=mailto:dmarc@${PRODUCT_DOMAIN}`] },
    [`s1._domainkey.${PRODUCT_DOMAIN}`]: { TXT: [`v=DKIM1; k=ed25519; p=${dkimKey}`] },
    'mail.provider.test': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    'mx.provider.test': { A: ['198.51.100.25'] },
  };
}

export async function startTestProduct(options: TestProductOptions = {}): Promise<TestProduct> {
  const ca = await createTestCertificateAuthority({ subject: PRODUCT_CA_SUBJECT });
  const hosts = [PRODUCT_DOMAIN, `www.${PRODUCT_DOMAIN}`, `app.${PRODUCT_DOMAIN}`, `api.${PRODUCT_DOMAIN}`];
  const certificate = await ca.issue({ names: hosts });
  const DAY_MS = 86_400_000;
  const expired = options.blockers ? await ca.issue({ names: [`app.${PRODUCT_DOMAIN}`], notBefore: new Date(Date.now() - 100 * DAY_MS), notAfter: new Date(Date.now() - 2 * DAY_MS) }) : undefined;
  // 200 days, 150 gone: renewal was due at day 133.
  const unrenewed = options.blockers ? await ca.issue({ names: [`api.${PRODUCT_DOMAIN}`], notBefore: new Date(Date.now() - 150 * DAY_MS), notAfter: new Date(Date.now() + 50 * DAY_MS) }) : undefined;
  let broken = options.blockers === true;
  const secrets = options.leaky ? fakeSecrets() : undefined;
  const files = secrets ? leakyFiles(secrets) : cleanFiles();
  const page = files['/']!;

  const website = routes({
    ...Object.fromEntries(Object.entries(files).map(([path, file]) => [path, serve(file, path === '/' ? { 'set-cookie': 'theme=light; Path=/; Secure; SameSite=Lax' } : {})])),
    '/pricing': serve(page),
    '/pricing/': (_request, response) => void response.writeHead(301, { location: '/pricing' }).end(),
    '/.well-known/launch-ready.txt': serve({ contentType: 'text/plain', body: OWNERSHIP_TOKEN }),
    '/.env': (request, response, context) => (broken ? serve({ contentType: 'text/plain', body: ENV_FILE })(request, response, context) : void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')),
  });
  const appPage = serve(page);
  const brokenAppPage = serve(mixedPage(page));
  const allowed = [`https://${PRODUCT_DOMAIN}`, `https://app.${PRODUCT_DOMAIN}`];
  const login = loginApi({ kind: 'limited', after: 5 });
  const api = routes({
    '/v1/health': corsApi('allow-list', { allowList: allowed }),
    '/v1/me': (request, response, context) =>
      (broken
        ? corsApi('reflect-with-credentials', { allowList: allowed, body: JSON.stringify({ id: 42, email: 'member@acme.test', plan: 'pro' }) })
        : corsApi('allow-list', { allowList: allowed, requireAuth: true }))(request, response, context),
    '/auth/login': (request, response, context) => {
      response.setHeader('set-cookie', `__Secure-csrf=${randomBytes(12).toString('hex')}; Path=/; Secure; HttpOnly; SameSite=Lax`);
      return login(request, response, context);
    },
  });

  const apiWithErrors: SiteHandler = (request, response, context) => {
    if (context.url.split('?')[0]!.includes('%E0%A4%A')) {
      const body = broken ? `<!DOCTYPE html><html><body><pre>${EXPRESS_STACK}</pre></body></html>` : '<!doctype html><h1>Bad request</h1>';
      return void response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    }
    return api(request, response, context);
  };
  const apiHttp: SiteHandler = (request, response, context) => {
    // Broken: the sign-in path redirects to itself over plain HTTP.
    if (broken && context.url.startsWith('/auth/login')) return void response.writeHead(301, { location: `http://api.${PRODUCT_DOMAIN}/auth/login` }).end();
    return toHttps()(request, response, context);
  };

  const dkimKey = randomBytes(32).toString('base64');
  const site = await startTestSite({
    zone: productZone(dkimKey, broken),
    ca,
    defaultCertificate: certificate,
    ...(expired ? { certificatesByHost: { [`app.${PRODUCT_DOMAIN}`]: expired } } : {}),
    ...(unrenewed ? { chooseCertificate: (name: string) => (broken && name === `api.${PRODUCT_DOMAIN}` ? unrenewed : undefined) } : {}),
    hosts: {
      [PRODUCT_DOMAIN]: upgrade(website),
      [`www.${PRODUCT_DOMAIN}`]: toHttps(PRODUCT_DOMAIN),
      // Broken: plain HTTP is served as is, and the page loads a script and an image over HTTP.
      [`app.${PRODUCT_DOMAIN}`]: (request, response, context) =>
        context.scheme === 'http' && !broken ? toHttps()(request, response, context) : routes({ '/': broken ? brokenAppPage : appPage })(request, response, context),
      [`api.${PRODUCT_DOMAIN}`]: (request, response, context) => (context.scheme === 'https' ? apiWithErrors : apiHttp)(request, response, context),
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
