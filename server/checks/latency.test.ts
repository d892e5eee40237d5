import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowApi } from '@/test/testnet/fixtures/api';
import { respond, routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { declaredTimings } from '@/test/testnet/declared-timing';
import { secretBoxOf } from '@/server/vault/box';
import { MAX_SAMPLES, run, WRITE_SAMPLES } from './latency';
import type { CheckEndpoint, CheckTarget } from './types';

const orders: { body: string; apiKey: string | undefined }[] = [];

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
          // A write that is harmless to repeat (a sandbox order): records what it was sent.
          '/api/orders': (req, res) => {
            let body = '';
            req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
            req.on('end', () => {
              orders.push({ body, apiKey: req.headers['x-api-key'] as string | undefined });
              res.writeHead(body.includes('"sandbox":true') ? 201 : 400, { 'content-type': 'application/json' }).end('{"id":"ord_1"}');
            });
          },
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

  it('judges each endpoint against its own target: its kind, or a number set by hand', async () => {
    // Growth playbook numbers: 300 ms for common reads, 800 ms for heavier actions.
    const outcome = await run(
      {
        ...target([], { probes: { latencySamples: 3 }, targets: { commonReadP95Ms: 300, heavyActionP95Ms: 800 } }),
        endpoints: [
          { kind: 'checkout', method: 'GET', url: 'https://shop.test/api/search' },
          { kind: 'dashboard', method: 'GET', url: 'https://shop.test/api/feed', p95TargetMs: 150 },
          { kind: 'dashboard', method: 'GET', url: 'https://shop.test/api/search?as=read' },
        ],
      },
      deps(),
    );
    const endpoints = (outcome.evidence as { endpoints: { url: string; targetMs: number; targetKind: string; targetSource: string }[] }).endpoints;
    expect(endpoints.map((e) => [e.url, e.targetMs, e.targetKind, e.targetSource])).toEqual([
      ['https://shop.test/', 300, 'common-read', 'playbook'],
      ['https://shop.test/api/search', 800, 'heavy-action', 'playbook'],
      ['https://shop.test/api/feed', 150, 'common-read', 'endpoint'],
      ['https://shop.test/api/search?as=read', 300, 'common-read', 'playbook'],
    ]);
    // 400 ms: within the 800 ms for a heavy action, over the 300 ms for a read; 200 ms: over the 150 ms set by hand.
    expect(outcome.findings.map((f) => `${f.code}:${(f.evidence as { url: string }).url}`)).toEqual(['latency.p95-over-target:https://shop.test/api/feed', 'latency.p95-over-target:https://shop.test/api/search?as=read']);
    expect(outcome.findings[0]!.message).toContain('over the 150 ms target for common reads (set by hand on this endpoint)');
    expect(outcome.findings[1]!.message).toContain("over the 300 ms target for common reads (the playbook's p95 for common reads)");
  });

  it('sends only a handful of samples without verified ownership, and caps the burst', async () => {
    const before = site.requests.filter((r) => r.url === '/api/products').length;
    const light = await run(target(['/api/products'], { ownershipVerified: false }), deps());
    expect(site.requests.filter((r) => r.url === '/api/products').length - before).toBe(5);
    expect(light.findings.map((f) => f.code)).toEqual(['latency.light-sample']);
    const capped = await run(target(['/api/products'], { probes: { latencySamples: 1_000 } }), deps());
    expect((capped.evidence as { samplesPerEndpoint: number }).samplesPerEndpoint).toBe(MAX_SAMPLES);
  });

  describe('replaying writes (issue 13, part 9)', () => {
    const order = (extra: Partial<CheckEndpoint>): CheckEndpoint => ({ kind: 'checkout', method: 'POST', url: 'https://shop.test/api/orders', ...extra });
    const sandboxOrder = order({ safeToReplay: true, body: '{"sandbox":true,"key":"{{secret.SHOP_KEY}}"}', headers: [{ name: 'X-Api-Key', value: '{{secret.SHOP_KEY}}' }] });
    const secrets = secretBoxOf([{ name: 'SHOP_KEY', value: 'sk_sandbox_"quoted"_0123456789' }]);

    it('measures a write marked safe to replay, with its body and secrets, on a verified domain', async () => {
      orders.length = 0;
      const outcome = await run(target([], { endpoints: [sandboxOrder], probes: { latencySamples: 20 } }), { ...deps(), secrets });
      const measured = (outcome.evidence as { endpoints: { url: string; method?: string; samples: number; errors: number }[] }).endpoints;
      expect(measured.find((m) => m.method === 'POST')).toMatchObject({ url: 'https://shop.test/api/orders', samples: WRITE_SAMPLES, errors: 0 });
      expect(orders).toHaveLength(WRITE_SAMPLES);
      // The secret is filled JSON-escaped in the body and as it is in the header.
      expect(JSON.parse(orders[0]!.body)).toEqual({ sandbox: true, key: 'sk_sandbox_"quoted"_0123456789' });
      expect(orders[0]!.apiKey).toBe('sk_sandbox_"quoted"_0123456789');
      expect(outcome.findings.map((f) => f.code)).not.toContain('latency.writes-skipped');
    });

    it('judges a replayed write against its own target: a heavier action, or the number set by hand', async () => {
      orders.length = 0;
      const withTarget = order({ url: 'https://shop.test/api/orders?target=1', safeToReplay: true, body: '{"sandbox":true}', p95TargetMs: 1234 });
      const outcome = await run(target([], { endpoints: [order({ safeToReplay: true, body: '{"sandbox":true}' }), withTarget], probes: { latencySamples: 2 }, targets: { commonReadP95Ms: 300, heavyActionP95Ms: 800 } }), deps());
      const writes = (outcome.evidence as { endpoints: { url: string; method?: string; targetMs: number; targetKind: string; targetSource: string }[] }).endpoints.filter((m) => m.method === 'POST');
      expect(writes.map((m) => [m.url, m.targetMs, m.targetKind, m.targetSource])).toEqual([
        ['https://shop.test/api/orders', 800, 'heavy-action', 'playbook'],
        ['https://shop.test/api/orders?target=1', 1234, 'heavy-action', 'endpoint'],
      ]);
      expect(orders).toHaveLength(4);
    });

    it('says plainly why each other write was skipped, and sends none of them', async () => {
      orders.length = 0;
      const unverified = await run(target([], { ownershipVerified: false, endpoints: [sandboxOrder, order({ url: 'https://shop.test/api/orders?plain=1' })] }), { ...deps(), secrets });
      expect(orders).toHaveLength(0);
      const skipped = unverified.findings.find((f) => f.code === 'latency.writes-skipped')!;
      expect(skipped.message).toMatch(/POST https:\/\/shop\.test\/api\/orders \(the domain’s ownership is not verified\)/);
      expect(skipped.message).toMatch(/orders\?plain=1 \(not marked safe to replay\)/);
      expect(skipped.fix).toMatch(/mark it safe to replay and give the body/);
    });

    it('counts a refused write as an error, and does not send a request whose secret is missing', async () => {
      orders.length = 0;
      const refused = await run(target([], { endpoints: [order({ safeToReplay: true, body: '{"sandbox":false}' })], probes: { latencySamples: 3 } }), deps());
      expect((refused.evidence as { endpoints: { method?: string; errors: number }[] }).endpoints.find((m) => m.method === 'POST')!.errors).toBe(3);
      orders.length = 0;
      const missing = await run(target([], { endpoints: [sandboxOrder] }), deps());
      expect(orders).toHaveLength(0);
      expect(missing.findings.find((f) => f.code === 'latency.not-sent')!.message).toMatch(/The secret SHOP_KEY is not set/);
    });
  });
});
