/**
 * Readiness that explains itself: a severity-weighted share of the applicable items that passed,
 * with what counted, what is missing and the one thing to do next.
 */
import { SEVERITY_ORDER, type AssessedItem } from './assessment-types';
import type { Severity } from '@/lib/vocabulary/roadmap-template';

/** A critical item weighs as much as eight low ones. Documented on the readiness panel. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 8, high: 4, medium: 2, low: 1 };

export type Readiness = {
  /** 0–100; null when nothing applies yet. */
  score: number | null;
  applicable: number;
  passed: number;
  notApplicable: number;
  failed: number;
  /** Open or failed items, most severe first (failed before open), at most five. */
  missing: AssessedItem[];
  next: AssessedItem | null;
  /** What counted and how, without the next step (shown beside it as a link). */
  summary: string;
  explanation: string;
};

function byUrgency(a: AssessedItem, b: AssessedItem): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    Number(b.status === 'failed') - Number(a.status === 'failed') ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')
  );
}

export function assessReadiness(items: readonly AssessedItem[]): Readiness {
  const applicable = items.filter((i) => i.status !== 'not_applicable');
  const passed = applicable.filter((i) => i.status === 'passed');
  const failed = applicable.filter((i) => i.status === 'failed');
  const weightOf = (list: readonly AssessedItem[]) => list.reduce((sum, i) => sum + SEVERITY_WEIGHT[i.severity], 0);
  const total = weightOf(applicable);
  const score = total === 0 ? null : Math.round((weightOf(passed) / total) * 100);
  const open = applicable.filter((i) => i.status !== 'passed').sort(byUrgency);
  const next = open[0] ?? null;
  const parts = [
    `${passed.length} of ${applicable.length} applicable items passed`,
    items.length > applicable.length ? `${items.length - applicable.length} marked not applicable` : null,
    failed.length > 0 ? `${failed.length} failing` : null,
  ].filter(Boolean);
  const summary = score === null ? 'Nothing to assess yet.' : `${parts.join(', ')}. Items are weighted by severity (critical ×8, high ×4, medium ×2, low ×1).`;
  const explanation =
    score === null ? summary : summary + (next ? ` Next: “${next.title.replace(/\.$/, '')}”.` : ' Everything applicable has passed.');
  return { score, applicable: applicable.length, passed: passed.length, notApplicable: items.length - applicable.length, failed: failed.length, missing: open.slice(0, 5), next, summary, explanation };
}

/** Plain progress for a stage stepper: share of applicable items that passed. */
export function stageProgress(items: readonly AssessedItem[]): number {
  const applicable = items.filter((i) => i.status !== 'not_applicable');
  if (applicable.length === 0) return items.length > 0 ? 100 : 0;
  return Math.round((applicable.filter((i) => i.status === 'passed').length / applicable.length) * 100);
}
