/** What each chart shows, in one sentence for screen readers (the figures table has every number). */
import { formatMs, formatUptime, periodLabel, type Resolution } from './format';
import type { PanelPoint, TargetLine } from './types';

function extreme(points: PanelPoint[], value: (p: PanelPoint) => number | null, pick: 'min' | 'max'): { point: PanelPoint; value: number } | null {
  let best: { point: PanelPoint; value: number } | null = null;
  for (const point of points) {
    const v = value(point);
    if (v === null) continue;
    if (!best || (pick === 'min' ? v < best.value : v > best.value)) best = { point, value: v };
  }
  return best;
}

const measured = (points: PanelPoint[]) => points.filter((p) => p.checks > 0).length;

export function uptimeSummary(points: PanelPoint[], resolution: Resolution, targetPercent: number | null): string {
  const low = extreme(points, (p) => p.uptimePercent, 'min');
  if (!low) return 'No checks in this period.';
  const below = targetPercent === null ? 0 : points.filter((p) => p.uptimePercent !== null && p.uptimePercent < targetPercent).length;
  return `Checks ran in ${measured(points)} of ${points.length} periods. Lowest uptime ${formatUptime(low.value)}, ${periodLabel(low.point.start, resolution)}.${targetPercent === null ? '' : ` ${below} period${below === 1 ? '' : 's'} below the ${formatUptime(targetPercent)} target.`}`;
}

export function errorSummary(points: PanelPoint[], resolution: Resolution): string {
  const high = extreme(points, (p) => p.errorRatePercent, 'max');
  if (!high) return 'No checks in this period.';
  const withFailures = points.filter((p) => p.failures > 0).length;
  if (withFailures === 0) return `No failed checks in ${measured(points)} periods with checks.`;
  return `Failed checks in ${withFailures} of ${measured(points)} periods with checks. Highest error rate ${formatUptime(high.value)}, ${periodLabel(high.point.start, resolution)}.`;
}

/** The targets in words: "p95 targets: 300 ms for common reads (the playbook's p95 for common reads); …". */
export function targetsSentence(targets: readonly TargetLine[]): string {
  if (targets.length === 0) return 'No p95 target set.';
  return `p95 target${targets.length === 1 ? '' : 's'}: ${targets.map((t) => `${formatMs(t.ms)} for ${t.kindLabel} (${t.from})`).join('; ')}.`;
}

export function latencySummary(points: PanelPoint[], resolution: Resolution, targets: readonly TargetLine[]): string {
  const low = extreme(points, (p) => p.p95Ms, 'min');
  const high = extreme(points, (p) => p.p95Ms, 'max');
  if (!low || !high) return 'No response times in this period.';
  const overs = targets.map((t) => {
    const over = points.filter((p) => p.p95Ms !== null && p.p95Ms > t.ms).length;
    return `${over} period${over === 1 ? '' : 's'} over the ${formatMs(t.ms)} target${targets.length > 1 ? ` for ${t.kindLabel}` : ''}`;
  });
  return `p95 between ${formatMs(low.value)} and ${formatMs(high.value)} (highest ${periodLabel(high.point.start, resolution)}).${overs.length ? ` ${cap(overs.join('; '))}.` : ''}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
