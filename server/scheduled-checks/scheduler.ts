/**
 * The scheduled-run side of a monitor worker. Each tick writes down the default schedule of new
 * projects (once a minute across all workers), then claims due slots up to this worker's own
 * limit of runs at once (default 1) and runs them in the background. Scheduled runs never take a
 * monitor slot: monitors are claimed and fired by their own loop, and a run's checks go at most
 * four at a time with a time cap each (docs/decisions/0013).
 */
import type { Database } from '@/db/types';
import type { CheckDeps } from '@/server/checks/types';
import { loggableMessage } from '@/server/db-errors';
import { claimJob } from '@/server/monitoring/housekeeping';
import { claimDueSchedules } from './claim';
import { runClaimedSlot, type SlotOutcome } from './runner';
import { adoptProjects } from './settings';

/** How long a claim holds without renewal; renewed every third while the run goes. */
export const SCHEDULE_LEASE_MS = 2 * 60_000;

export type SchedulerOptions = {
  db: Database;
  checkDeps: () => CheckDeps;
  worker: string;
  clock?: () => Date;
  /** Scheduled runs this worker runs at once. */
  maxRuns?: number;
  leaseMs?: number;
  /** Tests only: a subset of the catalogue. */
  only?: string[];
  log?: (message: string) => void;
};

export type Scheduler = {
  /** Claims what is due and starts it; resolves once started (not finished). */
  tick(): Promise<void>;
  /** Resolves when the runs this scheduler started have ended. */
  idle(): Promise<void>;
  /** Starts nothing more, stops the runs in progress at their next check and hands their slots back. */
  stop(): Promise<void>;
  stats: Record<SlotOutcome, number>;
};

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, worker } = options;
  const clock = options.clock ?? (() => new Date());
  const maxRuns = options.maxRuns ?? 1;
  const leaseMs = options.leaseMs ?? SCHEDULE_LEASE_MS;
  const log = options.log ?? ((message: string) => console.error(`[scheduled-checks ${worker}] ${message}`));
  const stats: Record<SlotOutcome, number> = { done: 0, busy: 0, failed: 0, 'given-up': 0, stopped: 0, lost: 0 };
  const running = new Set<Promise<void>>();
  let stopping = false;

  const deps = { db, checkDeps: options.checkDeps, clock, leaseMs, stopping: () => stopping, only: options.only, log };

  async function tick() {
    if (stopping) return;
    const now = clock();
    if (await claimJob(db, 'schedule-adopt', 60, now)) await adoptProjects(db, now);
    const free = maxRuns - running.size;
    if (free <= 0) return;
    const claimed = await claimDueSchedules(db, { worker, now, limit: free, leaseMs });
    for (const claim of claimed) {
      const run: Promise<void> = runClaimedSlot(deps, claim)
        .then((outcome) => {
          stats[outcome] += 1;
        })
        .catch((error: unknown) => log(`scheduled run for project ${claim.projectId}: ${loggableMessage(error)} (the lease runs out and the slot is taken again)`))
        .finally(() => running.delete(run));
      running.add(run);
    }
  }

  async function idle() {
    while (running.size > 0) await Promise.allSettled([...running]);
  }

  return {
    tick,
    idle,
    async stop() {
      stopping = true;
      await idle();
    },
    stats,
  };
}
