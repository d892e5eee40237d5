import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, type SiteHandler } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run as runCaching, looksHashed, parseCacheControl } from './static-caching';
import { run as runCdn } from './cdn';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const html = (assets: string[]) => `<html><head>${assets.map((a) => (a.endsWith('.css') ? `<link rel="stylesheet" href="${a}">` : `<script src="${a}"></script>`)).join('')}</head><body>${'<p>hello</p>'.repeat(200)}</body></html>`;

/** Compresses when the client accepts gzip, as a well-configured server does. */
const gzipped = (body: string, headers: Record<string, string>): SiteHandler => (req, res) => {
  const accepts = String(req.headers['accept-encoding'] ?? '').includes('gzip');
  res.writeHead(200, { ...headers, ...(accepts ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) }).end(accepts ? gzipSync(body) : body);
};

describe('static caching and CDN checks', () => {
  let site: QuickSite;
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'good.test': routes({
          '/': gzipped(html(['/assets/main.3f9a1c2b.js', '/assets/app-4c1f0e9d.css', 'https://cdn.elsewhere.test/lib.js']), { 'content-type': 'text/html', 'cache-control': 'private, no-cache', 'set-cookie': 'sid=x; Secure; HttpOnly', 'x-vercel-id': 'fra1::abc', server: 'Vercel' }),
          '/assets/main.3f9a1c2b.js': gzipped(SCRIPT, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=31536000, immutable' }),
          '/assets/app-4c1f0e9d.css': gzipped(`body{${'color:red;'.repeat(300)}}`, { 'content-type': 'text/css', 'cache-control': 'public, max-age=31536000, immutable' }),
        }),
        'bad.test': routes({
          '/': respond(200, { 'content-type': 'text/html', 'cache-control': 'public, max-age=600', 'set-cookie': 'sid=x; Secure; HttpOnly' }, html(['/static/bundle.a1b2c3d4e5.js', '/static/site.css', '/static/old.js'])),
          '/static/bundle.a1b2c3d4e5.js': respond(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=300' }, SCRIPT),
          '/static/site.css': respond(200, { 'content-type': 'text/css' }, 'body{}'),
          '/static/old.js': respond(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=60' }, 'x()'),
        }),
        'proxy.test': respond(200, { via: '1.1 some-proxy', 'x-cache': 'HIT' }, ''),
        'cf.test': respond(200, { 'cf-ray': '8abc-FRA', server: 'cloudflare' }, ''),
      },
    });
  });
  afterAll(() => site?.close());

  it('recognises hashed file names and reads Cache-Control', () => {
    expect(looksHashed('https://a.test/assets/main.3f9a1c2b.js')).toBe(true);
    expect(looksHashed('https://a.test/assets/index-BV3x9kQ2.js')).toBe(true);
    expect(looksHashed('https://a.test/_next/static/chunks/webpack.js')).toBe(true);
    expect(looksHashed('https://a.test/app.js?v=20240101')).toBe(true);
    expect(looksHashed('https://a.test/static/site.css')).toBe(false);
    expect(looksHashed('https://a.test/static/jquery-3.7.1.min.js')).toBe(false);
    expect(parseCacheControl('public, max-age=31536000, immutable')).toMatchObject({ maxAge: 31536000, immutable: true, isPublic: true });
  });

  it('passes compressed, long-cached hashed assets and private HTML', async () => {
    const outcome = await runCaching({ domain: 'good.test' }, site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    expect((outcome.evidence as { assets: unknown[] }).assets).toHaveLength(2);
  });

  it('flags short caching, missing policies, no compression and publicly cached HTML with cookies', async () => {
    const outcome = await runCaching({ domain: 'bad.test' }, site.deps);
    const codes = outcome.findings.map((f) => `${f.code}:${f.severity}`);
    expect(codes).toEqual(['static-caching.html-public-with-cookies:high', 'static-caching.html-uncompressed:low', 'static-caching.short-cache:low', 'static-caching.uncompressed:medium', 'static-caching.no-cache-policy:low']);
    expect(outcome.status).toBe('fail');
  });

  it('names the CDN provider from the headers', async () => {
    const vercel = await runCdn({ domain: 'good.test' }, site.deps);
    expect(vercel.findings[0]).toMatchObject({ code: 'cdn.detected', evidence: { providers: ['Vercel'] } });
    expect(vercel.findings[0]?.message).toContain('Vercel');
    expect((await runCdn({ domain: 'cf.test' }, site.deps)).findings[0]?.evidence).toMatchObject({ providers: ['Cloudflare'] });
    expect((await runCdn({ domain: 'proxy.test' }, site.deps)).findings[0]?.code).toBe('cdn.proxy-detected');
    const none = await runCdn({ domain: 'bad.test' }, site.deps);
    expect(none.findings.map((f) => f.code)).toEqual(['cdn.none']);
    expect(none.status).toBe('warn');
  });
});
