import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, type SiteHandler } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run } from './open-endpoints';
import type { CheckEndpoint } from './types';

const json = (body: unknown, status = 200): SiteHandler => respond(status, { 'content-type': 'application/json' }, JSON.stringify(body));
/** Answers only with a bearer token, as a private endpoint should. */
const guarded = (body: unknown): SiteHandler => (request, response, context) =>
  request.headers.authorization ? json(body)(request, response, context) : json({ error: 'unauthorised' }, 401)(request, response, context);
const MEMBERS = { items: [{ id: 1, email: 'ana@members.test', plan: 'pro' }, { id: 2, email: 'ben@members.test', plan: 'free' }], total: 2 };
const SPA = respond(200, { 'content-type': 'text/html' }, '<!doctype html><div id="root"></div><script src="/app.js"></script>');

const get = (kind: string, url: string): CheckEndpoint => ({ kind, method: 'GET', url });

describe('open-endpoints check', () => {
  let site: QuickSite;

  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'api.good.test': routes({
          '/v1/members': guarded(MEMBERS),
          '/v1/feed': respond(302, { location: 'https://good.test/login' }),
          '/v1/public-posts': json({ items: [], total: 0 }),
          '/v1/health': json({ status: 'ok', uptime: 123 }),
          '/dashboard': SPA,
        }),
        'api.bad.test': routes({
          '/v1/members': json(MEMBERS),
          '/v1/me': json({ id: 7, name: 'Ana', session_token: 'not-a-real-token' }),
          '/v1/stats': json({ data: [{ day: '2026-12-01', signups: 4 }, { day: '2026-12-02', signups: 9 }] }),
          '/v1/catalogue': json({ items: [{ sku: 'A1', price: 10 }] }),
        }),
        'api.other.test': json(MEMBERS),
      },
    });
  });
  afterAll(() => site?.close());

  it('passes endpoints that refuse or redirect without sign-in, empty lists and status answers; a page shell proves nothing', async () => {
    const endpoints = ['/v1/members', '/v1/feed', '/v1/public-posts', '/v1/health', '/dashboard'].map((path) => get(path === '/v1/health' || path === '/v1/public-posts' ? 'other' : 'dashboard', `https://api.good.test${path}`));
    const outcome = await run({ domain: 'good.test', endpoints }, site.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(['open-endpoints.page']);
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toMatchObject({ endpoints: [{ outcome: 'protected', status: 401 }, { outcome: 'redirected', status: 302 }, { outcome: 'empty' }, { outcome: 'empty' }, { outcome: 'page' }] });
    // No request carried credentials.
    expect(site.requests.filter((r) => r.headers.authorization || r.headers.cookie)).toEqual([]);
  });

  it('reports data answered without sign-in: personal data and credentials as critical, a dashboard\'s records as high, never the values', async () => {
    const outcome = await run(
      {
        domain: 'bad.test',
        endpoints: [get('dashboard', 'https://api.bad.test/v1/members'), get('chat', 'https://api.bad.test/v1/me'), get('dashboard', 'https://api.bad.test/v1/stats'), get('other', 'https://api.bad.test/v1/catalogue'), get('dashboard', 'https://api.other.test/v1/members'), { kind: 'dashboard', method: 'POST', url: 'https://api.bad.test/v1/members' }],
      },
      site.deps,
    );
    expect(outcome.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['open-endpoints.personal-data:critical', 'open-endpoints.personal-data:critical', 'open-endpoints.data:high', 'open-endpoints.public-data:info', 'open-endpoints.outside-domain:info']);
    expect(outcome.findings[0]!.message).toBe('https://api.bad.test/v1/members answers personal data (email) to anyone, without signing in.');
    expect(outcome.findings[1]!.message).toContain('credentials (session_token)');
    expect(outcome.findings[2]!.evidence).toMatchObject({ url: 'https://api.bad.test/v1/stats', records: 2, fields: ['data', 'day', 'signups'] });
    expect(outcome.status).toBe('fail');
    const everything = JSON.stringify(outcome);
    expect(everything).not.toContain('ana@members.test');
    expect(everything).not.toContain('not-a-real-token');
    expect(site.requests.some((r) => r.host === 'api.other.test')).toBe(false);
  });

  it('says so when nothing suitable is listed', async () => {
    const outcome = await run({ domain: 'good.test', endpoints: [{ kind: 'login', method: 'POST', url: 'https://api.good.test/login' }] }, site.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(['open-endpoints.no-endpoints']);
    expect(outcome.status).toBe('pass');
  });
});
