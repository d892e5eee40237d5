/** Which monitors missed their p95 budget over the 7 days, in words both renderers print. */
import type { MonitorSummary } from './types';
import { fmtMs } from './words';

type Budgeted = Pick<MonitorSummary, 'name' | 'p95Ms' | 'p95TargetMs' | 'targetKind' | 'targetFrom'>;

export function missedBudgets(monitors: readonly Budgeted[]): Budgeted[] {
  return monitors.filter((m) => m.p95Ms !== null && m.p95TargetMs !== null && m.p95Ms > m.p95TargetMs);
}

/** The target column: "800 ms, heavier actions". */
export function targetCell(m: Budgeted): string {
  return m.p95TargetMs === null ? '—' : `${fmtMs(m.p95TargetMs)}, ${m.targetKind ?? 'this monitor'}`;
}

/** One sentence under the monitoring table: the budgets missed, or that none were (or none could be judged). */
export function budgetSentence(monitors: readonly Budgeted[]): string {
  const judged = monitors.filter((m) => m.p95Ms !== null && m.p95TargetMs !== null);
  if (judged.length === 0) return 'Latency budgets: no monitor has measured a p95 yet, so none could be judged.';
  const missed = missedBudgets(judged);
  if (missed.length === 0) return `Latency budgets: ${judged.length === 1 ? 'the one monitor' : `all ${judged.length} monitors`} with a p95 stayed within target over the 7 days.`;
  const list = missed.map((m) => `${m.name} (p95 ${fmtMs(m.p95Ms)} against ${fmtMs(m.p95TargetMs)} for ${m.targetKind ?? 'this monitor'}: ${m.targetFrom ?? 'its own target'})`);
  return `Latency budgets missed over the 7 days: ${list.join('; ')}.`;
}
