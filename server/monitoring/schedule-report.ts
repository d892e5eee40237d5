/**
 * How well the workers kept time over a past window, for `npm run bench`: every enabled monitor's
 * grid slots in [from, to) (schedule.ts), how many of them have a result, and how late the ones
 * that ran started. A slot without a result is missed, whether a worker recorded it as missed or
 * never got to it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { CERTIFICATE_INTERVAL_SECONDS, slotOffsetMs } from './schedule';
import { rowsOf } from './sql-rows';

export type ScheduleReport = { slots: number; ran: number; missed: number; p50DelayMs: number | null; p99DelayMs: number | null; maxDelayMs: number | null };

/** Grid slots of a monitor in [from, to). */
export function slotsIn(monitorId: string, intervalSeconds: number, from: number, to: number): number {
  const intervalMs = intervalSeconds * 1000;
  const offset = slotOffsetMs(monitorId, intervalMs);
  const first = Math.ceil((from - offset) / intervalMs) * intervalMs + offset;
  return first >= to ? 0 : Math.floor((to - 1 - first) / intervalMs) + 1;
}

export async function scheduleReport(db: Database, { from, to }: { from: Date; to: Date }): Promise<ScheduleReport> {
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const [monitorRows, ranRows, delayRows] = await Promise.all([
    rowsOf<{ id: string; interval_seconds: number }>(
      db,
      sql`select id, interval_seconds from monitors
          where enabled and interval_seconds < ${CERTIFICATE_INTERVAL_SECONDS} and created_at < ${fromIso}::timestamptz`,
    ),
    rowsOf<{ monitor_id: string; n: number | string }>(
      db,
      sql`select monitor_id, count(*) as n from monitor_results
          where scheduled_at >= ${fromIso}::timestamptz and scheduled_at < ${toIso}::timestamptz and worker is distinct from 'seed'
          group by monitor_id`,
    ),
    rowsOf<{ p50: number | string | null; p99: number | string | null; max: number | string | null }>(
      db,
      sql`select percentile_cont(0.5) within group (order by d) as p50, percentile_cont(0.99) within group (order by d) as p99, max(d) as max
          from (select extract(epoch from started_at - scheduled_at) * 1000 as d from monitor_results
                where scheduled_at >= ${fromIso}::timestamptz and scheduled_at < ${toIso}::timestamptz and worker is distinct from 'seed') delays`,
    ),
  ]);
  const ranBy = new Map(ranRows.map((r) => [r.monitor_id, Number(r.n)]));
  let slots = 0;
  let ran = 0;
  let missed = 0;
  for (const m of monitorRows) {
    const expected = slotsIn(m.id, Number(m.interval_seconds), from.getTime(), to.getTime());
    const done = Math.min(expected, ranBy.get(m.id) ?? 0);
    slots += expected;
    ran += done;
    missed += expected - done;
  }
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));
  const d = delayRows[0];
  return { slots, ran, missed, p50DelayMs: num(d?.p50), p99DelayMs: num(d?.p99), maxDelayMs: num(d?.max) };
}
