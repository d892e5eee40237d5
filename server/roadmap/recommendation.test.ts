import { describe, expect, it } from 'vitest';
import type { AssessedItem } from './assessment-types';
import { recommend, reasonsOf, type VerdictEvidence, type VerdictItem } from './recommendation';

const NOW = '2026-12-02T12:00:00.000Z';
let n = 0;
function item(partial: Partial<VerdictItem>): VerdictItem {
  n++;
  const base: AssessedItem = { id: `i${n}`, title: `Item ${n}`, stageKey: 'audit', severity: 'medium', impact: 'operations', status: 'todo', dueDate: null, ownerLabel: null };
  return { ...base, latestCheckEvidenceAt: null, ...partial };
}
/** A project where everything measured is fine: one critical item passed on fresh evidence, a monitor within target. */
function healthy(partial: Partial<VerdictEvidence> = {}): VerdictEvidence {
  return {
    now: NOW,
    items: [item({ severity: 'critical', status: 'passed', title: 'TLS valid', latestCheckEvidenceAt: '2026-12-01T10:00:00.000Z' })],
    findings: [],
    monitors: [{ id: 'm1', name: 'Homepage', p95Ms: 180, p95TargetMs: 300, targetLabel: 'a common read', uptimePercent: 100, checks: 10_080, failures: 0 }],
    uptimeTargetPercent: 99.9,
    openIncidents: [],
    lastProjectRunAt: '2026-12-01T10:00:00.000Z',
    lastProjectRunId: 'run1',
    founder: { noCount: 0, threshold: 2 },
    ...partial,
  };
}
const finding = (severity: string, id = `f-${severity}`) => ({ id, severity, message: `A ${severity} problem.`, subject: 'app.shop.example', lastSeenAt: NOW });

describe('go / no-go from measured evidence', () => {
  it('is go only when nothing applies, and says what it rests on', () => {
    const result = recommend(healthy());
    expect(result.verdict).toBe('go');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]!.text).toContain('1 critical item passed with evidence, 1 monitor within target');
  });

  it('is no-go on an open critical finding, linking to it on the risk page', () => {
    const result = recommend(healthy({ findings: [finding('critical', 'abc')] }));
    expect(result.verdict).toBe('no-go');
    expect(result.reasons[0]).toEqual({ level: 'no-go', kind: 'finding', text: 'Critical finding on app.shop.example: A critical problem.', href: 'risks#finding-abc' });
  });

  it('is no-go on a failing critical item, linking to the item', () => {
    const failing = item({ severity: 'critical', status: 'failed', title: 'Backups restore', stageKey: 'deployment' });
    const result = recommend(healthy({ items: [failing] }));
    expect(result.verdict).toBe('no-go');
    expect(result.reasons.map((r) => r.href)).toContain(`stages/deployment#item-${failing.id}`);
  });

  it.each([
    ['an open high finding', { findings: [finding('high')] }, 'finding'],
    ['an unverified critical item', { items: [item({ severity: 'critical', status: 'in_progress' })] }, 'item'],
    ['a 7-day p95 over the target for the endpoint kind', { monitors: [{ id: 'm2', name: 'Checkout', p95Ms: 1_200, p95TargetMs: 800, targetLabel: 'a heavy action', uptimePercent: 100, checks: 500, failures: 0 }] }, 'latency'],
    ['uptime under target', { monitors: [{ id: 'm3', name: 'API', p95Ms: 100, p95TargetMs: 300, targetLabel: 'a common read', uptimePercent: 99.2, checks: 500, failures: 4 }] }, 'uptime'],
    ['an open incident', { openIncidents: [{ id: 'x', monitorId: 'm1', monitorName: 'Homepage', startedAt: '2026-12-02T11:00:00.000Z' }] }, 'incident'],
    ['no whole-project run yet', { lastProjectRunAt: null, lastProjectRunId: null }, 'stale'],
    ['a whole-project run older than 7 days', { lastProjectRunAt: '2026-11-20T10:00:00.000Z' }, 'stale'],
    ['critical check evidence older than 7 days', { items: [item({ severity: 'critical', status: 'passed', latestCheckEvidenceAt: '2026-11-01T00:00:00.000Z' })] }, 'stale'],
    ['two "no" answers on the founder checklist', { founder: { noCount: 2, threshold: 2 } }, 'founder'],
  ] as const)('is not yet on %s', (_label, change, kind) => {
    const result = recommend(healthy(change as Partial<VerdictEvidence>));
    expect(result.verdict).toBe('not-yet');
    expect(result.reasons.map((r) => r.kind)).toContain(kind);
    expect(result.reasons.every((r) => r.href !== null)).toBe(true);
  });

  it('ignores monitors that measured nothing, medium findings and one "no" answer', () => {
    const result = recommend(
      healthy({
        findings: [finding('medium')],
        monitors: [{ id: 'm4', name: 'Paused', p95Ms: null, p95TargetMs: 300, targetLabel: 'a common read', uptimePercent: null, checks: 0, failures: 0 }],
        founder: { noCount: 1, threshold: 2 },
      }),
    );
    expect(result.verdict).toBe('go');
  });

  it('reads reasons stored as plain text by older decisions', () => {
    expect(reasonsOf({ reasons: ['Critical item failing: TLS'] })).toEqual([{ level: 'ok', kind: 'summary', text: 'Critical item failing: TLS', href: null }]);
  });
});
