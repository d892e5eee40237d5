import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsApi } from '@/test/testnet/fixtures/api';
import { respond, routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { HOSTILE_ORIGIN, run } from './cors';
import type { CheckEndpoint } from './types';

describe('CORS check', () => {
  let site: QuickSite;
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'shop.test': respond(200, {}, 'home'),
        'api.shop.test': routes({
          '/': corsApi('allow-list', { allowList: ['https://shop.test'] }),
          '/v1/me': corsApi('reflect-with-credentials'),
          '/v1/embed': corsApi('null-with-credentials'),
          '/v1/bad': corsApi('wildcard-with-credentials'),
          '/v1/orders': corsApi('wildcard', { requireAuth: true }),
          '/v1/public': corsApi('wildcard'),
          '/v1/strict': corsApi('allow-list', { allowList: ['https://shop.test'] }),
        }),
      },
    });
  });
  afterAll(() => site?.close());

  const endpoint = (path: string, kind = 'other', method: CheckEndpoint['method'] = 'GET'): CheckEndpoint => ({ kind, method, url: `https://api.shop.test${path}` });

  it('passes an allow-list policy and public wildcards', async () => {
    const outcome = await run({ domain: 'shop.test', endpoints: [endpoint('/v1/strict', 'dashboard'), endpoint('/v1/public', 'api-health')] }, site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    const requests = site.requests.filter((r) => r.url === '/v1/strict');
    expect(requests.map((r) => r.method).sort()).toEqual(['GET', 'GET', 'OPTIONS']);
    expect(requests.find((r) => r.method === 'OPTIONS')?.headers.origin).toBe(HOSTILE_ORIGIN);
  });

  it('flags reflected and null origins with credentials as critical, wildcard with credentials as high', async () => {
    const outcome = await run({ domain: 'shop.test', endpoints: [endpoint('/v1/me', 'dashboard'), endpoint('/v1/embed'), endpoint('/v1/bad', 'other', 'POST'), endpoint('/v1/orders')] }, site.deps);
    const list = outcome.findings.map((f) => `${f.code}:${f.severity}:${(f.evidence as { url: string }).url.replace('https://api.shop.test', '')}`);
    expect(list).toEqual([
      'cors.reflected-origin-with-credentials:critical:/v1/me',
      'cors.null-origin-with-credentials:critical:/v1/me', // a reflecting server echoes "null" too
      'cors.null-origin-with-credentials:critical:/v1/embed',
      'cors.wildcard-with-credentials:high:/v1/bad',
      'cors.wildcard-on-authenticated:medium:/v1/orders',
    ]);
    expect(outcome.status).toBe('fail');
    expect(outcome.findings[0]?.evidence).toMatchObject({ probes: [{ name: 'get', allowOrigin: HOSTILE_ORIGIN, allowCredentials: true }, { name: 'preflight', status: 204 }] });
  });

  it('probes the api subdomain when no endpoints are listed', async () => {
    const outcome = await run({ domain: 'shop.test', subdomains: ['api'] }, site.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(['cors.no-endpoints']);
    expect(outcome.evidence).toMatchObject({ endpoints: [{ url: 'https://api.shop.test/' }] });
  });
});
