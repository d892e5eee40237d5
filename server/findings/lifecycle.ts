/**
 * What one run changes in a project's findings — a pure plan, applied by record.ts:
 * a problem seen for the first time opens; one seen again after it was fixed regresses; an open
 * (or accepted) one that a check which reached a verdict no longer reports is fixed. Checks that
 * errored or could not run say nothing about their findings, so those stay as they were.
 */
import type { Severity as ItemSeverity, ImpactArea } from '@/lib/vocabulary/roadmap-template';
import type { JsonValue } from '@/server/checks/types';

export type FindingState = 'open' | 'fixed' | 'regressed' | 'accepted';

export type SeenFinding = {
  fingerprint: string;
  checkId: string;
  code: string;
  subject: string;
  severity: ItemSeverity;
  impact: ImpactArea;
  message: string;
  fix: string;
  evidence: JsonValue;
};

export type KnownFinding = { id: string; fingerprint: string; checkId: string; state: FindingState };

export type FindingPlan = {
  open: SeenFinding[];
  /** Seen again: refresh wording and evidence; `regressed` when it had been fixed. */
  seenAgain: { id: string; finding: SeenFinding; regressed: boolean }[];
  fixed: { id: string }[];
};

const RANK: Record<ItemSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** One entry per fingerprint, the most severe wording kept. */
export function dedupe(seen: readonly SeenFinding[]): SeenFinding[] {
  const byPrint = new Map<string, SeenFinding>();
  for (const finding of seen) {
    const kept = byPrint.get(finding.fingerprint);
    if (!kept || RANK[finding.severity] < RANK[kept.severity]) byPrint.set(finding.fingerprint, finding);
  }
  return [...byPrint.values()];
}

export function planFindings(known: readonly KnownFinding[], seen: readonly SeenFinding[], checksWithVerdict: ReadonlySet<string>): FindingPlan {
  const current = dedupe(seen);
  const knownByPrint = new Map(known.map((k) => [k.fingerprint, k]));
  const seenPrints = new Set(current.map((f) => f.fingerprint));
  const plan: FindingPlan = { open: [], seenAgain: [], fixed: [] };
  for (const finding of current) {
    const before = knownByPrint.get(finding.fingerprint);
    if (!before) plan.open.push(finding);
    else plan.seenAgain.push({ id: before.id, finding, regressed: before.state === 'fixed' });
  }
  for (const before of known) {
    if (before.state === 'fixed' || seenPrints.has(before.fingerprint) || !checksWithVerdict.has(before.checkId)) continue;
    plan.fixed.push({ id: before.id });
  }
  return plan;
}

/**
 * The state people see: an acceptance past its expiry date counts as open again.
 * `today` is an ISO date (YYYY-MM-DD).
 */
export function effectiveState(finding: { state: FindingState; acceptedUntil: string | null }, today: string): FindingState | 'acceptance-expired' {
  if (finding.state === 'accepted' && finding.acceptedUntil !== null && finding.acceptedUntil < today) return 'acceptance-expired';
  return finding.state;
}

/** Open for the risk list and the verdict: open, regressed, or accepted past its expiry. */
export function isOpen(finding: { state: FindingState; acceptedUntil: string | null }, today: string): boolean {
  const state = effectiveState(finding, today);
  return state === 'open' || state === 'regressed' || state === 'acceptance-expired';
}
