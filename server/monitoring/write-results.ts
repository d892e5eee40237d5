/**
 * Writes a batch of finished checks in one transaction: raw results (a slot already written is
 * skipped, never duplicated), the monitors' next slots and alert state, hourly rollups, incidents
 * and the notifications of every state change. If the process dies before this commits, the
 * leases expire and another worker re-runs the slots.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/types';
import { monitorIncidents, monitorProjectRollups, monitorResults, monitorRollups, monitors, type LatencyHistogram } from '@/db/schema';
import { recordActivity, quoted } from '@/server/services/activity';
import { addSample, mergeInto } from './histogram';
import { hourOf, missedPerHour, skipMissed } from './schedule';
import { applyResult, notifies, type Transition } from './state';
import { enqueueAlerts, type AlertEvent } from './alerts/enqueue';
import type { ProbeResult } from './probe';

export type FinishedCheck = ProbeResult & { monitorId: string; scheduledAt: Date; startedAt: Date };

export type RollupDelta = { monitorId: string; projectId: string; hour: Date; checks: number; failures: number; missed: number; latencySumMs: number; histogram: LatencyHistogram };

function rollupKey(monitorId: string, hour: Date) {
  return `${monitorId}|${hour.getTime()}`;
}

/** Per-monitor rollup rows merged into per-project rows, sorted by (project, hour). */
export function projectRollupRows(deltas: RollupDelta[]): Omit<RollupDelta, 'monitorId'>[] {
  const perProject = new Map<string, Omit<RollupDelta, 'monitorId'>>();
  for (const d of deltas) {
    const key = `${d.projectId}|${d.hour.getTime()}`;
    const row = perProject.get(key) ?? { projectId: d.projectId, hour: d.hour, checks: 0, failures: 0, missed: 0, latencySumMs: 0, histogram: {} };
    row.checks += d.checks;
    row.failures += d.failures;
    row.missed += d.missed;
    row.latencySumMs += d.latencySumMs;
    mergeInto(row.histogram, d.histogram);
    perProject.set(key, row);
  }
  return [...perProject.values()].sort((a, b) => (a.projectId === b.projectId ? a.hour.getTime() - b.hour.getTime() : a.projectId < b.projectId ? -1 : 1));
}

const MERGE_HISTOGRAM = (table: string) =>
  sql.raw(`(select coalesce(jsonb_object_agg(k, s), '{}'::jsonb) from (
      select k, sum(v) as s from (
        select key as k, value::int as v from jsonb_each_text(${table}.histogram)
        union all
        select key, value::int from jsonb_each_text(excluded.histogram)
      ) u group by k) g)`);

const ADD = (table: string, column: string) => sql.raw(`${table}.${column} + excluded.${column}`);

/**
 * Adds rollup deltas to the monitors' and their projects' hourly rows; histograms merge by adding
 * bucket counts. Rows are touched in a fixed order (monitor rows, then project rows, each sorted)
 * so concurrent batches never deadlock.
 */
export async function upsertRollups(tx: Tx, deltas: RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  deltas.sort((a, b) => (a.monitorId === b.monitorId ? a.hour.getTime() - b.hour.getTime() : a.monitorId < b.monitorId ? -1 : 1));
  await tx
    .insert(monitorRollups)
    .values(deltas)
    .onConflictDoUpdate({
      target: [monitorRollups.monitorId, monitorRollups.hour],
      set: {
        checks: ADD('monitor_rollups', 'checks'),
        failures: ADD('monitor_rollups', 'failures'),
        missed: ADD('monitor_rollups', 'missed'),
        latencySumMs: ADD('monitor_rollups', 'latency_sum_ms'),
        histogram: MERGE_HISTOGRAM('monitor_rollups'),
      },
    });
  const projectRows = projectRollupRows(deltas);
  await tx
    .insert(monitorProjectRollups)
    .values(projectRows)
    .onConflictDoUpdate({
      target: [monitorProjectRollups.projectId, monitorProjectRollups.hour],
      set: {
        checks: ADD('monitor_project_rollups', 'checks'),
        failures: ADD('monitor_project_rollups', 'failures'),
        missed: ADD('monitor_project_rollups', 'missed'),
        latencySumMs: ADD('monitor_project_rollups', 'latency_sum_ms'),
        histogram: MERGE_HISTOGRAM('monitor_project_rollups'),
      },
    });
}

const TRANSITION_KIND = { down: 'down', recovered: 'recovered', degraded: 'degraded', 'latency-recovered': 'recovered' } as const;

export function alertEvent(
  monitor: { id: string; projectId: string; name: string; url: string },
  version: number,
  transition: Exclude<Transition, 'first-up'>,
  at: Date,
  cause: string | null,
  incidentId: string | null,
): AlertEvent {
  return {
    projectId: monitor.projectId,
    eventKey: `${monitor.id}:${version}`,
    payload: { kind: TRANSITION_KIND[transition], monitorId: monitor.id, monitorName: monitor.name, url: monitor.url, at: at.toISOString(), cause, incidentId },
  };
}

export async function writeResults(db: Database, checks: FinishedCheck[], worker: string): Promise<{ written: number; transitions: number }> {
  if (checks.length === 0) return { written: 0, transitions: 0 };
  return db.transaction(async (tx) => {
    const ids = [...new Set(checks.map((c) => c.monitorId))].sort();
    const current = await tx.select().from(monitors).where(inArray(monitors.id, ids)).orderBy(monitors.id).for('update');
    const byId = new Map(current.map((m) => [m.id, m]));
    const inserted = await tx
      .insert(monitorResults)
      .values(
        checks
          .filter((c) => byId.has(c.monitorId))
          .map((c) => ({ monitorId: c.monitorId, scheduledAt: c.scheduledAt, startedAt: c.startedAt, ok: c.ok, statusCode: c.statusCode, latencyMs: c.latencyMs, error: c.error, worker })),
      )
      .onConflictDoNothing()
      .returning({ monitorId: monitorResults.monitorId, scheduledAt: monitorResults.scheduledAt });
    const fresh = new Set(inserted.map((r) => `${r.monitorId}|${r.scheduledAt.getTime()}`));
    const accepted = checks
      .filter((c) => fresh.has(`${c.monitorId}|${c.scheduledAt.getTime()}`))
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());

    const rollups = new Map<string, RollupDelta>();
    const events: AlertEvent[] = [];
    const stillDown: string[] = [];
    let transitions = 0;
    for (const check of accepted) {
      const monitor = byId.get(check.monitorId)!;
      const hour = hourOf(check.scheduledAt);
      const key = rollupKey(monitor.id, hour);
      const delta = rollups.get(key) ?? { monitorId: monitor.id, projectId: monitor.projectId, hour, checks: 0, failures: 0, missed: 0, latencySumMs: 0, histogram: {} };
      delta.checks += 1;
      if (!check.ok) delta.failures += 1;
      if (check.ok && check.latencyMs !== null) {
        delta.latencySumMs += check.latencyMs;
        addSample(delta.histogram, check.latencyMs);
      }
      rollups.set(key, delta);

      const step = applyResult(monitor, check.ok);
      const patch: Partial<typeof monitors.$inferInsert> = {
        state: step.state,
        consecutiveFailures: step.consecutiveFailures,
        consecutiveSuccesses: step.consecutiveSuccesses,
        lastCheckedAt: check.startedAt,
        lastOk: check.ok,
        lastLatencyMs: check.latencyMs,
        lastError: check.error,
      };
      // Advance from the scheduled slot (no drift) — unless a newer slot was already taken.
      if (monitor.nextRunAt.getTime() === check.scheduledAt.getTime()) {
        patch.nextRunAt = new Date(check.scheduledAt.getTime() + monitor.intervalSeconds * 1000);
        patch.leaseUntil = null;
        patch.leaseOwner = null;
      }
      if (step.transition) {
        patch.stateVersion = monitor.stateVersion + 1;
        patch.stateChangedAt = check.scheduledAt;
      }
      await tx.update(monitors).set(patch).where(eq(monitors.id, monitor.id));
      Object.assign(monitor, patch);

      if (!check.ok && step.state === 'down' && step.transition !== 'down') stillDown.push(monitor.id);
      if (!notifies(step.transition)) continue;
      transitions += 1;
      let incidentId: string | null = null;
      if (step.transition === 'down') {
        const startedAt = new Date(check.scheduledAt.getTime() - (step.consecutiveFailures - 1) * monitor.intervalSeconds * 1000);
        const [incident] = await tx
          .insert(monitorIncidents)
          .values({ monitorId: monitor.id, projectId: monitor.projectId, startedAt, cause: check.error ?? 'The check failed.', failedChecks: step.consecutiveFailures })
          .onConflictDoNothing()
          .returning({ id: monitorIncidents.id });
        incidentId = incident?.id ?? null;
        await recordActivity(tx, { projectId: monitor.projectId, actorId: null, action: 'monitor.down', summary: `saw ${quoted(monitor.name)} go down: ${check.error ?? 'the check failed'}`, details: { monitorId: monitor.id, incidentId } });
      } else if (step.transition === 'recovered') {
        const [closed] = await tx
          .update(monitorIncidents)
          .set({ endedAt: check.scheduledAt })
          .where(and(eq(monitorIncidents.monitorId, monitor.id), isNull(monitorIncidents.endedAt)))
          .returning({ id: monitorIncidents.id });
        incidentId = closed?.id ?? null;
        await recordActivity(tx, { projectId: monitor.projectId, actorId: null, action: 'monitor.recovered', summary: `saw ${quoted(monitor.name)} recover`, details: { monitorId: monitor.id, incidentId } });
      }
      // A "down" alert says since when: the first failed check of the streak.
      const since = step.transition === 'down' ? new Date(check.scheduledAt.getTime() - (step.consecutiveFailures - 1) * monitor.intervalSeconds * 1000) : check.scheduledAt;
      events.push(alertEvent(monitor, monitor.stateVersion, step.transition, since, check.error, incidentId));
    }
    // Further failures during an open incident are counted on it.
    const more = new Map<string, number>();
    for (const id of stillDown) more.set(id, (more.get(id) ?? 0) + 1);
    for (const [id, n] of more) {
      await tx
        .update(monitorIncidents)
        .set({ failedChecks: sql`${monitorIncidents.failedChecks} + ${n}` })
        .where(and(eq(monitorIncidents.monitorId, id), isNull(monitorIncidents.endedAt)));
    }
    await upsertRollups(tx, [...rollups.values()]);
    await enqueueAlerts(tx, events);
    return { written: accepted.length, transitions };
  });
}

/**
 * Slots nobody ran in time: recorded as "no data" in the rollups (not downtime) and the monitor
 * resumes at its next grid slot.
 */
export async function recordMissed(db: Database, slots: { monitorId: string; projectId: string; scheduledAt: Date; intervalSeconds: number }[], now: Date): Promise<number> {
  if (slots.length === 0) return 0;
  return db.transaction(async (tx) => {
    let total = 0;
    const deltas: RollupDelta[] = [];
    for (const slot of [...slots].sort((a, b) => (a.monitorId < b.monitorId ? -1 : 1))) {
      const { missed, next } = skipMissed(slot.scheduledAt, slot.intervalSeconds, now);
      const moved = await tx
        .update(monitors)
        .set({ nextRunAt: next, leaseUntil: null, leaseOwner: null })
        .where(and(eq(monitors.id, slot.monitorId), eq(monitors.nextRunAt, slot.scheduledAt)))
        .returning({ id: monitors.id });
      if (moved.length === 0) continue;
      total += missed.length;
      for (const [hour, count] of missedPerHour(missed)) {
        deltas.push({ monitorId: slot.monitorId, projectId: slot.projectId, hour: new Date(hour), checks: 0, failures: 0, missed: count, latencySumMs: 0, histogram: {} });
      }
    }
    await upsertRollups(tx, deltas);
    return total;
  });
}
