/**
 * Runs one claimed slot: closes the run an earlier claim left behind, starts the whole catalogue
 * as a scheduled run, keeps the lease alive while it runs, and — in the transaction that stores
 * the run — raises the alerts and moves the schedule to its next slot. So a slot is either fully
 * done (results, findings, alerts, next slot) or not at all, and then another claim runs it again.
 */
import { DomainError } from '@/server/errors';
import { eq } from 'drizzle-orm';
import type { Database, Tx } from '@/db/types';
import { checkSchedules, type CheckScheduleRow } from '@/db/schema';
import { loggableMessage } from '@/server/db-errors';
import { beginCheckRun, executeRun, markRunFailed, RunClosedError, RunStoppedError, type RunDeps } from '@/server/check-runs/run';
import type { FindingTransition } from '@/server/findings/record';
import { linkRun, lockProject, ofClaim, releaseClaim, renewLease, type ClaimedSchedule } from './claim';
import { enqueueFindingAlerts } from './finding-alerts';
import { slotAfter } from './slots';

/** Claims of one slot before it is given up (a run that keeps failing must not probe the product all day). */
export const MAX_ATTEMPTS = 3;
/** A person's run is going: try again this much later, without counting it as an attempt. */
export const BUSY_RETRY_MS = 2 * 60_000;
/** After a failed attempt: wait attempt × this before the next. */
export const FAILURE_RETRY_MS = 10 * 60_000;

export type SlotOutcome = 'done' | 'busy' | 'failed' | 'given-up' | 'stopped' | 'lost';

export type RunnerDeps = RunDeps & {
  clock: () => Date;
  leaseMs: number;
  /** True once the worker is stopping: no further check starts and the slot is handed back. */
  stopping: () => boolean;
  /** Tests only: a subset of the catalogue. */
  only?: string[];
  log: (message: string) => void;
};

/** The claim was taken over before the run could be stored. */
class ClaimLostError extends Error {
  constructor() {
    super('Another worker took this scheduled run over.');
    this.name = 'ClaimLostError';
  }
}

const slotWords = (slot: Date) => slot.toISOString().slice(0, 16).replace('T', ' ');

/** The slot after the claimed one; a person who changed the setting meanwhile already chose it. */
function nextSlot(row: CheckScheduleRow, claim: ClaimedSchedule, now: Date): Date | null {
  const untouched = row.nextRunAt?.getTime() === claim.slot.getTime();
  return untouched ? slotAfter({ frequency: row.frequency, hourUtc: row.hourUtc }, claim.slot, now) : row.nextRunAt;
}

/** In the run's storing transaction (which holds the project row already): only while the claim is still ours. */
async function finishSlot(tx: Tx, claim: ClaimedSchedule, outcome: { runId: string; transitions: FindingTransition[] }, now: Date) {
  const [row] = await tx.select().from(checkSchedules).where(ofClaim(claim)).for('update');
  if (!row || row.runId !== outcome.runId) throw new ClaimLostError();
  await enqueueFindingAlerts(tx, { projectId: claim.projectId, runId: outcome.runId, transitions: outcome.transitions, now });
  const nextRunAt = nextSlot(row, claim, now);
  await tx
    .update(checkSchedules)
    .set({ nextRunAt, leaseUntil: null, leaseOwner: null, attempts: 0, runId: null, lastRunId: outcome.runId, lastRunAt: now, lastError: null })
    .where(ofClaim(claim));
}

/** After the last attempt failed: record why and move on to the next slot. */
async function giveUp(db: Database, claim: ClaimedSchedule, now: Date, reason: string) {
  await db.transaction(async (tx) => {
    await lockProject(tx, claim.projectId);
    const [row] = await tx.select().from(checkSchedules).where(ofClaim(claim)).for('update');
    if (!row) return;
    const nextRunAt = nextSlot(row, claim, now);
    await tx
      .update(checkSchedules)
      .set({ nextRunAt, leaseUntil: null, leaseOwner: null, attempts: 0, runId: null, lastError: `The run due ${slotWords(claim.slot)} UTC did not finish after ${MAX_ATTEMPTS} attempts: ${reason}` })
      .where(ofClaim(claim));
  });
}

/** Renews the lease every third of its length until stopped; `lost` turns true if the claim was taken over. */
function keepLease(deps: RunnerDeps, claim: ClaimedSchedule) {
  const state = { lost: false };
  const timer = setInterval(() => {
    renewLease(deps.db, claim, new Date(deps.clock().getTime() + deps.leaseMs)).then(
      (ours) => {
        if (!ours) state.lost = true;
      },
      // The database is away: the lease runs on; if it runs out, the storing transaction finds out.
      () => undefined,
    );
  }, Math.max(50, Math.floor(deps.leaseMs / 3)));
  return { state, stop: () => clearInterval(timer) };
}

export async function runClaimedSlot(deps: RunnerDeps, claim: ClaimedSchedule): Promise<SlotOutcome> {
  const { db } = deps;
  if (claim.abandonedRunId) await markRunFailed(db, claim.abandonedRunId, 'The worker running these scheduled checks stopped before they finished; they were run again.');
  if (claim.attempts > MAX_ATTEMPTS) {
    const [row] = await db.select({ lastError: checkSchedules.lastError }).from(checkSchedules).where(eq(checkSchedules.projectId, claim.projectId));
    await giveUp(db, claim, deps.clock(), row?.lastError ?? 'the worker running it stopped each time.');
    return 'given-up';
  }
  const lease = keepLease(deps, claim);
  let runId: string | null = null;
  try {
    const started = await beginCheckRun(deps, {
      projectId: claim.projectId,
      actorId: null,
      scheduledFor: claim.slot,
      only: deps.only,
      alsoInTx: async (tx, id) => {
        if (!(await linkRun(tx, claim, id))) throw new ClaimLostError();
      },
    });
    runId = started.runId;
    await executeRun(deps, started, {
      stopped: () => lease.state.lost || deps.stopping(),
      finish: (tx, outcome) => finishSlot(tx, claim, outcome, deps.clock()),
    });
    return 'done';
  } catch (error) {
    return await afterFailure(deps, claim, runId, lease.state.lost, error);
  } finally {
    lease.stop();
  }
}

async function afterFailure(deps: RunnerDeps, claim: ClaimedSchedule, runId: string | null, lost: boolean, error: unknown): Promise<SlotOutcome> {
  const { db } = deps;
  if (error instanceof DomainError && error.kind === 'conflict') {
    await releaseClaim(db, claim, { retryAt: new Date(deps.clock().getTime() + BUSY_RETRY_MS), countAttempt: false });
    return 'busy';
  }
  if (lost || error instanceof ClaimLostError || error instanceof RunClosedError) {
    // Someone else runs this slot now; what this worker did is kept as a failed run, nothing more.
    if (runId) await markRunFailed(db, runId, 'Another worker took these scheduled checks over.');
    return 'lost';
  }
  if (error instanceof RunStoppedError) {
    if (runId) await markRunFailed(db, runId, 'The worker stopped before these scheduled checks finished; they run again on another worker.');
    await releaseClaim(db, claim, { retryAt: null, countAttempt: false });
    return 'stopped';
  }
  const reason = error instanceof DomainError ? error.message : 'the run stopped unexpectedly.';
  deps.log(`scheduled run for project ${claim.projectId} failed: ${loggableMessage(error)}`);
  if (runId) await markRunFailed(db, runId, 'The scheduled run stopped unexpectedly.');
  if (claim.attempts >= MAX_ATTEMPTS) await giveUp(db, claim, deps.clock(), reason);
  else await releaseClaim(db, claim, { retryAt: new Date(deps.clock().getTime() + claim.attempts * FAILURE_RETRY_MS), countAttempt: true, error: reason });
  return claim.attempts >= MAX_ATTEMPTS ? 'given-up' : 'failed';
}
