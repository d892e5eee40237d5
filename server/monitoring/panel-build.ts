/**
 * Turns hourly rollups into the 7-day panel: hourly and daily points, 24-hour and 7-day
 * summaries. Uptime and error rate follow the one definition in ./uptime (checks that ran, paused
 * time not counted). Latency percentiles come from merged histograms only; histograms are
 * unpacked once into dense arrays so merging and reading quantiles stay cheap.
 */
import type { LatencyHistogram } from '@/db/schema/monitoring';
import type { MonitoringPanel, PanelMonitoring, PanelPoint, PanelSummary, PanelTargets } from '@/components/charts/types';
import { bucketOf, bucketValue } from './histogram';
import { errorRatePercent, uptimePercent } from './uptime';

export type RollupInput = { hour: Date; checks: number; failures: number; missed: number; histogram: LatencyHistogram };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Dense bucket range: 0.01 ms … 10 minutes; anything outside is clamped to the ends. */
const LOW = bucketOf(0.01);
const SIZE = bucketOf(600_000) - LOW + 1;

type Bucket = { start: number; end: number; checks: number; failures: number; missed: number; counts: Float64Array | null };

function addInto(bucket: Bucket, counts: Float64Array) {
  const target = (bucket.counts ??= new Float64Array(SIZE));
  for (let i = 0; i < SIZE; i += 1) target[i]! += counts[i]!;
}

function denseOf(histogram: LatencyHistogram): Float64Array | null {
  let dense: Float64Array | null = null;
  for (const key in histogram) {
    dense ??= new Float64Array(SIZE);
    const i = Math.min(SIZE - 1, Math.max(0, Number(key) - LOW));
    dense[i]! += histogram[key]!;
  }
  return dense;
}

function quantilesOf(counts: Float64Array | null, qs: number[]): (number | null)[] {
  if (!counts) return qs.map(() => null);
  let total = 0;
  for (let i = 0; i < SIZE; i += 1) total += counts[i]!;
  if (total === 0) return qs.map(() => null);
  return qs.map((q) => {
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (let i = 0; i < SIZE; i += 1) {
      seen += counts[i]!;
      if (seen >= rank) return bucketValue(i + LOW);
    }
    return null;
  });
}

/** Charts need no more than this; full doubles made the week's panel twice as large on the wire. */
function rounded(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function toPoint(bucket: Bucket): PanelPoint {
  const [p50, p95, p99] = quantilesOf(bucket.counts, [0.5, 0.95, 0.99]);
  return {
    start: bucket.start,
    checks: bucket.checks,
    failures: bucket.failures,
    missed: bucket.missed,
    uptimePercent: uptimePercent(bucket),
    errorRatePercent: errorRatePercent(bucket),
    p50Ms: rounded(p50 ?? null, 1),
    p95Ms: rounded(p95 ?? null, 1),
    p99Ms: rounded(p99 ?? null, 1),
  };
}

function emptyBuckets(from: number, size: number, count: number): Bucket[] {
  return Array.from({ length: count }, (_, i) => ({ start: from + i * size, end: from + (i + 1) * size, checks: 0, failures: 0, missed: 0, counts: null }));
}

function add(target: Bucket, source: Bucket) {
  target.checks += source.checks;
  target.failures += source.failures;
  target.missed += source.missed;
  if (source.counts) addInto(target, source.counts);
}

function summary(point: PanelPoint): PanelSummary {
  const { start: _start, ...rest } = point;
  return rest;
}

/** `monitoring`: how many monitors the panel covers and, when every one is paused, since when. */
export function buildPanel(input: { rollups: RollupInput[]; now: Date; targets: PanelTargets; monitoring?: PanelMonitoring }): MonitoringPanel {
  const now = input.now.getTime();
  const firstHour = Math.floor(now / HOUR) * HOUR - 167 * HOUR;
  const hourly = emptyBuckets(firstHour, HOUR, 168);
  for (const r of input.rollups) {
    const b = hourly[Math.floor((r.hour.getTime() - firstHour) / HOUR)];
    if (!b) continue;
    b.checks += r.checks;
    b.failures += r.failures;
    b.missed += r.missed;
    const dense = denseOf(r.histogram);
    if (dense) addInto(b, dense);
  }
  const firstDay = Math.floor(now / DAY) * DAY - 6 * DAY;
  const daily = emptyBuckets(firstDay, DAY, 7);
  const week: Bucket = { start: firstHour, end: now, checks: 0, failures: 0, missed: 0, counts: null };
  const day: Bucket = { start: now - DAY, end: now, checks: 0, failures: 0, missed: 0, counts: null };
  for (const h of hourly) {
    const d = daily[Math.floor((h.start - firstDay) / DAY)];
    if (d) add(d, h);
    add(week, h);
    if (h.start >= now - DAY) add(day, h);
  }
  return {
    hourly: hourly.map(toPoint),
    daily: daily.map(toPoint),
    last7d: summary(toPoint(week)),
    last24h: summary(toPoint(day)),
    targets: input.targets,
    monitoring: input.monitoring ?? { monitors: 1, paused: 0, pausedSince: null },
  };
}
