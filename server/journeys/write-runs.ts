/**
 * Writes finished journey runs in one transaction, as monitor results are written
 * (server/monitoring/write-results.ts): the run row keyed by (journey, slot) with ON CONFLICT DO
 * NOTHING decides between writers, the schedule advances from the scheduled slot, and the alert
 * state moves at most once per slot (compare-and-set on applied_slot_at). A change to down or
 * back up records one alert per channel under `journey:<id>:<transition>@<slot>`, so a re-run,
 * a second worker or a restart cannot send a second one.
 */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { journeyRuns, journeys, journeyScreenshots, projects } from '@/db/schema';
import { applyResult } from '@/server/monitoring/state';
import { enqueueAlerts, type AlertEvent } from '@/server/monitoring/alerts/enqueue';
import { skipMissed } from '@/server/monitoring/schedule';
import { quoted, recordActivity } from '@/server/services/activity';
import type { JourneyRunResult } from './run-journey';

export type FinishedRun = JourneyRunResult & {
  journeyId: string;
  scheduledAt: Date;
  startedAt: Date;
  finishedAt: Date;
  /** A browser journey's failure: the page at that moment (secret-filled fields blacked out). */
  screenshot?: { png: Buffer; pageUrl: string | null } | null;
};

export function journeyEventKey(journeyId: string, transition: 'down' | 'recovered', slot: Date): string {
  return `journey:${journeyId}:${transition}@${slot.toISOString()}`;
}

function firstPerSlot(runs: FinishedRun[]): FinishedRun[] {
  const seen = new Set<string>();
  return runs.filter((r) => {
    const key = `${r.journeyId}|${r.scheduledAt.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Returns the projects whose sign-in evidence may have moved (for the checklist). */
export async function writeJourneyRuns(db: Database, runs: FinishedRun[], worker: string): Promise<{ written: number; transitions: number; projectIds: string[] }> {
  if (runs.length === 0) return { written: 0, transitions: 0, projectIds: [] };
  const unique = firstPerSlot(runs);
  return db.transaction(async (tx) => {
    const ids = [...new Set(unique.map((r) => r.journeyId))].sort();
    const current = await tx.select().from(journeys).where(inArray(journeys.id, ids)).orderBy(journeys.id).for('update');
    const byId = new Map(current.map((j) => [j.id, j]));
    // The run rows bump their projects' revisions through a trigger: take those rows up front, in id order (as monitors do).
    const projectIds = [...new Set(current.map((j) => j.projectId))].sort();
    if (projectIds.length > 0) await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds)).orderBy(projects.id).for('no key update');
    const rows = unique.filter((r) => byId.has(r.journeyId));
    if (rows.length === 0) return { written: 0, transitions: 0, projectIds: [] };
    const inserted = await tx
      .insert(journeyRuns)
      .values(
        rows.map((r) => ({
          journeyId: r.journeyId,
          projectId: byId.get(r.journeyId)!.projectId,
          scheduledAt: r.scheduledAt,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          ok: r.ok,
          failedStep: r.failedStep,
          failReason: r.failReason,
          steps: r.steps,
          totalMs: r.totalMs,
          worker,
        })),
      )
      .onConflictDoNothing()
      .returning({ journeyId: journeyRuns.journeyId, scheduledAt: journeyRuns.scheduledAt });
    const fresh = new Set(inserted.map((r) => `${r.journeyId}|${r.scheduledAt.getTime()}`));
    const accepted = rows.filter((r) => fresh.has(`${r.journeyId}|${r.scheduledAt.getTime()}`)).sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());

    await keepLatestScreenshots(tx, accepted, byId);

    const events: AlertEvent[] = [];
    for (const run of accepted) {
      const journey = byId.get(run.journeyId)!;
      const schedule: Partial<typeof journeys.$inferInsert> =
        journey.nextRunAt.getTime() === run.scheduledAt.getTime() ? { nextRunAt: new Date(run.scheduledAt.getTime() + journey.intervalSeconds * 1000), leaseUntil: null, leaseOwner: null } : {};
      // An older slot than the newest taken in (a stale worker's late write) is data, never a state change.
      if (journey.appliedSlotAt && run.scheduledAt.getTime() <= journey.appliedSlotAt.getTime()) {
        if (schedule.nextRunAt) await tx.update(journeys).set(schedule).where(eq(journeys.id, journey.id));
        Object.assign(journey, schedule);
        continue;
      }
      const step = applyResult(journey, run.ok);
      const patch: Partial<typeof journeys.$inferInsert> = {
        ...schedule,
        state: step.state,
        consecutiveFailures: step.consecutiveFailures,
        consecutiveSuccesses: step.consecutiveSuccesses,
        appliedSlotAt: run.scheduledAt,
        lastRunAt: run.startedAt,
        lastOk: run.ok,
        lastError: run.failReason,
        ...(step.transition ? { stateChangedAt: run.scheduledAt } : {}),
      };
      const taken = await tx
        .update(journeys)
        .set(patch)
        .where(and(eq(journeys.id, journey.id), or(isNull(journeys.appliedSlotAt), lt(journeys.appliedSlotAt, run.scheduledAt))))
        .returning({ id: journeys.id });
      if (taken.length === 0) continue;
      Object.assign(journey, patch);
      if (step.transition !== 'down' && step.transition !== 'recovered') continue;
      const down = step.transition === 'down';
      const firstUrl = run.steps[0]?.url ?? '';
      await recordActivity(tx, {
        projectId: journey.projectId,
        actorId: null,
        action: down ? 'journey.down' : 'journey.recovered',
        summary: down ? `saw the journey ${quoted(journey.name)} fail: ${run.failReason ?? 'a step failed'}` : `saw the journey ${quoted(journey.name)} pass again`,
        details: { journeyId: journey.id },
      });
      events.push({
        projectId: journey.projectId,
        eventKey: journeyEventKey(journey.id, step.transition, run.scheduledAt),
        payload: { kind: step.transition, monitorId: null, monitorName: `Journey “${journey.name}”`, url: firstUrl, at: run.scheduledAt.toISOString(), cause: run.failReason, incidentId: null },
      });
    }
    await enqueueAlerts(tx, events);
    return { written: accepted.length, transitions: events.length, projectIds };
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** One screenshot per journey, its latest failure's: an older slot written late never replaces a newer one. */
async function keepLatestScreenshots(tx: Tx, runs: FinishedRun[], byId: Map<string, { projectId: string }>) {
  const latest = new Map<string, FinishedRun>();
  for (const run of runs) if (run.screenshot && !run.ok) latest.set(run.journeyId, run);
  for (const run of latest.values()) {
    const row = { journeyId: run.journeyId, projectId: byId.get(run.journeyId)!.projectId, scheduledAt: run.scheduledAt, takenAt: run.finishedAt, failedStep: run.failedStep, pageUrl: run.screenshot!.pageUrl, png: run.screenshot!.png };
    await tx
      .insert(journeyScreenshots)
      .values(row)
      .onConflictDoUpdate({ target: journeyScreenshots.journeyId, set: { scheduledAt: row.scheduledAt, takenAt: row.takenAt, failedStep: row.failedStep, pageUrl: row.pageUrl, png: row.png }, setWhere: lt(journeyScreenshots.scheduledAt, row.scheduledAt) });
  }
}

/** Slots nobody ran in time: not counted (neither success nor failure); the journey resumes at its next slot. */
export async function skipMissedJourneys(db: Database, slots: { journeyId: string; scheduledAt: Date; intervalSeconds: number }[], now: Date): Promise<number> {
  let total = 0;
  for (const slot of slots) {
    const { missed, next } = skipMissed(slot.scheduledAt, slot.intervalSeconds, now);
    const moved = await db
      .update(journeys)
      .set({ nextRunAt: next, leaseUntil: null, leaseOwner: null })
      .where(and(eq(journeys.id, slot.journeyId), eq(journeys.nextRunAt, slot.scheduledAt)))
      .returning({ id: journeys.id });
    if (moved.length > 0) total += missed.length;
  }
  return total;
}
