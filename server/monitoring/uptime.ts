/**
 * The one definition of uptime, used by the panels, the overview, go / no-go, alerts and the
 * handover pack (docs/decisions/0006-monitoring.md, "One uptime definition"):
 *
 *   uptime = checks that succeeded ÷ checks that ran, over the period.
 *
 * - A monitor that has never succeeded is at 0 %, from its first check on.
 * - Time when nothing ran — paused, not created yet, or slots no worker ran ("missed") — is not
 *   counted at all: it is neither up nor down, and is shown as paused or as no data.
 * - A project's uptime adds the checks of all its website monitors together.
 * - The error rate is the other side of the same count: failed checks ÷ checks that ran.
 *
 * Figures are cut (not rounded) to three decimals so a period with a failed check never reads as
 * 100 %, and the error rate is 100 minus the uptime, so the two always add up.
 */

export type CheckCounts = { checks: number; failures: number };

import { formatUptime } from '@/components/charts/format';

const SCALE = 1000;

/** Percent of checks that succeeded, cut to three decimals; null when no check ran. */
export function uptimePercent({ checks, failures }: CheckCounts): number | null {
  if (checks <= 0) return null;
  const ok = Math.min(checks, Math.max(0, checks - failures));
  return Math.floor((100 * SCALE * ok) / checks) / SCALE;
}

/** Percent of checks that failed: exactly 100 minus the uptime; null when no check ran. */
export function errorRatePercent(counts: CheckCounts): number | null {
  const up = uptimePercent(counts);
  return up === null ? null : Math.round((100 - up) * SCALE) / SCALE;
}

/** Counts of several monitors or periods together. */
export function addCounts(list: Iterable<CheckCounts>): CheckCounts {
  let checks = 0;
  let failures = 0;
  for (const c of list) {
    checks += c.checks;
    failures += c.failures;
  }
  return { checks, failures };
}

/** "57.142 %", "99.99 %", "100 %", "—" when nothing was measured (shared with the charts). */
export { formatUptime };

/** "4 of 7 checks succeeded", or what the period holds when nothing ran. */
export function checksSentence({ checks, failures }: CheckCounts, { paused = false }: { paused?: boolean } = {}): string {
  if (checks <= 0) return paused ? 'paused: no checks ran' : 'no checks ran';
  const ok = Math.max(0, checks - failures);
  return `${ok.toLocaleString('en-US')} of ${checks.toLocaleString('en-US')} check${checks === 1 ? '' : 's'} succeeded`;
}

/** One line for alerts and summaries: "Uptime, last 24 h: 57.142 % (4 of 7 checks succeeded)." */
export function uptimeLine(counts: CheckCounts, period: string): string {
  const up = uptimePercent(counts);
  return up === null ? `Uptime, ${period}: not measured (${checksSentence(counts)}).` : `Uptime, ${period}: ${formatUptime(up)} (${checksSentence(counts)}).`;
}
