/**
 * Turns hourly rollups (and the outages that overlap them) into the 7-day panel: hourly and daily
 * points, 24-hour and 7-day summaries. Latency percentiles come from merged histograms only;
 * histograms are unpacked once into dense arrays so merging and reading quantiles stay cheap.
 */
import type { LatencyHistogram } from '@/db/schema/monitoring';
import type { MonitoringPanel, PanelPoint, PanelSummary, PanelTargets } from '@/components/charts/types';
import { bucketOf, bucketValue } from './histogram';

export type RollupInput = { hour: Date; checks: number; failures: number; missed: number; histogram: LatencyHistogram };
export type OutageInput = { startedAt: Date; endedAt: Date | null };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Dense bucket range: 0.01 ms … 10 minutes; anything outside is clamped to the ends. */
const LOW = bucketOf(0.01);
const SIZE = bucketOf(600_000) - LOW + 1;

type Bucket = { start: number; end: number; checks: number; failures: number; missed: number; counts: Float64Array | null };

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

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

function toPoint(bucket: Bucket, outages: OutageInput[], monitorCount: number, now: number, since: number | null): PanelPoint {
  const end = Math.min(bucket.end, now);
  const start = Math.max(bucket.start, since ?? bucket.start);
  const span = Math.max(0, end - start) * Math.max(1, monitorCount);
  let down = 0;
  for (const o of outages) down += overlap(start, end, o.startedAt.getTime(), o.endedAt?.getTime() ?? now);
  const hasData = bucket.checks > 0 || down > 0;
  const [p50, p95, p99] = quantilesOf(bucket.counts, [0.5, 0.95, 0.99]);
  return {
    start: bucket.start,
    checks: bucket.checks,
    failures: bucket.failures,
    missed: bucket.missed,
    uptimePercent: rounded(hasData && span > 0 ? Math.max(0, 100 * (1 - down / span)) : null, 4),
    errorRatePercent: rounded(bucket.checks > 0 ? (100 * bucket.failures) / bucket.checks : null, 4),
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

/** `monitorCount` > 1 for a project panel: uptime is the share of monitor-time outside outages. */
export function buildPanel(input: { rollups: RollupInput[]; outages: OutageInput[]; monitorCount: number; now: Date; targets: PanelTargets; since?: Date | null }): MonitoringPanel {
  const now = input.now.getTime();
  const since = input.since ? input.since.getTime() : null;
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
  const pointFor = (b: Bucket) => (since !== null && b.end <= since ? toPoint({ ...b, checks: 0, counts: null }, [], 1, now, null) : toPoint(b, input.outages, input.monitorCount, now, since));
  return {
    hourly: hourly.map(pointFor),
    daily: daily.map(pointFor),
    last7d: summary(toPoint(week, input.outages, input.monitorCount, now, since)),
    last24h: summary(toPoint(day, input.outages, input.monitorCount, now, since)),
    targets: input.targets,
  };
}
