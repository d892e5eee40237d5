import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run as runHsts, parseHsts } from './hsts';
import { run as runHeaders, gradeFor } from './security-headers';

const STRONG = {
  'content-type': 'text/html',
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'content-security-policy': "default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=()',
  server: 'cloudflare',
};
const page = (headers: Record<string, string>) => respond(200, { 'content-type': 'text/html', ...headers }, '<html></html>');

describe('HSTS and security-header checks', () => {
  let site: QuickSite;
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'strong.test': page(STRONG),
        'weak.test': page({ server: 'nginx/1.18.0', 'x-powered-by': 'Express' }),
        'mid.test': page({ 'strict-transport-security': 'max-age=86400', 'content-security-policy': "default-src 'self' 'unsafe-inline' 'unsafe-eval'", 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'unsafe-url' }),
        'zero.test': page({ 'strict-transport-security': 'max-age=0' }),
        'noinc.test': page({ 'strict-transport-security': 'max-age=31536000' }),
        'junk.test': page({ 'strict-transport-security': 'includeSubDomains' }),
        'plain.test': (_req, res, ctx) => void (ctx.scheme === 'http' ? res.writeHead(200, STRONG).end() : res.writeHead(301, { location: `http://plain.test${ctx.url}` }).end()),
      },
    });
  });
  afterAll(() => site?.close());

  it('parses HSTS directives', () => {
    expect(parseHsts('max-age="31536000" ; INCLUDESUBDOMAINS;preload')).toEqual({ maxAge: 31536000, includeSubDomains: true, preload: true });
    expect(parseHsts('max-age=abc')).toEqual({ maxAge: undefined, includeSubDomains: false, preload: false });
  });

  it('grades HSTS', async () => {
    const codes = async (domain: string) => (await runHsts({ domain }, site.deps)).findings.map((f) => `${f.code}:${f.severity}`);
    expect(await codes('strong.test')).toEqual([]);
    expect(await codes('weak.test')).toEqual(['hsts.missing:high']);
    expect(await codes('mid.test')).toEqual(['hsts.short-max-age:medium', 'hsts.no-include-subdomains:low']);
    expect(await codes('zero.test')).toEqual(['hsts.disabled:high']);
    expect(await codes('noinc.test')).toEqual(['hsts.no-include-subdomains:low']);
    expect(await codes('junk.test')).toEqual(['hsts.invalid:medium']);
    expect(await codes('plain.test')).toEqual(['hsts.no-https:high']);
    const strong = await runHsts({ domain: 'strong.test' }, site.deps);
    expect(strong.status).toBe('pass');
    expect(strong.evidence).toMatchObject({ policy: { maxAge: 63072000, includeSubDomains: true, preload: true } });
  });

  it('grades security headers A to F with documented deductions', async () => {
    expect(['A', 'B', 'C', 'D', 'F'].map((_grade, i) => gradeFor([95, 80, 65, 50, 10][i]!))).toEqual(['A', 'B', 'C', 'D', 'F']);
    const strong = await runHeaders({ domain: 'strong.test' }, site.deps);
    expect(strong.status).toBe('pass');
    expect(strong.evidence).toMatchObject({ grade: 'A', score: 100 });

    const weak = await runHeaders({ domain: 'weak.test' }, site.deps);
    expect(weak.status).toBe('fail');
    expect(weak.evidence).toMatchObject({ grade: 'F', score: 10 });
    expect(weak.findings.map((f) => f.code)).toEqual([
      'security-headers.grade', 'security-headers.csp-missing', 'security-headers.clickjacking', 'security-headers.no-nosniff', 'security-headers.referrer-policy',
      'security-headers.no-coop', 'security-headers.no-corp', 'security-headers.no-permissions-policy', 'security-headers.software-disclosed',
    ]);
    expect(weak.findings[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('grade F') });

    const mid = await runHeaders({ domain: 'mid.test' }, site.deps);
    expect(mid.evidence).toMatchObject({ grade: 'D', score: 55 });
    expect(mid.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['security-headers.csp-unsafe-inline', 'security-headers.csp-unsafe-eval', 'security-headers.referrer-policy']));
    expect(mid.status).toBe('warn');
  });
});
