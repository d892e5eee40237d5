import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, type SiteHandler } from '@/server/testnet/site';
import { startQuickSite, type QuickSite } from '@/server/testnet/quick-site';
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
      },
    });
  });
  afterAll(() => site?.close());

  it('passes one-hop permanent redirects to the canonical host', async () => {
    const outcome = await run({ domain: 'good.test', canonicalHost: 'apex' }, site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toMatchObject({ canonical: 'good.test' });
    expect((outcome.evidence as { walks: unknown[] }).walks[0]).toEqual({ start: 'http://good.test/', chain: [{ url: 'http://good.test/', status: 301, location: 'https://good.test/' }], final: { url: 'https://good.test/', status: 200 } });
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
});
