/**
 * Claiming due scheduled runs. Any number of workers run this at once: SELECT … FOR UPDATE SKIP
 * LOCKED hands each due project to exactly one of them, and the lease it sets lets another worker
 * take the slot over if this one dies. Each claim bumps `attempts`; (owner, attempts) is the
 * claim's token, so a worker that lost its claim can no longer renew, release or finish it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db/types';
import { checkSchedules, projects } from '@/db/schema';
import { rowsOf, toDate } from '@/server/monitoring/sql-rows';
import type { Frequency } from './slots';

export type ClaimedSchedule = {
  projectId: string;
  worker: string;
  /** The slot this run is for. */
  slot: Date;
  frequency: Exclude<Frequency, 'off'>;
  hourUtc: number;
  attempts: number;
  /** The run an earlier claim of this slot started and never closed (its worker died or stalled). */
  abandonedRunId: string | null;
};

type Row = { project_id: string; next_run_at: Date | string; frequency: Exclude<Frequency, 'off'>; hour_utc: number; attempts: number | string; abandoned_run: string | null };

export async function claimDueSchedules(db: Database, options: { worker: string; now: Date; limit: number; leaseMs: number }): Promise<ClaimedSchedule[]> {
  const now = options.now.toISOString();
  const rows = await rowsOf<Row>(
    db,
    sql`update check_schedules s
        set lease_until = ${now}::timestamptz + ${options.leaseMs} * interval '1 millisecond', lease_owner = ${options.worker}, attempts = s.attempts + 1
        from (
          select c.project_id, c.run_id as abandoned_run from check_schedules c
          join projects p on p.id = c.project_id and p.status = 'active'
          where c.frequency <> 'off' and c.next_run_at <= ${now}::timestamptz
            and (c.lease_until is null or c.lease_until < ${now}::timestamptz)
          order by c.next_run_at
          limit ${options.limit}
          for update of c skip locked
        ) due
        where s.project_id = due.project_id
        returning s.project_id, s.next_run_at, s.frequency, s.hour_utc, s.attempts, due.abandoned_run`,
  );
  return rows.map((r) => ({
    projectId: r.project_id,
    worker: options.worker,
    slot: toDate(r.next_run_at)!,
    frequency: r.frequency,
    hourUtc: Number(r.hour_utc),
    attempts: Number(r.attempts),
    abandonedRunId: r.abandoned_run,
  }));
}

/** Rows of this claim only: the same owner and attempt number. */
export function ofClaim(claim: ClaimedSchedule) {
  return and(eq(checkSchedules.projectId, claim.projectId), eq(checkSchedules.leaseOwner, claim.worker), eq(checkSchedules.attempts, claim.attempts));
}

/** Extends the lease; false when the claim is no longer ours (another worker took the slot over). */
export async function renewLease(db: Database, claim: ClaimedSchedule, until: Date): Promise<boolean> {
  const rows = await db.update(checkSchedules).set({ leaseUntil: until }).where(ofClaim(claim)).returning({ id: checkSchedules.projectId });
  return rows.length > 0;
}

/** Records which run this claim started, in the transaction that starts it; false when the claim was lost. */
export async function linkRun(tx: DbOrTx, claim: ClaimedSchedule, runId: string): Promise<boolean> {
  const rows = await tx.update(checkSchedules).set({ runId }).where(ofClaim(claim)).returning({ id: checkSchedules.projectId });
  return rows.length > 0;
}

/**
 * Gives the slot back without running it: `retryAt` null lets any worker take it at once;
 * `countAttempt` false does not count this claim against the slot's attempts.
 */
export async function releaseClaim(db: Database, claim: ClaimedSchedule, options: { retryAt: Date | null; countAttempt: boolean; error?: string }) {
  await db.transaction(async (tx) => {
    await lockProject(tx, claim.projectId);
    await tx
      .update(checkSchedules)
      .set({
        leaseUntil: options.retryAt,
        leaseOwner: null,
        runId: null,
        ...(options.countAttempt ? {} : { attempts: sql`${checkSchedules.attempts} - 1` }),
        ...(options.error !== undefined ? { lastError: options.error } : {}),
      })
      .where(ofClaim(claim));
  });
}

/**
 * Writers of a schedule row take the project row first, as starting and storing a run do (and
 * the revision trigger would, after): one lock order everywhere, so no two of them deadlock.
 */
export async function lockProject(tx: DbOrTx, projectId: string) {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
}
