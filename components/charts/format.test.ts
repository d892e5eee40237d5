import { describe, expect, it } from 'vitest';
import { emptyPeriodLabel, formatMs, niceTicks } from './format';
import { latencySummary, uptimeSummary } from './summaries';
import type { PanelPoint } from './types';

describe('chart axes and words', () => {
  it('puts ticks on even steps from zero that cover the highest value', () => {
    expect(niceTicks(1530)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(42.858)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const max of [3, 17, 99.9, 480, 2600, 12_345]) {
      const ticks = niceTicks(max);
      const steps = new Set(ticks.slice(1).map((t, i) => Number((t - ticks[i]!).toPrecision(9))));
      expect(steps.size).toBe(1);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
    expect(niceTicks(1530).map(formatMs)).toEqual(['0 ms', '500 ms', '1 s', '1.5 s', '2 s']);
  });

  it('labels periods without checks as paused only from the pause on', () => {
    const pausedSince = Date.parse('2026-05-07T10:20:00Z');
    expect(emptyPeriodLabel(Date.parse('2026-05-07T09:00:00Z'), 'hour', pausedSince)).toBe('no checks');
    expect(emptyPeriodLabel(Date.parse('2026-05-07T10:00:00Z'), 'hour', pausedSince)).toBe('paused');
    expect(emptyPeriodLabel(Date.parse('2026-05-07T00:00:00Z'), 'day', pausedSince)).toBe('paused');
    expect(emptyPeriodLabel(Date.parse('2026-05-07T10:00:00Z'), 'hour', null)).toBe('no checks');
  });

  it('says in one sentence what each chart shows', () => {
    const point = (h: number, fields: Partial<PanelPoint>): PanelPoint => ({ start: Date.parse(`2026-05-07T${String(h).padStart(2, '0')}:00:00Z`), checks: 0, failures: 0, missed: 0, uptimePercent: null, errorRatePercent: null, p50Ms: null, p95Ms: null, p99Ms: null, ...fields });
    const points = [point(9, {}), point(10, { checks: 7, failures: 3, uptimePercent: 57.142, errorRatePercent: 42.858, p95Ms: 480 }), point(11, { checks: 4, uptimePercent: 100, errorRatePercent: 0, p95Ms: 120 })];
    expect(uptimeSummary(points, 'hour', 99.9)).toBe('Checks ran in 2 of 3 periods. Lowest uptime 57.142 %, Thu 7 May, 10:00–11:00 UTC. 1 period below the 99.9 % target.');
    expect(latencySummary(points, 'hour', [{ kind: 'common-read', kindLabel: 'common reads', ms: 500, from: "the playbook's p95 for common reads" }])).toBe('p95 between 120 ms and 480 ms (highest Thu 7 May, 10:00–11:00 UTC). 0 periods over the 500 ms target.');
    expect(
      latencySummary(points, 'hour', [
        { kind: 'common-read', kindLabel: 'common reads', ms: 300, from: "the playbook's p95 for common reads" },
        { kind: 'heavy-action', kindLabel: 'heavier actions', ms: 800, from: "the playbook's p95 for heavier actions" },
      ]),
    ).toBe('p95 between 120 ms and 480 ms (highest Thu 7 May, 10:00–11:00 UTC). 1 period over the 300 ms target for common reads; 0 periods over the 800 ms target for heavier actions.');
  });
});
