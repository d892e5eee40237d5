/** The headline numbers of a panel: uptime, error rate and p50/p95/p99 against the targets, and whether monitoring is paused. */
import type { PanelMonitoring, PanelSummary, PanelTargets } from './types';
import { formatMs, formatUptime } from './format';

function Stat({ label, value, note, tone }: { label: string; value: string; note?: string; tone?: 'good' | 'bad' }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-3 py-2">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone === 'bad' ? 'text-danger-700' : tone === 'good' ? 'text-success-700' : 'text-fg'}`}>{value}</dd>
      {note ? <dd className="text-xs text-fg-subtle">{note}</dd> : null}
    </div>
  );
}

const utc = (ms: number) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** A line above the numbers when monitors are paused: paused time is not counted, as up or down. */
export function pausedNote(monitoring: PanelMonitoring): string | null {
  if (monitoring.paused === 0) return null;
  if (monitoring.paused === monitoring.monitors) {
    const since = monitoring.pausedSince === null ? '' : ` Last check ${utc(monitoring.pausedSince)} UTC.`;
    return `${monitoring.monitors === 1 ? 'Paused' : `All ${monitoring.monitors} website monitors are paused`}: nothing is being checked, and paused time counts neither as up nor as down.${since}`;
  }
  return `${monitoring.paused} of ${monitoring.monitors} website monitors paused: their paused time is not counted.`;
}

/** "target 800 ms, heavier actions": the number the p95 figure is judged against, and its kind. */
function p95Note(targets: PanelTargets): string {
  if (!targets.p95Ms) return 'no target set';
  const line = targets.p95Lines.find((l) => l.ms === targets.p95Ms);
  return `target ${formatMs(targets.p95Ms)}${line ? `, ${line.kindLabel}` : ''}`;
}

export function PanelSummaryStats({ summary, targets, period, monitoring }: { summary: PanelSummary; targets: PanelTargets; period: string; monitoring?: PanelMonitoring }) {
  const uptimeTone = summary.uptimePercent === null || targets.uptimePercent === null ? undefined : summary.uptimePercent >= targets.uptimePercent ? 'good' : 'bad';
  const p95Tone = summary.p95Ms === null || targets.p95Ms === null ? undefined : summary.p95Ms <= targets.p95Ms ? 'good' : 'bad';
  const paused = monitoring ? pausedNote(monitoring) : null;
  return (
    <div className="grid gap-2">
      {paused ? (
        <p className="rounded-control border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-fg" role="note">
          {paused}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" aria-label={`Summary, ${period}`}>
        <Stat
          label={`Uptime, ${period}`}
          value={formatUptime(summary.uptimePercent)}
          note={`${summary.checks === 0 ? 'no checks ran' : `${summary.checks - summary.failures} of ${summary.checks} checks OK`}${targets.uptimePercent ? `; target ${formatUptime(targets.uptimePercent)}` : ''}`}
          tone={uptimeTone}
        />
        <Stat label={`Error rate, ${period}`} value={formatUptime(summary.errorRatePercent)} note={`${summary.failures} failed${summary.missed ? `; ${summary.missed} slots without data` : ''}`} />
        <Stat label="p50" value={formatMs(summary.p50Ms)} />
        <Stat label="p95" value={formatMs(summary.p95Ms)} note={p95Note(targets)} tone={p95Tone} />
        <Stat label="p99" value={formatMs(summary.p99Ms)} />
      </dl>
    </div>
  );
}
