import { describe, expect, it } from 'vitest';
import type { AssessedItem } from './assessment-types';
import { assessReadiness, stageProgress } from './readiness';
import { recommend } from './recommendation';
import { rankRisks } from './risks';

let n = 0;
function item(partial: Partial<AssessedItem>): AssessedItem {
  n++;
  return { id: `i${n}`, title: `Item ${n}`, stageKey: 'audit', severity: 'medium', impact: 'operations', status: 'todo', dueDate: null, ownerLabel: null, ...partial };
}

describe('readiness', () => {
  it('weights by severity, ignores items that do not apply, and names the next step', () => {
    const critical = item({ severity: 'critical', title: 'Secrets out of the bundle' });
    const result = assessReadiness([
      critical,
      item({ severity: 'low', status: 'passed' }),
      item({ severity: 'high', status: 'passed' }),
      item({ severity: 'medium', status: 'not_applicable' }),
    ]);
    // passed weight 1 + 4 = 5 of 8 + 1 + 4 = 13
    expect(result.score).toBe(38);
    expect(result).toMatchObject({ applicable: 3, passed: 2, notApplicable: 1 });
    expect(result.next?.id).toBe(critical.id);
    expect(result.explanation).toContain('2 of 3 applicable items passed');
    expect(result.explanation).toContain('Secrets out of the bundle');
  });

  it('is null with nothing to assess and 100 when all applicable passed', () => {
    expect(assessReadiness([]).score).toBeNull();
    expect(assessReadiness([item({ status: 'passed' }), item({ status: 'not_applicable' })]).score).toBe(100);
    expect(stageProgress([item({ status: 'passed' }), item({})])).toBe(50);
  });
});

describe('go / no-go', () => {
  it('is no-go when any critical item fails, listing each', () => {
    const result = recommend([item({ severity: 'critical', status: 'failed', title: 'TLS valid' }), item({ severity: 'critical', status: 'passed' })]);
    expect(result).toEqual({ verdict: 'no-go', reasons: ['Critical item failing: TLS valid'] });
  });
  it('is not yet while critical items are unverified, and go once they pass', () => {
    const pending = item({ severity: 'critical', status: 'in_progress', title: 'Backups' });
    expect(recommend([pending]).verdict).toBe('not-yet');
    expect(recommend([{ ...pending, status: 'passed' }, item({ severity: 'high', status: 'failed', title: 'HSTS' })])).toEqual({
      verdict: 'go',
      reasons: ['All 1 critical items passed or do not apply.', 'High-severity item failing: HSTS'],
    });
  });
});

describe('risk ranking', () => {
  it('puts revenue and trust first, then onboarding and operations; severity, failures, then revenue order each tier', () => {
    const ranked = rankRisks(
      [
        item({ impact: 'operations', severity: 'critical', status: 'failed', title: 'ops' }),
        item({ impact: 'onboarding', severity: 'high', title: 'onboarding' }),
        item({ impact: 'security', severity: 'high', status: 'todo', title: 'security open' }),
        item({ impact: 'security', severity: 'high', status: 'failed', title: 'security failing' }),
        item({ impact: 'revenue', severity: 'low', title: 'revenue' }),
        item({ impact: 'revenue', severity: 'high', status: 'failed', title: 'revenue failing' }),
        item({ impact: 'revenue', status: 'passed', title: 'done' }),
      ],
      [{ id: 'm1', title: 'manual deliverability', severity: 'critical', impact: 'deliverability', owner: 'Sam', deadline: '2026-12-01' }],
    );
    expect(ranked.map((r) => r.title)).toEqual(['manual deliverability', 'revenue failing', 'security failing', 'security open', 'revenue', 'onboarding', 'ops']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
