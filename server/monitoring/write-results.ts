/**
 * Writes a batch of finished checks in one transaction: raw results (a slot already written is
 * skipped, never duplicated), the monitors' next slots and alert state, hourly rollups, incidents
 * and the notifications of every state change. If the process dies before this commits, the
 * leases expire and another worker re-runs the slots.
 *
 * A slot moves the alert state at most once: only the first recorded result of a slot counts,
 * and only if the slot is newer than `monitors.applied_slot_at` (set in the same update, as a
 * compare-and-set), so a re-run after an expired lease or a stale worker's late write can never
 * repeat or undo a state change.
 */
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/types';
import { monitorIncidents, monitorProjectRollups, monitorResults, monitorRollups, monitors, projects, type LatencyHistogram } from '@/db/schema';
import { addSample, mergeInto } from './histogram';
import { hourOf, missedPerHour, skipMissed } from './schedule';
import { applyResult } from './state';
import { recordTransition } from './transitions';
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

/** The first result per (monitor, slot): a worker that re-ran its own expired slot can hold both runs in one batch. */
function firstPerSlot(checks: FinishedCheck[]): FinishedCheck[] {
  const seen = new Set<string>();
  return checks.filter((c) => {
    const key = `${c.monitorId}|${c.scheduledAt.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function writeResults(db: Database, checks: FinishedCheck[], worker: string): Promise<{ written: number; transitions: number }> {
  if (checks.length === 0) return { written: 0, transitions: 0 };
  const unique = firstPerSlot(checks);
  return db.transaction(async (tx) => {
    const ids = [...new Set(unique.map((c) => c.monitorId))].sort();
    const current = await tx.select().from(monitors).where(inArray(monitors.id, ids)).orderBy(monitors.id).for('update');
    const byId = new Map(current.map((m) => [m.id, m]));
    // Incidents and rollups written below bump their projects' read revisions through triggers
    // (migration 0005). Take those project rows up front, in id order, so two workers writing
    // for the same projects can never each hold one the other waits for.
    const projectIds = [...new Set(current.map((m) => m.projectId))].sort();
    if (projectIds.length > 0) await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds)).orderBy(projects.id).for('no key update');
    const inserted = await tx
      .insert(monitorResults)
      .values(
        unique
          .filter((c) => byId.has(c.monitorId))
          .map((c) => ({ monitorId: c.monitorId, scheduledAt: c.scheduledAt, startedAt: c.startedAt, ok: c.ok, statusCode: c.statusCode, latencyMs: c.latencyMs, error: c.error, worker })),
      )
      .onConflictDoNothing()
      .returning({ monitorId: monitorResults.monitorId, scheduledAt: monitorResults.scheduledAt });
    const fresh = new Set(inserted.map((r) => `${r.monitorId}|${r.scheduledAt.getTime()}`));
    const accepted = unique
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

      // Advance from the scheduled slot (no drift) — unless a newer slot was already taken.
      const schedule: Partial<typeof monitors.$inferInsert> =
        monitor.nextRunAt.getTime() === check.scheduledAt.getTime() ? { nextRunAt: new Date(check.scheduledAt.getTime() + monitor.intervalSeconds * 1000), leaseUntil: null, leaseOwner: null } : {};
      // A result older than the newest one already taken in (a stale worker's late write) is
      // data for the rollups, never a state change.
      if (monitor.appliedSlotAt && check.scheduledAt.getTime() <= monitor.appliedSlotAt.getTime()) {
        if (schedule.nextRunAt) await tx.update(monitors).set(schedule).where(eq(monitors.id, monitor.id));
        Object.assign(monitor, schedule);
        continue;
      }

      const step = applyResult(monitor, check.ok);
      const patch: Partial<typeof monitors.$inferInsert> = {
        ...schedule,
        state: step.state,
        consecutiveFailures: step.consecutiveFailures,
        consecutiveSuccesses: step.consecutiveSuccesses,
        appliedSlotAt: check.scheduledAt,
        lastCheckedAt: check.startedAt,
        lastOk: check.ok,
        lastLatencyMs: check.latencyMs,
        lastError: check.error,
      };
      if (step.transition) {
        patch.stateVersion = monitor.stateVersion + 1;
        patch.stateChangedAt = check.scheduledAt;
      }
      // Compare-and-set on the slot: the row lock already orders writers; the condition alone
      // would still keep a slot from being taken in twice.
      const taken = await tx
        .update(monitors)
        .set(patch)
        .where(and(eq(monitors.id, monitor.id), or(isNull(monitors.appliedSlotAt), lt(monitors.appliedSlotAt, check.scheduledAt))))
        .returning({ id: monitors.id });
      if (taken.length === 0) continue;
      Object.assign(monitor, patch);

      if (!check.ok && step.state === 'down' && step.transition !== 'down') stillDown.push(monitor.id);
      if (step.transition !== 'down' && step.transition !== 'recovered') continue;
      transitions += 1;
      events.push(await recordTransition(tx, monitor, step.transition, check, step.consecutiveFailures));
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
    // The rollups' revision trigger updates each project row: lock them first, in id order and
    // after the monitors, as writeResults does — otherwise the trigger takes them in monitor order
    // and two workers deadlock (seen with two workers under the bench's web load).
    const projectIds = [...new Set(deltas.map((d) => d.projectId))].sort();
    if (projectIds.length > 0) await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds)).orderBy(projects.id).for('no key update');
    await upsertRollups(tx, deltas);
    return total;
  });
}
