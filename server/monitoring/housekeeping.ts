/**
 * Periodic jobs any worker may run; `monitor_jobs` makes sure only one runs each period.
 * - prune: raw results older than the retention window go, in bounded batches (rollups stay).
 * - degraded: monitors whose p95 over the last window exceeds their own target become "degraded"
 *   (and return to "up" when it is back under), with one notification per change.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitors } from '@/db/schema';
import { rowsOf } from './sql-rows';
import { type BatchOptions, deleteInBatches } from './batched-delete';
import { alertEvent } from './transitions';
import { enqueueAlerts } from './alerts/enqueue';
import { monitorTarget, type EndpointForMatch, type PlaybookLatencyTargets } from '@/server/targets/endpoint-targets';

/** jsonb_build_object keeps the targets a playbook does not set as nulls. */
function withoutNulls(targets: PlaybookLatencyTargets): PlaybookLatencyTargets {
  return Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== null)) as PlaybookLatencyTargets;
}

export const RAW_RETENTION_HOURS = 48;
export const DEGRADED_WINDOW_MINUTES = 15;
/** Fewer successful checks than this in the window: not enough to judge. */
const MIN_SAMPLES = 5;

/** Returns true when this caller won the job for the current period. */
export async function claimJob(db: Database, job: string, everySeconds: number, now: Date): Promise<boolean> {
  const next = new Date(now.getTime() + everySeconds * 1000).toISOString();
  const rows = await rowsOf<{ job: string }>(
    db,
    sql`insert into monitor_jobs (job, next_run_at, last_run_at) values (${job}, ${next}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (job) do update set next_run_at = excluded.next_run_at, last_run_at = excluded.last_run_at
        where monitor_jobs.next_run_at <= ${now.toISOString()}::timestamptz
        returning job`,
  );
  return rows.length > 0;
}

export async function pruneRawResults(db: Database, now: Date, options: { retentionHours?: number } & BatchOptions = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - (options.retentionHours ?? RAW_RETENTION_HOURS) * 3_600_000).toISOString();
  return deleteInBatches(
    db,
    (limit) => sql`delete from monitor_results where (monitor_id, scheduled_at) in (
            select monitor_id, scheduled_at from monitor_results where scheduled_at < ${cutoff}::timestamptz limit ${limit})
          returning monitor_id`,
    options,
  );
}

type LatencyRow = {
  id: string;
  state: string;
  p95_target_ms: number | null;
  purpose: string | null;
  method: string;
  url: string;
  targets: PlaybookLatencyTargets | string | null;
  endpoints: EndpointForMatch[] | string | null;
  p95: number | null;
  n: number;
};

const parsed = <T,>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export async function evaluateDegraded(db: Database, now: Date): Promise<number> {
  const since = new Date(now.getTime() - DEGRADED_WINDOW_MINUTES * 60_000).toISOString();
  // Percentiles per monitor first, then each measured monitor's own target (server/targets): set by
  // hand, on the endpoint it watches, or the playbook's for its kind of endpoint.
  const measuredRows = await rowsOf<LatencyRow>(
    db,
    sql`with measured as (
          select m.id, percentile_disc(0.95) within group (order by res.latency_ms) as p95, count(*)::int as n
          from monitors m
          join monitor_results res on res.monitor_id = m.id and res.scheduled_at > ${since}::timestamptz and res.ok and res.latency_ms is not null
          where m.enabled and m.kind = 'http' and m.state in ('up', 'degraded')
          group by m.id
          having count(*) >= ${MIN_SAMPLES}
        )
        select m.id, m.state, m.p95_target_ms, m.purpose, m.method, m.url, x.p95, x.n, p.endpoints,
               case when r.snapshot is null then null else jsonb_build_object(
                 'commonReadP95Ms', (r.snapshot->'targets'->>'commonReadP95Ms')::float8,
                 'heavyActionP95Ms', (r.snapshot->'targets'->>'heavyActionP95Ms')::float8,
                 'chatStartP95Ms', (r.snapshot->'targets'->>'chatStartP95Ms')::float8,
                 'chatResponseP95Ms', (r.snapshot->'targets'->>'chatResponseP95Ms')::float8) end as targets
        from measured x
        join monitors m on m.id = x.id
        join projects p on p.id = m.project_id
        left join project_roadmaps r on r.project_id = m.project_id`,
  );
  const rows = measuredRows.map((r) => {
    const targets = parsed<PlaybookLatencyTargets>(r.targets);
    const target = monitorTarget({ p95TargetMs: r.p95_target_ms, purpose: r.purpose, method: r.method, url: r.url }, parsed(r.endpoints) ?? [], targets?.commonReadP95Ms ? withoutNulls(targets) : null);
    return { id: r.id, state: r.state, p95: r.p95, n: r.n, target: target.ms };
  });
  const flips = rows.filter((r) => (Number(r.p95) > r.target) !== (r.state === 'degraded'));
  if (flips.length === 0) return 0;
  const measured = new Map(flips.map((r) => [r.id, r]));
  return db.transaction(async (tx) => {
    const locked = await tx.select().from(monitors).where(inArray(monitors.id, [...measured.keys()].sort())).orderBy(monitors.id).for('update');
    const events = [];
    for (const monitor of locked) {
      const m = measured.get(monitor.id)!;
      if (monitor.state !== m.state) continue; // changed since we measured: judge next time
      const toDegraded = monitor.state === 'up';
      const version = monitor.stateVersion + 1;
      const changed = await tx
        .update(monitors)
        .set({ state: toDegraded ? 'degraded' : 'up', stateVersion: version, stateChangedAt: now })
        .where(and(eq(monitors.id, monitor.id), eq(monitors.stateVersion, monitor.stateVersion)))
        .returning({ id: monitors.id });
      if (changed.length === 0) continue;
      const cause = toDegraded
        ? `p95 over the last ${DEGRADED_WINDOW_MINUTES} minutes is ${Math.round(Number(m.p95))} ms; the target is ${m.target} ms.`
        : `p95 is back to ${Math.round(Number(m.p95))} ms (target ${m.target} ms).`;
      events.push(alertEvent(monitor, now, toDegraded ? 'degraded' : 'latency-recovered', now, cause, null));
    }
    await enqueueAlerts(tx, events);
    return events.length;
  });
}
