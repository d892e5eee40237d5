import { describe, expect, it } from 'vitest';
import type { AssessedItem } from './assessment-types';
import { assessReadiness, stageProgress } from './readiness';

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
