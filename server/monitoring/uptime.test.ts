import { describe, expect, it } from 'vitest';
import { addCounts, checksSentence, errorRatePercent, formatUptime, uptimeLine, uptimePercent } from './uptime';

describe('one uptime definition', () => {
  it('puts a monitor that never succeeded at 0 %, from its first check on', () => {
    expect(uptimePercent({ checks: 1, failures: 1 })).toBe(0);
    expect(uptimePercent({ checks: 3, failures: 3 })).toBe(0);
    expect(errorRatePercent({ checks: 3, failures: 3 })).toBe(100);
  });

  it('counts nothing for a period without checks (paused, not created yet, missed)', () => {
    expect(uptimePercent({ checks: 0, failures: 0 })).toBeNull();
    expect(errorRatePercent({ checks: 0, failures: 0 })).toBeNull();
    expect(checksSentence({ checks: 0, failures: 0 }, { paused: true })).toBe('paused: no checks ran');
    expect(uptimeLine({ checks: 0, failures: 0 }, 'last 24 h')).toBe('Uptime, last 24 h: not measured (no checks ran).');
  });

  it('is the share of checks that succeeded, and the error rate is the rest', () => {
    // The reported project: one monitor fine, one never succeeding, 3 of 7 checks failed.
    const project = addCounts([
      { checks: 4, failures: 0 },
      { checks: 3, failures: 3 },
    ]);
    expect(project).toEqual({ checks: 7, failures: 3 });
    expect(uptimePercent(project)).toBe(57.142);
    expect(errorRatePercent(project)).toBe(42.858);
    expect(uptimePercent(project)! + errorRatePercent(project)!).toBeCloseTo(100, 9);
    expect(uptimeLine(project, 'last 24 h')).toBe('Uptime, last 24 h: 57.142 % (4 of 7 checks succeeded).');
  });

  it('never shows 100 % while a check failed (cut, not rounded)', () => {
    const week = { checks: 100_800, failures: 1 };
    expect(uptimePercent(week)).toBe(99.999);
    expect(formatUptime(uptimePercent(week))).toBe('99.999 %');
    expect(formatUptime(uptimePercent({ checks: 10, failures: 0 }))).toBe('100 %');
    expect(formatUptime(uptimePercent({ checks: 1000, failures: 1 }))).toBe('99.9 %');
    expect(formatUptime(null)).toBe('—');
  });

  it('stays within 0–100 on inconsistent counts', () => {
    expect(uptimePercent({ checks: 2, failures: 5 })).toBe(0);
    expect(uptimePercent({ checks: 2, failures: -1 })).toBe(100);
  });
});
