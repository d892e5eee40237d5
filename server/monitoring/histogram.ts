/**
 * A mergeable latency histogram with fixed log-scale buckets (the DDSketch mapping): bucket i
 * holds values in (γ^(i-1), γ^i] and is read back as 2γ^i / (γ+1), so any quantile is within
 * (γ-1)/(γ+1) ≈ 1.96 % of a value that really occurred. Merging is adding counts, so an hour's
 * rollups add up to a day's or a week's without touching raw results.
 */
import type { LatencyHistogram } from '@/db/schema/monitoring';

export const GAMMA = 1.04;
export const RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
const LOG_GAMMA = Math.log(GAMMA);
/** Below this everything shares one bucket (0.01 ms is below what a network check can measure). */
const MIN_MS = 0.01;

export function bucketOf(ms: number): number {
  return Math.ceil(Math.log(Math.max(ms, MIN_MS)) / LOG_GAMMA);
}

export function bucketValue(bucket: number): number {
  return (2 * GAMMA ** bucket) / (GAMMA + 1);
}

export function addSample(histogram: LatencyHistogram, ms: number, count = 1): LatencyHistogram {
  const key = String(bucketOf(ms));
  histogram[key] = (histogram[key] ?? 0) + count;
  return histogram;
}

export function mergeInto(target: LatencyHistogram, source: LatencyHistogram): LatencyHistogram {
  for (const key in source) target[key] = (target[key] ?? 0) + source[key]!;
  return target;
}

export function histogramOf(samples: Iterable<number>): LatencyHistogram {
  const histogram: LatencyHistogram = {};
  for (const ms of samples) addSample(histogram, ms);
  return histogram;
}

/** Several quantiles (0..1, ascending or not) in one pass; null for an empty histogram. */
export function quantiles(histogram: LatencyHistogram, qs: readonly number[]): (number | null)[] {
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  let total = 0;
  for (const b of buckets) total += histogram[String(b)]!;
  if (total === 0) return qs.map(() => null);
  return qs.map((q) => {
    // The rank of the q-quantile (nearest-rank definition, 1-based).
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const b of buckets) {
      seen += histogram[String(b)]!;
      if (seen >= rank) return bucketValue(b);
    }
    return bucketValue(buckets[buckets.length - 1]!);
  });
}

/** The exact nearest-rank quantile of raw samples (for tests and the benchmark). */
export function exactQuantile(samples: number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}
