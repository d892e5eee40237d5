import { describe, expect, it } from 'vitest';
import { ageLabel } from '@/components/ui/age';
import { attentionOf, rankAndSort, type ProjectStatus } from './attention';

const NOW = new Date('2026-03-10T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function status(name: string, over: Partial<ProjectStatus> = {}): ProjectStatus {
  return { id: name, name, primaryDomain: `${name}.example`, archived: false, readiness: 50, verdict: 'not-yet', verdictReason: null, openFindings: { critical: 0, high: 0 }, monitorsDown: 0, lastRunAt: daysAgo(1), ...over };
}

describe('needs attention', () => {
  it('flags a run as stale only after more than 7 whole days, as the verdict does', () => {
    expect(attentionOf(status('a', { lastRunAt: daysAgo(7) }), NOW).level).toBe('none');
    expect(attentionOf(status('a', { lastRunAt: daysAgo(8) }), NOW)).toEqual({ level: 'stale', reason: 'The checks last ran 8 days ago.' });
  });

  it('puts no-go first, then findings and monitors down (most first), then stale runs', () => {
    const order = rankAndSort(
      [
        status('stale', { lastRunAt: null }),
        status('one-high', { openFindings: { critical: 0, high: 1 } }),
        status('fine'),
        status('three-high', { openFindings: { critical: 0, high: 3 } }),
        status('down', { monitorsDown: 2 }),
        status('nogo', { verdict: 'no-go', verdictReason: 'Critical item failing: TLS' }),
      ],
      'attention',
      'asc',
      NOW,
    ).map((s) => s.name);
    expect(order).toEqual(['nogo', 'three-high', 'one-high', 'down', 'stale', 'fine']);
  });

  it('sorts readiness lowest first, a project with no score yet before all', () => {
    const order = rankAndSort([status('b', { readiness: 80 }), status('a', { readiness: null }), status('c', { readiness: 10 })], 'readiness', 'asc', NOW).map((s) => s.name);
    expect(order).toEqual(['a', 'c', 'b']);
  });
});

describe('ageLabel', () => {
  it('says how long ago, in days for evidence age', () => {
    expect(ageLabel(null, NOW)).toBe('never');
    expect(ageLabel(daysAgo(3), NOW)).toBe('3 days ago');
    expect(ageLabel(daysAgo(1), NOW)).toBe('1 day ago');
    expect(ageLabel(new Date(NOW.getTime() - 2 * 3_600_000).toISOString(), NOW)).toBe('2 hours ago');
    expect(ageLabel(NOW.toISOString(), NOW)).toBe('just now');
    expect(ageLabel(daysAgo(45), NOW)).toBe('45 days ago');
  });
});
