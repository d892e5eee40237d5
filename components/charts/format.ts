/** Axis and tooltip wording for the monitoring charts (UTC, so a PDF reads the same anywhere). */
export type Resolution = 'hour' | 'day';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

export function tickLabel(start: number, resolution: Resolution, span: 'day' | 'week'): string {
  const d = new Date(start);
  if (resolution === 'day') return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()}`;
  if (span === 'day') return `${pad(d.getUTCHours())}:00`;
  return d.getUTCHours() === 0 ? `${DAYS[d.getUTCDay()]} ${d.getUTCDate()}` : `${pad(d.getUTCHours())}:00`;
}

export function periodLabel(start: number, resolution: Resolution): string {
  const d = new Date(start);
  const day = `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (resolution === 'day') return `${day} (UTC)`;
  return `${day}, ${pad(d.getUTCHours())}:00–${pad((d.getUTCHours() + 1) % 24)}:00 UTC`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(ms >= 10_000 ? 0 : 2))} s`;
  return `${Math.round(ms)} ms`;
}

/**
 * Evenly spaced axis ticks from 0 that cover `max`, on a step of 1, 2, 2.5 or 5 × 10ⁿ
 * (0 / 250 / 500 / 750 / 1,000 ms rather than 0 / 400 / 800 / 1.20 s / 1.53 s).
 */
export function niceTicks(max: number, count = 4): number[] {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Uptime and error rate (already cut to three decimals by server/monitoring/uptime.ts): "57.142 %", "100 %", "—". */
export function formatUptime(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '—';
  return `${Number(percent.toFixed(3))} %`;
}

export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  if (value === 100) return '100 %';
  return `${value.toFixed(digits)} %`;
}

/** Plain hex (not CSS variables) so the same colours work in SVG exported to a PDF. */
export const CHART_COLORS = {
  // Three hues that stay apart for colour-blind readers too; p99 also dashed, p95 thickest.
  p50: '#0e7490',
  p95: '#4338ca',
  p99: '#b45309',
  target: '#dc2626',
  up: '#059669',
  belowTarget: '#d97706',
  down: '#dc2626',
  errors: '#dc2626',
  grid: '#e4e4e7',
  axis: '#71717a',
} as const;

/** Tick positions: midnights for a week of hours, every third hour for a day, every day for days. */
export function ticksFor(points: { start: number }[], resolution: Resolution, span: 'day' | 'week'): number[] {
  if (resolution === 'day') return points.map((p) => p.start);
  const step = span === 'day' ? 3 : 24;
  return points.filter((p) => new Date(p.start).getUTCHours() % step === 0).map((p) => p.start);
}

/** What a period without checks was: paused (after every monitor was paused) or simply no data. */
export function emptyPeriodLabel(start: number, resolution: Resolution, pausedSince: number | null): string {
  const end = start + (resolution === 'day' ? 86_400_000 : 3_600_000);
  return pausedSince !== null && end > pausedSince ? 'paused' : 'no checks';
}
