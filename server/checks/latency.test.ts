import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowApi } from '@/test/testnet/fixtures/api';
import { respond, routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { declaredTimings } from '@/test/testnet/declared-timing';
import { MAX_SAMPLES, run } from './latency';
import type { CheckTarget } from './types';

describe('latency check', () => {
  let site: QuickSite;
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'shop.test': routes({
          '/': respond(200, { 'content-type': 'text/html' }, 'home'),
          '/api/products': respond(200, { 'content-type': 'application/json' }, '[]'),
          '/api/search': slowApi(400, 10),
          '/api/feed': slowApi(200, 5),
          '/api/flaky': (_req, res) => void res.writeHead(Math.random() < 2 ? 503 : 200).end(),
        }),
      },
    });
  });
  afterAll(() => site?.close());
  // Durations come from the fixtures (slowApi declares 400 / 200 ms, the rest 0), read through an
  // injected stopwatch: the verdicts cannot move with the machine's load.
  const deps = () => declaredTimings(site.deps);

  const target = (paths: string[], extra: Partial<CheckTarget> = {}): CheckTarget => ({
    domain: 'shop.test',
    ownershipVerified: true,
    targets: { commonReadP95Ms: 150 },
    endpoints: paths.map((path) => ({ kind: 'dashboard', method: 'GET', url: `https://shop.test${path}` })),
    ...extra,
  });

  it('reports p50/p95/p99 per endpoint and passes within target', async () => {
    const outcome = await run(target(['/api/products'], { probes: { latencySamples: 10 } }), deps());
    expect(outcome.status).toBe('pass');
    const endpoints = (outcome.evidence as { endpoints: { url: string; samples: number; p50: number; p95: number; p99: number }[] }).endpoints;
    expect(endpoints.map((e) => e.url)).toEqual(['https://shop.test/', 'https://shop.test/api/products']);
    for (const e of endpoints) {
      expect(e.samples).toBe(10);
      expect(e.p50).toBeLessThanOrEqual(e.p95);
      expect(e.p95).toBeLessThanOrEqual(e.p99);
    }
  });

  it('warns over target, fails far over target, reports errors, never replays writes', async () => {
    const outcome = await run(
      { ...target(['/api/search', '/api/feed', '/api/flaky'], { probes: { latencySamples: 4 } }), endpoints: [...target(['/api/search', '/api/feed', '/api/flaky']).endpoints!, { kind: 'checkout', method: 'POST', url: 'https://shop.test/api/checkout' }] },
      deps(),
    );
    const list = outcome.findings.map((f) => `${f.code}:${(f.evidence as { url?: string }).url ?? ''}`);
    expect(list).toEqual(['latency.p95-far-over-target:https://shop.test/api/search', 'latency.p95-over-target:https://shop.test/api/feed', 'latency.errors:https://shop.test/api/flaky', 'latency.writes-skipped:']);
    expect(outcome.status).toBe('fail');
    expect(site.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('sends only a handful of samples without verified ownership, and caps the burst', async () => {
    const before = site.requests.filter((r) => r.url === '/api/products').length;
    const light = await run(target(['/api/products'], { ownershipVerified: false }), deps());
    expect(site.requests.filter((r) => r.url === '/api/products').length - before).toBe(5);
    expect(light.findings.map((f) => f.code)).toEqual(['latency.light-sample']);
    const capped = await run(target(['/api/products'], { probes: { latencySamples: 1_000 } }), deps());
    expect((capped.evidence as { samplesPerEndpoint: number }).samplesPerEndpoint).toBe(MAX_SAMPLES);
  });
});
