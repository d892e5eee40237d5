import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, type SiteHandler } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run } from './redirects';

const page = respond(200, { 'content-type': 'text/html' }, '<html><body><a href="/pricing">Pricing</a><a href="/app.css">x</a></body></html>');
/** Sends every request to `target` + path, whatever the scheme. */
const to = (target: string, status = 301): SiteHandler => (_req, res, ctx) => {
  res.writeHead(status, { location: `${target}${ctx.url}` }).end();
};
/** HTTP goes to https on the same host; HTTPS runs `https`. */
const upgrade = (https: SiteHandler, status = 301): SiteHandler => (req, res, ctx) => {
  if (ctx.scheme === 'https') return https(req, res, ctx);
  res.writeHead(status, { location: `https://${ctx.host}${ctx.url}` }).end();
};

const goodApp = routes({ '/': page, '/pricing': page, '/pricing/': respond(301, { location: '/pricing' }) });

describe('redirects check', () => {
  let site: QuickSite;

  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        // Healthy: apex canonical, www goes to the apex in one hop, /pricing/ → /pricing.
        'good.test': upgrade(goodApp),
        'www.good.test': to('https://good.test'),
        // Plain HTTP served as is, and www is a separate copy.
        'plain.test': page,
        'www.plain.test': page,
        // apex ↔ www ping-pong over HTTPS.
        'loop.test': upgrade(to('https://www.loop.test', 302)),
        'www.loop.test': upgrade(to('https://loop.test', 302)),
        // http://www → http://apex → https://www → https://apex with temporary redirects.
        'long.test': (req, res, ctx) => (ctx.scheme === 'http' ? to('https://www.long.test', 302)(req, res, ctx) : routes({ '/': page, '/pricing': page, '/pricing/': page })(req, res, ctx)),
        'www.long.test': (req, res, ctx) => (ctx.scheme === 'http' ? to('http://long.test', 302)(req, res, ctx) : to('https://long.test', 302)(req, res, ctx)),
        // Entry points fine; app. redirects, api. does on / but not on a listed path, and loops on another.
        'deep.test': upgrade(goodApp),
        'www.deep.test': to('https://deep.test'),
        'app.deep.test': upgrade(page),
        'api.deep.test': (req, res, ctx) => {
          const path = ctx.url.replace(/\?.*$/, '');
          if (ctx.scheme === 'https') return path === '/v1/loop' ? to('http://api.deep.test', 301)(req, res, ctx) : page(req, res, ctx);
          if (path === '/v1/plain') return page(req, res, ctx);
          return to(`https://api.deep.test`)(req, res, ctx);
        },
        'legacy.deep.test': page,
      },
    });
  });
  afterAll(() => site?.close());

  it('passes one-hop permanent redirects to the canonical host', async () => {
    const outcome = await run({ domain: 'good.test', canonicalHost: 'apex' }, site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toMatchObject({ canonical: 'good.test' });
    expect((outcome.evidence as { walks: unknown[] }).walks[0]).toEqual({ url: 'http://good.test/', start: 'http://good.test/', chain: [{ url: 'http://good.test/', status: 301, location: 'https://good.test/' }], final: { url: 'https://good.test/', status: 200 } });
  });

  it('fails plain HTTP and reports the second copy on www', async () => {
    const outcome = await run({ domain: 'plain.test' }, site.deps);
    const codes = outcome.findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'redirects.no-https')).toHaveLength(2);
    expect(codes).toContain('redirects.not-canonical');
    expect(outcome.status).toBe('fail');
  });

  it('detects loops', async () => {
    const outcome = await run({ domain: 'loop.test' }, site.deps);
    expect(outcome.findings.filter((f) => f.code === 'redirects.loop').length).toBeGreaterThanOrEqual(1);
    expect(outcome.findings.find((f) => f.code === 'redirects.loop')?.severity).toBe('high');
    expect(outcome.status).toBe('fail');
  });

  it('warns on long chains, temporary redirects, a wrong canonical setting, and duplicate trailing-slash pages', async () => {
    const outcome = await run({ domain: 'long.test', canonicalHost: 'www' }, site.deps);
    const codes = outcome.findings.map((f) => f.code);
    expect(codes).toContain('redirects.long-chain');
    expect(codes).toContain('redirects.temporary');
    expect(codes).toContain('redirects.canonical-mismatch');
    expect(outcome.status).toBe('warn');
    const long = outcome.findings.find((f) => f.code === 'redirects.long-chain');
    expect(long?.evidence).toMatchObject({ start: 'http://www.long.test/', chain: [{ status: 302 }, { status: 302 }, { status: 302 }] });
    const apexCanonical = await run({ domain: 'long.test', canonicalHost: 'apex' }, site.deps);
    expect(apexCanonical.findings.map((f) => f.code)).toContain('redirects.trailing-slash-duplicate');
  });

  describe('every listed subdomain and endpoint path', () => {
    const endpoints = [
      { kind: 'login', method: 'POST' as const, url: 'https://api.deep.test/v1/login?next=/secret' },
      { kind: 'dashboard', method: 'GET' as const, url: 'https://api.deep.test/v1/plain' },
      { kind: 'other', method: 'GET' as const, url: 'https://api.deep.test/v1/loop' },
      // Not under the project's domain: never walked.
      { kind: 'other', method: 'GET' as const, url: 'https://good.test/pricing' },
    ];

    it('passes subdomains and endpoint paths that all move to HTTPS', async () => {
      const outcome = await run({ domain: 'deep.test', subdomains: ['app', 'api'], endpoints: [endpoints[0]!] }, site.deps);
      expect(outcome.findings).toEqual([]);
      const other = (outcome.evidence as { otherWalks: { start: string; final?: { url: string } }[] }).otherWalks;
      expect(other.map((w) => w.start)).toEqual(['http://app.deep.test/', 'http://api.deep.test/', 'http://api.deep.test/v1/login']);
      expect(other.every((w) => w.final?.url.startsWith('https:'))).toBe(true);
    });

    it('reports a subdomain or a path served over plain HTTP, and a loop on any path, one finding each', async () => {
      const before = site.requests.length;
      const outcome = await run({ domain: 'deep.test', subdomains: ['app', 'api', 'legacy'], endpoints }, site.deps);
      const problems = outcome.findings.map((f) => `${f.code} ${(f.evidence as { url: string }).url}`);
      expect(problems.sort()).toEqual([
        'redirects.loop http://api.deep.test/v1/loop',
        'redirects.no-https http://api.deep.test/v1/plain',
        'redirects.no-https http://legacy.deep.test/',
      ]);
      expect(outcome.status).toBe('fail');
      expect(outcome.findings.find((f) => f.code === 'redirects.no-https')?.fix).toContain('https://');
      // Nothing outside deep.test was asked, and no query string was sent.
      const sent = site.requests.slice(before);
      expect(sent.filter((r) => !r.host.endsWith('deep.test'))).toEqual([]);
      expect(sent.some((r) => r.url.includes('next='))).toBe(false);
    });
  });
});
