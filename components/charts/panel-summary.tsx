/** The headline numbers of a panel: uptime, error rate and p50/p95/p99 against the targets. */
import type { PanelSummary, PanelTargets } from './types';
import { formatMs, formatPercent } from './format';

function Stat({ label, value, note, tone }: { label: string; value: string; note?: string; tone?: 'good' | 'bad' }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-3 py-2">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone === 'bad' ? 'text-danger-700' : tone === 'good' ? 'text-success-700' : 'text-fg'}`}>{value}</dd>
      {note ? <dd className="text-xs text-fg-subtle">{note}</dd> : null}
    </div>
  );
}

export function PanelSummaryStats({ summary, targets, period }: { summary: PanelSummary; targets: PanelTargets; period: string }) {
  const uptimeTone = summary.uptimePercent === null || targets.uptimePercent === null ? undefined : summary.uptimePercent >= targets.uptimePercent ? 'good' : 'bad';
  const p95Tone = summary.p95Ms === null || targets.p95Ms === null ? undefined : summary.p95Ms <= targets.p95Ms ? 'good' : 'bad';
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" aria-label={`Summary, ${period}`}>
      <Stat label={`Uptime, ${period}`} value={formatPercent(summary.uptimePercent, 3)} note={targets.uptimePercent ? `target ${formatPercent(targets.uptimePercent, 1)}` : undefined} tone={uptimeTone} />
      <Stat label="Error rate" value={formatPercent(summary.errorRatePercent)} note={`${summary.failures} of ${summary.checks} checks${summary.missed ? `; ${summary.missed} without data` : ''}`} />
      <Stat label="p50" value={formatMs(summary.p50Ms)} />
      <Stat label="p95" value={formatMs(summary.p95Ms)} note={targets.p95Ms ? `target ${formatMs(targets.p95Ms)}` : 'no target set'} tone={p95Tone} />
      <Stat label="p99" value={formatMs(summary.p99Ms)} />
    </dl>
  );
}
