import { describe, expect, it } from 'vitest';
import { rankRisks, type OpenFinding, type RiskItem } from './risks';

let n = 0;
function item(partial: Partial<RiskItem>): RiskItem {
  n++;
  return { id: `i${n}`, title: `Item ${n}`, stageKey: 'perimeter', severity: 'medium', impact: 'operations', status: 'todo', dueDate: null, ownerLabel: null, automatedCheck: null, ...partial };
}
function finding(partial: Partial<OpenFinding>): OpenFinding {
  n++;
  return { id: `f${n}`, checkId: 'tls', message: `Finding ${n}`, fix: 'Renew it.', subject: 'shop.example', severity: 'high', impact: 'security', state: 'open', owner: null, dueDate: null, firstSeenAt: '2026-12-01T00:00:00.000Z', ...partial };
}

describe('the findings-first risk list', () => {
  it('ranks by severity × business impact, concrete findings before items of the same weight', () => {
    const ranked = rankRisks({
      items: [
        item({ impact: 'operations', severity: 'critical', status: 'failed', title: 'ops failing' }),
        item({ impact: 'security', severity: 'critical', status: 'todo', title: 'critical unverified' }),
        item({ impact: 'revenue', severity: 'high', status: 'todo', title: 'high unverified (not a risk)' }),
        item({ impact: 'security', severity: 'low', status: 'failed', title: 'low failing' }),
      ],
      findings: [finding({ severity: 'critical', message: 'Stripe live key in main.js', checkId: 'secrets' }), finding({ severity: 'high', impact: 'deliverability', message: 'SPF allows everyone', checkId: 'spf' })],
      manual: [{ id: 'm1', title: 'No on-call', severity: 'high', impact: 'operations', owner: 'Sam', deadline: '2026-12-10' }],
      blockedChecks: [],
    });
    expect(ranked.map((r) => r.title)).toEqual(['Stripe live key in main.js', 'critical unverified', 'ops failing', 'SPF allows everyone', 'No on-call', 'low failing']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranked[0]).toMatchObject({ source: 'finding', fix: 'Renew it.', subject: 'shop.example', state: 'open' });
  });

  it('shows which items a finding blocks, and leaves out a failing item its findings already explain', () => {
    const tlsItem = item({ automatedCheck: 'tls', status: 'failed', severity: 'critical', impact: 'security', title: 'Certificates valid' });
    const ranked = rankRisks({ items: [tlsItem], findings: [finding({ checkId: 'tls', severity: 'critical', message: 'Certificate expired' })], manual: [], blockedChecks: [] });
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.blocks).toEqual([{ id: tlsItem.id, title: 'Certificates valid', stageKey: 'perimeter' }]);
  });

  it('lists a check that could not run with the action that unblocks it, as severe as the items it would settle', () => {
    const limitItem = item({ automatedCheck: 'rate-limit', severity: 'high', impact: 'security', status: 'todo' });
    const ranked = rankRisks({
      items: [limitItem],
      findings: [],
      manual: [],
      blockedChecks: [{ checkId: 'rate-limit', title: 'Rate limit', reason: 'The sign-in rate limit was not probed.', action: 'Prove you own shop.example.', where: 'settings#ownership' }],
    });
    expect(ranked).toEqual([
      expect.objectContaining({ source: 'check', state: 'cannot-run', severity: 'high', fix: 'Prove you own shop.example.', actionWhere: 'settings#ownership', title: 'The sign-in rate limit was not probed.' }),
    ]);
    expect(ranked[0]!.blocks.map((b) => b.id)).toEqual([limitItem.id]);
  });
});
