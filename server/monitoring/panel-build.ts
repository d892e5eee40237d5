/**
 * Turns hourly rollups (and the outages that overlap them) into the 7-day panel: hourly and daily
 * points, 24-hour and 7-day summaries. Latency percentiles come from merged histograms only.
 */
import type { LatencyHistogram } from '@/db/schema/monitoring';
import type { MonitoringPanel, PanelPoint, PanelSummary, PanelTargets } from '@/components/charts/types';
import { mergeInto, quantiles } from './histogram';

export type RollupInput = { hour: Date; checks: number; failures: number; missed: number; histogram: LatencyHistogram };
export type OutageInput = { startedAt: Date; endedAt: Date | null };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Bucket = { start: number; end: number; checks: number; failures: number; missed: number; histogram: LatencyHistogram };

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function toPoint(bucket: Bucket, outages: OutageInput[], monitorCount: number, now: number, since: number | null): PanelPoint {
  const end = Math.min(bucket.end, now);
  const start = Math.max(bucket.start, since ?? bucket.start);
  const span = Math.max(0, end - start) * Math.max(1, monitorCount);
  let down = 0;
  for (const o of outages) down += overlap(start, end, o.startedAt.getTime(), o.endedAt?.getTime() ?? now);
  const hasData = bucket.checks > 0 || down > 0;
  const [p50, p95, p99] = quantiles(bucket.histogram, [0.5, 0.95, 0.99]);
  return {
    start: bucket.start,
    checks: bucket.checks,
    failures: bucket.failures,
    missed: bucket.missed,
    uptimePercent: hasData && span > 0 ? Math.max(0, 100 * (1 - down / span)) : null,
    errorRatePercent: bucket.checks > 0 ? (100 * bucket.failures) / bucket.checks : null,
    p50Ms: p50 ?? null,
    p95Ms: p95 ?? null,
    p99Ms: p99 ?? null,
  };
}

function emptyBuckets(from: number, size: number, count: number): Bucket[] {
  return Array.from({ length: count }, (_, i) => ({ start: from + i * size, end: from + (i + 1) * size, checks: 0, failures: 0, missed: 0, histogram: {} }));
}

function fill(buckets: Bucket[], rollups: RollupInput[], size: number) {
  const from = buckets[0]!.start;
  for (const r of rollups) {
    const i = Math.floor((r.hour.getTime() - from) / size);
    const b = buckets[i];
    if (!b) continue;
    b.checks += r.checks;
    b.failures += r.failures;
    b.missed += r.missed;
    mergeInto(b.histogram, r.histogram);
  }
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
  fill(hourly, input.rollups, HOUR);
  const firstDay = Math.floor(now / DAY) * DAY - 6 * DAY;
  const daily = emptyBuckets(firstDay, DAY, 7);
  fill(daily, input.rollups, DAY);
  const clampSince = (b: Bucket) => (since !== null && b.end <= since ? null : since);
  const whole = (from: number): Bucket => {
    const b: Bucket = { start: from, end: now, checks: 0, failures: 0, missed: 0, histogram: {} };
    for (const h of hourly) {
      if (h.start < from) continue;
      b.checks += h.checks;
      b.failures += h.failures;
      b.missed += h.missed;
      mergeInto(b.histogram, h.histogram);
    }
    return b;
  };
  const pointFor = (b: Bucket) => {
    const s = clampSince(b);
    if (since !== null && b.end <= since) return { ...toPoint({ ...b, checks: 0 }, [], 1, now, null), uptimePercent: null };
    return toPoint(b, input.outages, input.monitorCount, now, s);
  };
  return {
    hourly: hourly.map(pointFor),
    daily: daily.map(pointFor),
    last7d: summary(toPoint(whole(firstHour), input.outages, input.monitorCount, now, since)),
    last24h: summary(toPoint(whole(now - 24 * HOUR), input.outages, input.monitorCount, now, since)),
    targets: input.targets,
  };
}
