/**
 * A project's schedule as people see and change it. A project without a row yet (new, or from
 * before scheduling existed) has the default — daily at an hour spread by its id — which the
 * workers write down within a minute (adoptProjects); both give the same next slot.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { checkRuns, checkSchedules, projects } from '@/db/schema';
import { recordActivity } from '@/server/services/activity';
import { notFound } from '@/server/errors';
import { defaultSetting, firstSlot, minuteOf, type ScheduleSetting } from './slots';
import { describeSchedule } from './words';

/** A slot this long past due with nothing running means no worker is picking scheduled runs up. */
export const OVERDUE_AFTER_MS = 15 * 60_000;

export type ScheduleView = ScheduleSetting & {
  minute: number;
  nextRunAt: Date | null;
  /** True when the next slot passed a while ago and no run has started for it. */
  overdue: boolean;
  running: { runId: string; startedAt: Date } | null;
  lastRun: { runId: string; startedAt: Date; finishedAt: Date | null; status: 'running' | 'done' | 'failed' } | null;
  lastError: string | null;
};

export async function readSchedule(db: Database, projectId: string, now = new Date()): Promise<ScheduleView> {
  const [row] = await db.select().from(checkSchedules).where(eq(checkSchedules.projectId, projectId));
  const setting: ScheduleSetting = row ? { frequency: row.frequency, hourUtc: row.hourUtc } : defaultSetting(projectId);
  const nextRunAt = row ? row.nextRunAt : firstSlot(projectId, setting, now);
  const runIds = [row?.runId, row?.lastRunId].filter((id): id is string => Boolean(id));
  const runs = runIds.length
    ? await db.select({ id: checkRuns.id, startedAt: checkRuns.startedAt, finishedAt: checkRuns.finishedAt, status: checkRuns.status }).from(checkRuns).where(inArray(checkRuns.id, runIds))
    : [];
  const current = runs.find((r) => r.id === row?.runId && r.status === 'running');
  const last = runs.find((r) => r.id === row?.lastRunId);
  return {
    ...setting,
    minute: minuteOf(projectId),
    nextRunAt,
    overdue: !current && nextRunAt !== null && now.getTime() - nextRunAt.getTime() > OVERDUE_AFTER_MS,
    running: current ? { runId: current.id, startedAt: current.startedAt } : null,
    lastRun: last ? { runId: last.id, startedAt: last.startedAt, finishedAt: last.finishedAt, status: last.status } : null,
    lastError: row?.lastError ?? null,
  };
}

/**
 * Changes how often the project re-runs its checks. The next slot starts over from now; a run in
 * progress finishes and leaves the new slot as it is.
 */
export async function setSchedule(db: Database, scope: { projectId: string; actorId: string }, setting: ScheduleSetting, now = new Date()): Promise<ScheduleView> {
  await db.transaction(async (tx) => {
    // The project row first, as every writer of runs does (no lock-order cycle with a finishing run).
    const [project] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, scope.projectId)).for('update');
    if (!project) throw notFound('Project');
    const [current] = await tx.select({ frequency: checkSchedules.frequency, hourUtc: checkSchedules.hourUtc }).from(checkSchedules).where(eq(checkSchedules.projectId, scope.projectId)).for('update');
    const before = current ?? defaultSetting(scope.projectId);
    if (current && before.frequency === setting.frequency && before.hourUtc === setting.hourUtc) return;
    const nextRunAt = firstSlot(scope.projectId, setting, now);
    const values = { frequency: setting.frequency, hourUtc: setting.hourUtc, nextRunAt, attempts: 0, lastError: null, updatedBy: scope.actorId, updatedAt: now };
    await tx
      .insert(checkSchedules)
      .values({ projectId: scope.projectId, ...values })
      .onConflictDoUpdate({ target: checkSchedules.projectId, set: values });
    const words = describeSchedule({ ...setting, minute: minuteOf(scope.projectId), nextRunAt });
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'checks.schedule',
      summary: setting.frequency === 'off' ? 'turned scheduled checks off' : `set the checks to run again ${words}`,
    });
  });
  return readSchedule(db, scope.projectId, now);
}

/** Writes the default schedule down for active projects that have none yet. */
export async function adoptProjects(db: Database, now: Date, batch = 500): Promise<number> {
  let adopted = 0;
  for (;;) {
    const missing = await db
      .select({ id: projects.id })
      .from(projects)
      .leftJoin(checkSchedules, eq(checkSchedules.projectId, projects.id))
      .where(and(eq(projects.status, 'active'), isNull(checkSchedules.projectId)))
      .limit(batch);
    if (missing.length === 0) return adopted;
    const rows = missing.map(({ id }) => {
      const setting = defaultSetting(id);
      return { projectId: id, ...setting, nextRunAt: firstSlot(id, setting, now) };
    });
    const inserted = await db.insert(checkSchedules).values(rows).onConflictDoNothing().returning({ id: checkSchedules.projectId });
    adopted += inserted.length;
    if (missing.length < batch) return adopted;
  }
}
