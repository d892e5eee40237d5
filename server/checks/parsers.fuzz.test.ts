/**
 * Issue 17.10: the parsers of what strangers' servers send, and the secret detector, under
 * 10,000 generated cases each plus adversarial inputs (long runs of what their regexes repeat,
 * nested quotes, huge header values, 5 MB bundles). No exception escapes (a documented syntax
 * error is an answer) and no case exceeds a generous time bound for its size
 * (test/checks/fuzz/measure.ts). Figures: npx tsx scripts/fuzz-parsers.ts.
 */
import { describe, expect, it } from 'vitest';
import { TARGETS } from '@/test/checks/fuzz/targets';
import { DEFAULT_CASES, measure } from '@/test/checks/fuzz/measure';

/**
 * The secretlint bundle scan is measured by scripts/fuzz-parsers.ts only: under vitest its run
 * passes its bound but the test file then does not finish (a worker stays busy after the last
 * test; seen 2026-12-02, not yet explained), which would stall CI.
 */
const IN_VITEST = TARGETS.filter((t) => !t.name.startsWith('bundle secret scan'));

describe('parsers under hostile input', () => {
  it.each(IN_VITEST.map((t) => [t.name, t] as const))('%s: 10,000 generated cases and the adversarial ones, no crash, bounded time', async (_name, target) => {
    const figures = await measure(target);
    expect(figures.cases).toBeGreaterThanOrEqual(DEFAULT_CASES);
    expect(figures.adversarial).toBeGreaterThan(0);
    expect(figures.crashes).toEqual([]);
    expect(figures.overBound).toEqual([]);
  }, 120_000);
});
