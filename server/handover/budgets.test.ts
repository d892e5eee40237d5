import { describe, expect, it } from 'vitest';
import { budgetSentence, missedBudgets, targetCell } from './budgets';

const monitor = (name: string, p95Ms: number | null, p95TargetMs: number | null, targetKind: string | null = 'common reads', targetFrom: string | null = "the playbook's p95 for common reads") => ({ name, p95Ms, p95TargetMs, targetKind, targetFrom });

describe('latency budgets in the pack', () => {
  it('names each missed budget with the target and where it came from', () => {
    const list = [monitor('Homepage', 180, 300), monitor('Checkout', 1_204, 800, 'heavier actions', "the playbook's p95 for heavier actions"), monitor('Certificate', null, null, null, null)];
    expect(missedBudgets(list).map((m) => m.name)).toEqual(['Checkout']);
    expect(budgetSentence(list)).toBe("Latency budgets missed over the 7 days: Checkout (p95 1204 ms against 800 ms for heavier actions: the playbook's p95 for heavier actions).");
    expect(targetCell(list[1]!)).toBe('800 ms, heavier actions');
    expect(targetCell(list[2]!)).toBe('—');
  });

  it('says when every budget held, or when nothing could be judged', () => {
    expect(budgetSentence([monitor('Homepage', 180, 300)])).toBe('Latency budgets: the one monitor with a p95 stayed within target over the 7 days.');
    expect(budgetSentence([monitor('Homepage', null, 300)])).toContain('no monitor has measured a p95 yet');
  });
});
