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
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 2)} s`;
  return `${Math.round(ms)} ms`;
}

export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  if (value === 100) return '100 %';
  return `${value.toFixed(digits)} %`;
}

/** Plain hex (not CSS variables) so the same colours work in SVG exported to a PDF. */
export const CHART_COLORS = {
  p50: '#a5b4fc',
  p95: '#4f46e5',
  p99: '#312e81',
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
