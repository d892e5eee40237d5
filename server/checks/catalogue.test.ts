import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { detectableValues } from '@/test/testnet/fake-secrets';
import { startTestProduct, type TestProduct } from '@/test/testnet/product';
import { declaredTimings } from '@/test/testnet/declared-timing';
import { appliesTo, CATALOGUE, CHECK_IDS, runChecks, type CatalogueEntry, type RunProgress } from './catalogue';
import type { CheckResult } from './types';

describe('check catalogue', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startTestProduct({ leaky: true });
  });
  afterAll(() => product?.close());

  it('covers every automated check roadmap items name, except the monitoring ones', () => {
    expect([...CHECK_IDS].sort()).toEqual(['cdn', 'chat', 'cookies', 'cors', 'dkim', 'dmarc', 'dns', 'error-pages', 'exposed-paths', 'hsts', 'latency', 'mixed-content', 'open-endpoints', 'payment-webhook', 'rate-limit', 'redirects', 'secrets', 'security-headers', 'spf', 'static-caching', 'tls'].sort());
    for (const check of CATALOGUE) expect(check.title.length).toBeGreaterThan(5);
  });

  it('runs the whole catalogue against the test product; only the planted secrets fail; nothing secret leaks out', async () => {
    const progress: RunProgress[] = [];
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))));
    const started = performance.now();
    let results: Awaited<ReturnType<typeof runChecks>>;
    try {
      // The test's stopwatch, not the machine's: a loaded machine must not turn the product's quick answers into a latency warning.
      results = await runChecks(product.target, declaredTimings(product.deps), { onProgress: (p) => progress.push(p) });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const elapsed = performance.now() - started;
    console.log(`[catalogue] ${CHECK_IDS.length} checks against the test product in ${Math.round(elapsed)} ms: ${Object.entries(results).map(([id, r]) => `${id}=${r?.status}(${r?.durationMs}ms)`).join(' ')}`);
    // The time is printed, not asserted: speed is measured by the benchmarks, not by a test on a shared machine.

    const statuses = Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r?.status]));
    const unexpected = Object.entries(results).filter(([id, r]) => id !== 'secrets' && r?.status !== 'pass').map(([id, r]) => ({ id, findings: r?.findings.map((f) => `${f.code}: ${f.message}`) }));
    expect(unexpected).toEqual([]);
    expect(statuses.secrets).toBe('fail');
    expect(results.secrets?.findings.filter((f) => f.severity === 'critical')).toHaveLength(9);
    expect(results['rate-limit']?.findings[0]?.code).toBe('rate-limit.limited');
    expect(results.cdn?.findings[0]?.evidence).toMatchObject({ providers: ['Vercel'] });
    expect(results['security-headers']?.evidence).toMatchObject({ grade: 'A' });

    // The test product has no chat and no payment webhook endpoint: those checks do not apply, so they are not run.
    const applicable = CATALOGUE.filter((check) => appliesTo(check, product.target)).length;
    expect(applicable).toBe(CHECK_IDS.length - 2);
    expect(results.chat).toBeUndefined();
    expect(results['payment-webhook']).toBeUndefined();
    expect(progress.filter((p) => p.type === 'finished')).toHaveLength(applicable);
    expect(progress.at(-1)).toMatchObject({ type: 'finished', done: applicable, total: applicable });

    const everything = [JSON.stringify(results), ...printed].join('\n');
    for (const value of detectableValues(product.secrets!)) expect(everything).not.toContain(value);
  });

  it('runs only the checks asked for', async () => {
    const results = await runChecks(product.target, product.deps, { only: ['spf', 'dmarc', 'nonsense'] });
    expect(Object.keys(results)).toEqual(['spf', 'dmarc']);
    expect(results.spf?.status).toBe('pass');
  });

  it('keeps going when a check throws or hangs', async () => {
    const pass = async (): Promise<CheckResult> => ({ status: 'pass', findings: [] });
    const catalogue: CatalogueEntry[] = [
      { id: 'dns', title: 'Throws', needs: [], active: false, run: () => Promise.reject(new Error('boom')) },
      { id: 'tls', title: 'Hangs', needs: [], active: false, run: () => new Promise<CheckResult>(() => undefined) },
      { id: 'cdn', title: 'Fine', needs: [], active: false, run: pass },
    ];
    const results = await runChecks(product.target, product.deps, { catalogue, timeoutMs: 200, onProgress: () => { throw new Error('listener broke'); } });
    expect(results.dns).toMatchObject({ status: 'error', findings: [{ code: 'dns.crashed', severity: 'info' }] });
    expect(results.tls).toMatchObject({ status: 'error', findings: [{ code: 'tls.timed-out' }] });
    expect(results.cdn?.status).toBe('pass');
  });
});
