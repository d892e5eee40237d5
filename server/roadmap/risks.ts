/**
 * The risk list, findings first: what the checks found (open, regressed, or accepted past its
 * expiry), the risks people added, checklist items that fail without a finding to explain them,
 * critical items nobody has verified, and checks that could not run. One list, ranked by
 * severity × business impact, so revenue and trust problems of the same severity come first.
 */
import type { AssessedItem } from './assessment-types';
import { SEVERITIES, type ImpactArea, type Severity } from '@/lib/vocabulary/roadmap';
import type { ActionWhere } from '@/server/check-runs/applicability';

/** Severity dominates (a critical problem outranks any high one); impact orders within it. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 8, high: 4, medium: 2, low: 1 };
export const IMPACT_WEIGHT: Record<ImpactArea, number> = { revenue: 1.5, security: 1.5, deliverability: 1.5, onboarding: 1.2, operations: 1 };
const IMPACT_TIE_BREAK: Record<ImpactArea, number> = { revenue: 0, security: 1, deliverability: 2, onboarding: 3, operations: 4 };

export type RiskState = 'open' | 'regressed' | 'acceptance-expired' | 'failing' | 'unverified' | 'manual' | 'cannot-run';
const STATE_ORDER: Record<RiskState, number> = { regressed: 0, open: 1, 'acceptance-expired': 2, failing: 3, manual: 4, 'cannot-run': 5, unverified: 6 };

export type BlockedItem = { id: string; title: string; stageKey: AssessedItem['stageKey'] };

export type RankedRisk = {
  source: 'finding' | 'item' | 'manual' | 'check';
  id: string;
  title: string;
  severity: Severity;
  impact: ImpactArea;
  state: RiskState;
  /** How to fix it (findings, checks that could not run). */
  fix: string | null;
  /** Where in the app the fix is done, relative to /p/<projectId> (checks that could not run). */
  actionWhere: ActionWhere | null;
  /** The host, URL or key a finding is about. */
  subject: string | null;
  checkId: string | null;
  /** Checklist items this finding (or blocked check) keeps from passing. */
  blocks: BlockedItem[];
  owner: string | null;
  deadline: string | null;
  stageKey: AssessedItem['stageKey'] | null;
  firstSeenAt: string | null;
  rank: number;
  score: number;
};

export type OpenFinding = {
  id: string;
  checkId: string;
  message: string;
  fix: string;
  subject: string;
  severity: Severity;
  impact: ImpactArea;
  state: 'open' | 'regressed' | 'acceptance-expired';
  owner: string | null;
  dueDate: string | null;
  firstSeenAt: string;
};

export type ManualRiskInput = { id: string; title: string; severity: Severity; impact: ImpactArea; owner: string | null; deadline: string | null };

/** A check that applies but could not run in the latest project run, with what unblocks it and where. */
export type BlockedCheck = { checkId: string; title: string; reason: string; action: string; where?: ActionWhere | null };

export type RiskItem = AssessedItem & { automatedCheck: string | null };

export function rankRisks(input: { items: readonly RiskItem[]; findings: readonly OpenFinding[]; manual: readonly ManualRiskInput[]; blockedChecks: readonly BlockedCheck[] }): RankedRisk[] {
  const itemsByCheck = new Map<string, RiskItem[]>();
  for (const item of input.items) {
    if (!item.automatedCheck || item.status === 'passed' || item.status === 'not_applicable') continue;
    itemsByCheck.set(item.automatedCheck, [...(itemsByCheck.get(item.automatedCheck) ?? []), item]);
  }
  const blocksOf = (checkId: string): BlockedItem[] => (itemsByCheck.get(checkId) ?? []).map((i) => ({ id: i.id, title: i.title, stageKey: i.stageKey }));
  const checksWithFindings = new Set(input.findings.map((f) => f.checkId));

  const base = { fix: null, actionWhere: null, subject: null, checkId: null, blocks: [] as BlockedItem[], firstSeenAt: null, stageKey: null };
  const fromFindings = input.findings.map((f) => ({
    ...base,
    source: 'finding' as const,
    id: f.id,
    title: f.message,
    severity: f.severity,
    impact: f.impact,
    state: f.state,
    fix: f.fix,
    subject: f.subject,
    checkId: f.checkId,
    blocks: blocksOf(f.checkId),
    owner: f.owner,
    deadline: f.dueDate,
    firstSeenAt: f.firstSeenAt,
  }));
  // A failing item whose check has open findings is already explained by them.
  const fromItems = input.items
    .filter((i) => (i.status === 'failed' && !(i.automatedCheck && checksWithFindings.has(i.automatedCheck))) || (i.severity === 'critical' && (i.status === 'todo' || i.status === 'in_progress')))
    .map((i) => ({
      ...base,
      source: 'item' as const,
      id: i.id,
      title: i.title,
      severity: i.severity,
      impact: i.impact,
      state: i.status === 'failed' ? ('failing' as const) : ('unverified' as const),
      checkId: i.automatedCheck,
      owner: i.ownerLabel,
      deadline: i.dueDate,
      stageKey: i.stageKey,
    }));
  const fromPeople = input.manual.map((r) => ({ ...base, source: 'manual' as const, ...r, state: 'manual' as const }));
  const fromChecks = input.blockedChecks.map((c) => {
    const blocks = blocksOf(c.checkId);
    const severity = SEVERITIES.find((s) => (itemsByCheck.get(c.checkId) ?? []).some((i) => i.severity === s)) ?? 'medium';
    return {
      ...base,
      source: 'check' as const,
      id: c.checkId,
      title: c.reason,
      severity,
      impact: (itemsByCheck.get(c.checkId) ?? [])[0]?.impact ?? ('security' as ImpactArea),
      state: 'cannot-run' as const,
      fix: c.action,
      actionWhere: c.where ?? null,
      checkId: c.checkId,
      blocks,
      owner: null,
      deadline: null,
    };
  });
  return [...fromFindings, ...fromItems, ...fromPeople, ...fromChecks]
    .map((risk) => ({ ...risk, score: SEVERITY_WEIGHT[risk.severity] * IMPACT_WEIGHT[risk.impact] }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        IMPACT_TIE_BREAK[a.impact] - IMPACT_TIE_BREAK[b.impact] ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        (a.firstSeenAt ?? '').localeCompare(b.firstSeenAt ?? ''),
    )
    .map((risk, index) => ({ ...risk, rank: index + 1 }));
}
