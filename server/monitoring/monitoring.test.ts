import { describe, expect, it } from 'vitest';
import { bucketOf, bucketValue, exactQuantile, histogramOf, mergeInto, quantiles, RELATIVE_ERROR } from './histogram';
import { firstSlot, graceMs, missedPerHour, skipMissed, slotOffsetMs } from './schedule';
import { applyResult } from './state';
import { statusMatches } from './probe';
import { signWebhook } from './alerts/send';

describe('histogram', () => {
  it('reads every bucket back within the promised relative error', () => {
    for (let ms = 0.05; ms < 120_000; ms *= 1.013) {
      expect(Math.abs(bucketValue(bucketOf(ms)) - ms) / ms).toBeLessThanOrEqual(RELATIVE_ERROR + 1e-12);
    }
    expect(RELATIVE_ERROR).toBeLessThanOrEqual(0.02);
  });

  it('merged hourly histograms give the same quantiles as one histogram of all samples', () => {
    const hours = Array.from({ length: 168 }, (_, h) => Array.from({ length: 60 }, (_, i) => 5 + ((h * 7 + i * 13) % 400) + (i % 20 === 0 ? 3000 : 0)));
    const merged = hours.map((s) => histogramOf(s)).reduce((a, b) => mergeInto(a, b), {});
    const all = hours.flat();
    for (const q of [0.5, 0.95, 0.99]) {
      const [estimate] = quantiles(merged, [q]);
      const exact = exactQuantile(all, q)!;
      expect(Math.abs(estimate! - exact) / exact).toBeLessThanOrEqual(0.02);
    }
    expect(quantiles({}, [0.95])).toEqual([null]);
  });
});

describe('schedule', () => {
  it('spreads 10,000 monitors evenly over the interval', () => {
    const perSecond = new Array(60).fill(0);
    for (let i = 0; i < 10_000; i += 1) perSecond[Math.floor(slotOffsetMs(`monitor-${i}`, 60_000) / 1000)] += 1;
    expect(Math.max(...perSecond)).toBeLessThan(230); // ≈ 167 per second on average
    expect(Math.min(...perSecond)).toBeGreaterThan(110);
  });

  it('places the first slot on the grid, within one interval', () => {
    const now = new Date('2026-01-01T12:00:00.000Z');
    const slot = firstSlot('abc', 60, now);
    expect(slot.getTime()).toBeGreaterThan(now.getTime());
    expect(slot.getTime() - now.getTime()).toBeLessThanOrEqual(60_000);
    expect((slot.getTime() - slotOffsetMs('abc', 60_000)) % 60_000).toBe(0);
  });

  it('turns a long gap into missed slots and resumes at the next grid slot', () => {
    const scheduled = new Date('2026-01-01T10:59:00.000Z');
    const { missed, next } = skipMissed(scheduled, 60, new Date('2026-01-01T11:02:30.000Z'));
    expect(missed).toHaveLength(4);
    expect(next.toISOString()).toBe('2026-01-01T11:03:00.000Z');
    expect([...missedPerHour(missed).values()]).toEqual([1, 3]);
    expect(graceMs(30)).toBe(15_000);
  });
});

describe('alert state', () => {
  const base = { failThreshold: 2, recoverThreshold: 2, consecutiveFailures: 0, consecutiveSuccesses: 0 };
  it('goes down after N failures and recovers after M successes, once each', () => {
    let s = { ...base, state: 'up' as const } as Parameters<typeof applyResult>[0];
    const transitions = [];
    for (const ok of [false, false, false, true, false, true, true, true]) {
      const step = applyResult(s, ok);
      transitions.push(step.transition);
      s = { ...s, ...step };
    }
    expect(transitions).toEqual([null, 'down', null, null, null, null, 'recovered', null]);
  });
  it('treats the first success as the start, not a recovery', () => {
    expect(applyResult({ ...base, state: 'pending' }, true).transition).toBe('first-up');
  });
});

it('matches status rules and signs webhooks reproducibly', () => {
  expect(statusMatches('success', 302)).toBe(true);
  expect(statusMatches('success', 404)).toBe(false);
  expect(statusMatches('no-server-error', 404)).toBe(true);
  expect(statusMatches('204', 204)).toBe(true);
  expect(signWebhook('s3cret', 1700000000, '{}')).toBe(signWebhook('s3cret', 1700000000, '{}'));
  expect(signWebhook('s3cret', 1700000000, '{}')).toMatch(/^v1=[0-9a-f]{64}$/);
});
