import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, upgradeToHttps } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run } from './mixed-content';

const html = (body: string, headers: Record<string, string> = {}) => respond(200, { 'content-type': 'text/html; charset=utf-8', ...headers }, `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);

/** Everything over https, relative, protocol-relative; an http:// link is navigation, not a load. */
const CLEAN = html('<script src="/app.js"></script><link rel="stylesheet" href="https://cdn.clean.test/a.css"><img src="//img.clean.test/x.png"><a href="http://old.example/">old site</a><form action="/login" method="post"></form>');
const MIXED = [
  '<script src="http://cdn.mixed.test/widget.js"></script>',
  '<link rel="stylesheet" href="http://cdn.mixed.test/site.css">',
  '<img src="http://img.mixed.test/hero.jpg" srcset="https://img.mixed.test/hero.jpg 1x, http://img.mixed.test/hero@2x.jpg 2x">',
  '<form action="http://mixed.test/subscribe" method="post"><input name="email"></form>',
].join('');

describe('mixed-content check', () => {
  let site: QuickSite;

  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'clean.test': upgradeToHttps(routes({ '/': CLEAN, '/account': html('<p>account</p>') })),
        'app.clean.test': upgradeToHttps(CLEAN),
        'mixed.test': upgradeToHttps(routes({ '/': CLEAN, '/pricing': html(MIXED) })),
        'app.mixed.test': upgradeToHttps(html('<iframe src="http://video.mixed.test/embed"></iframe>')),
        'upgraded.test': upgradeToHttps(html(MIXED, { 'content-security-policy': "default-src https:; upgrade-insecure-requests" })),
        'other.test': upgradeToHttps(html(MIXED)),
      },
    });
  });
  afterAll(() => site?.close());

  it('passes pages that load everything over HTTPS, ignoring plain links', async () => {
    const outcome = await run({ domain: 'clean.test', subdomains: ['app'], endpoints: [{ kind: 'dashboard', method: 'GET', url: 'https://clean.test/account' }] }, site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toEqual({ pages: [{ url: 'https://clean.test/', insecure: 0, upgraded: false }, { url: 'https://app.clean.test/', insecure: 0, upgraded: false }, { url: 'https://clean.test/account', insecure: 0, upgraded: false }] });
  });

  it('finds scripts, styles, frames, images and forms over plain HTTP on listed pages and subdomains, one finding per page and kind', async () => {
    const before = site.requests.length;
    const outcome = await run(
      {
        domain: 'mixed.test',
        subdomains: ['app'],
        endpoints: [
          { kind: 'other', method: 'GET', url: 'https://mixed.test/pricing' },
          // Another domain's page is not read.
          { kind: 'other', method: 'GET', url: 'https://other.test/' },
        ],
      },
      site.deps,
    );
    expect(outcome.findings.map((f) => `${f.code}:${f.severity} ${(f.evidence as { url: string }).url}`)).toEqual([
      'mixed-content.active:high https://app.mixed.test/',
      'mixed-content.active:high https://mixed.test/pricing',
      'mixed-content.passive:low https://mixed.test/pricing',
      'mixed-content.insecure-form:high https://mixed.test/pricing',
    ]);
    const active = outcome.findings[1]!;
    expect(active.message).toContain('2 scripts and stylesheets (first: http://cdn.mixed.test/widget.js)');
    expect(active.evidence).toMatchObject({ resources: [{ tag: 'script', url: 'http://cdn.mixed.test/widget.js' }, { tag: 'link stylesheet', url: 'http://cdn.mixed.test/site.css' }] });
    expect(outcome.findings[0]!.message).toContain('a frame (http://video.mixed.test/embed)');
    expect((outcome.findings[2]!.evidence as { resources: unknown[] }).resources).toEqual([{ tag: 'img', url: 'http://img.mixed.test/hero.jpg' }, { tag: 'img srcset', url: 'http://img.mixed.test/hero@2x.jpg' }]);
    expect(outcome.status).toBe('fail');
    expect(site.requests.slice(before).some((r) => r.host === 'other.test')).toBe(false);
  });

  it('notes rather than fails a page whose CSP upgrades insecure requests (forms still count)', async () => {
    const outcome = await run({ domain: 'upgraded.test' }, site.deps);
    expect(outcome.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['mixed-content.upgraded:info', 'mixed-content.insecure-form:high']);
  });
});
