/**
 * The risk list: failed and open checklist items plus risks a person added, in fix order —
 * revenue and trust (security, deliverability) first, then onboarding, then operations; within
 * a tier, most severe first, failures before unverified items, revenue before trust.
 */
import { SEVERITY_ORDER, type AssessedItem } from './assessment-types';
import type { ImpactArea, Severity } from './types';

export const IMPACT_TIER: Record<ImpactArea, number> = { revenue: 0, security: 0, deliverability: 0, onboarding: 1, operations: 2 };
const IMPACT_TIE_BREAK: Record<ImpactArea, number> = { revenue: 0, security: 1, deliverability: 2, onboarding: 3, operations: 4 };

export type RankedRisk = {
  source: 'item' | 'manual';
  id: string;
  title: string;
  severity: Severity;
  impact: ImpactArea;
  state: 'failing' | 'open' | 'manual';
  owner: string | null;
  deadline: string | null;
  stageKey: AssessedItem['stageKey'] | null;
  rank: number;
};

export type ManualRiskInput = { id: string; title: string; severity: Severity; impact: ImpactArea; owner: string | null; deadline: string | null };

export function rankRisks(items: readonly AssessedItem[], manual: readonly ManualRiskInput[]): RankedRisk[] {
  const fromItems = items
    .filter((i) => i.status === 'failed' || i.status === 'todo' || i.status === 'in_progress')
    .map((i) => ({
      source: 'item' as const,
      id: i.id,
      title: i.title,
      severity: i.severity,
      impact: i.impact,
      state: i.status === 'failed' ? ('failing' as const) : ('open' as const),
      owner: i.ownerLabel,
      deadline: i.dueDate,
      stageKey: i.stageKey,
    }));
  const fromPeople = manual.map((r) => ({ source: 'manual' as const, ...r, state: 'manual' as const, stageKey: null }));
  const stateOrder = { failing: 0, manual: 1, open: 2 };
  return [...fromItems, ...fromPeople]
    .sort(
      (a, b) =>
        IMPACT_TIER[a.impact] - IMPACT_TIER[b.impact] ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        stateOrder[a.state] - stateOrder[b.state] ||
        IMPACT_TIE_BREAK[a.impact] - IMPACT_TIE_BREAK[b.impact] ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    )
    .map((risk, index) => ({ ...risk, rank: index + 1 }));
}
