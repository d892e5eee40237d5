/**
 * A journey's success rate: runs that passed ÷ runs that ran, over the last 24 hours and the last
 * 7 days, counted from the kept runs (one indexed query per project). Cut to three decimals like
 * uptime (server/monitoring/uptime.ts), so a period with a failed run never reads 100 %. Slots no
 * worker ran are not counted either way.
 *
 * Targets: the journey's own, else for sign-in the playbook's ("more than 99 % of test sign-ins
 * succeed", seed 002, `loginSuccessPercent`), else the same 99 % as the fallback.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { Targets } from '@/lib/vocabulary/roadmap-template';
import { rowsOf, toDate } from '@/server/monitoring/sql-rows';
import { formatUptime, uptimePercent } from '@/server/monitoring/uptime';

export type RunCounts = { runs: number; passed: number };
export type JourneyRates = { last24h: RunCounts; last7d: RunCounts; lastRunAt: Date | null };

/** "More than 99 %" (seed 002, the Minimum Bar): the number when a playbook sets none. */
export const DEFAULT_SIGN_IN_TARGET_PERCENT = 99;
/** Fewer runs than this cannot show a rate above 99 % (one failure in 100 is exactly 99 %). */
export const MIN_RUNS_FOR_VERDICT = 100;

const HOUR = 3_600_000;

export function successPercent(c: RunCounts): number | null {
  return uptimePercent({ checks: c.runs, failures: c.runs - c.passed });
}

export function runsSentence(c: RunCounts): string {
  if (c.runs === 0) return 'no runs';
  return `${c.passed.toLocaleString('en-US')} of ${c.runs.toLocaleString('en-US')} run${c.runs === 1 ? '' : 's'} passed`;
}

export type SuccessTarget = { percent: number; strict: boolean; label: string };

export function successTargetFor(journey: { kind: string; targetSuccessPercent: number | null }, targets: Pick<Targets, 'loginSuccessPercent'> | null): SuccessTarget {
  if (journey.targetSuccessPercent !== null) return { percent: journey.targetSuccessPercent, strict: false, label: `at least ${formatUptime(journey.targetSuccessPercent)} (this journey's target)` };
  const playbook = journey.kind === 'sign-in' ? targets?.loginSuccessPercent : undefined;
  return playbook !== undefined
    ? { percent: playbook, strict: true, label: `more than ${formatUptime(playbook)} (the playbook's sign-in target)` }
    : { percent: DEFAULT_SIGN_IN_TARGET_PERCENT, strict: true, label: `more than ${formatUptime(DEFAULT_SIGN_IN_TARGET_PERCENT)} (the launch playbooks' sign-in target)` };
}

export function meetsTarget(percent: number, target: SuccessTarget): boolean {
  return target.strict ? percent > target.percent : percent >= target.percent;
}

/** Every journey of the project with runs in the last 7 days; journeys without runs are absent. */
export async function projectJourneyRates(db: Database, projectId: string, now: Date): Promise<Map<string, JourneyRates>> {
  const dayAgo = new Date(now.getTime() - 24 * HOUR).toISOString();
  const weekAgo = new Date(now.getTime() - 168 * HOUR).toISOString();
  const rows = await rowsOf<{ journey_id: string; runs_7d: number; passed_7d: number; runs_24h: number; passed_24h: number; last_run: Date | string | null }>(
    db,
    sql`select journey_id,
               count(*)::int as runs_7d,
               count(*) filter (where ok)::int as passed_7d,
               count(*) filter (where scheduled_at > ${dayAgo}::timestamptz)::int as runs_24h,
               count(*) filter (where ok and scheduled_at > ${dayAgo}::timestamptz)::int as passed_24h,
               max(started_at) as last_run
        from journey_runs
        where project_id = ${projectId} and scheduled_at > ${weekAgo}::timestamptz and scheduled_at <= ${now.toISOString()}::timestamptz
        group by journey_id`,
  );
  return new Map(
    rows.map((r) => [
      r.journey_id,
      { last7d: { runs: Number(r.runs_7d), passed: Number(r.passed_7d) }, last24h: { runs: Number(r.runs_24h), passed: Number(r.passed_24h) }, lastRunAt: toDate(r.last_run) },
    ]),
  );
}
