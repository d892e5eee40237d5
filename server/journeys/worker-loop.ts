/**
 * The monitor worker's journey loop: claims due journeys (SKIP LOCKED, a lease), starts each at
 * its slot, buffers the results and writes them in batches; slots claimed too late are skipped,
 * not run late. Runs at most `concurrency` journeys at once, beside the monitors.
 */
import type { Database } from '@/db/types';
import type { HttpClient } from '@/server/net';
import { graceMs } from '@/server/monitoring/schedule';
import { claimDueJourneys, releaseJourneyLeases, type ClaimedJourney } from './claim';
import { runJourney } from './run-journey';
import { openJourneySecrets, type SecretsLoader } from './secrets';
import { skipMissedJourneys, writeJourneyRuns, type FinishedRun } from './write-runs';
import { projectsWithSignInJourneys, settleSignInChecklist } from './checklist';
import { claimJob } from '@/server/monitoring/housekeeping';
import { pruneJourneyRuns } from './prune';

export type JourneyLoopOptions = {
  db: Database;
  http: HttpClient;
  worker: string;
  secrets?: SecretsLoader;
  concurrency?: number;
  lookaheadMs?: number;
  leaseSlackMs?: number;
};

export type JourneyStats = { runs: number; written: number; missed: number };

export function createJourneyLoop(options: JourneyLoopOptions) {
  const { db, http, worker } = options;
  const loadSecrets = options.secrets ?? openJourneySecrets;
  const concurrency = options.concurrency ?? 20;
  const lookaheadMs = options.lookaheadMs ?? 1000;
  const stats: JourneyStats = { runs: 0, written: 0, missed: 0 };
  let buffer: FinishedRun[] = [];
  let inFlight = 0;
  let stopped = false;
  const waiting = new Map<NodeJS.Timeout, ClaimedJourney>();
  const running = new Set<Promise<void>>();

  async function execute(claim: ClaimedJourney): Promise<FinishedRun> {
    const startedAt = new Date();
    const secrets = await loadSecrets(db, claim.projectId);
    const result = await runJourney(http, claim.steps, secrets);
    return { ...result, journeyId: claim.journeyId, scheduledAt: claim.scheduledAt, startedAt, finishedAt: new Date() };
  }

  function fire(claim: ClaimedJourney) {
    const task = execute(claim)
      .then((run) => {
        buffer.push(run);
        stats.runs += 1;
      })
      // Secrets could not be read (database away): the lease runs out and the slot is re-run.
      .catch(() => undefined);
    running.add(task);
    void task.finally(() => {
      running.delete(task);
      inFlight -= 1;
    });
  }

  async function poll() {
    if (stopped || inFlight >= concurrency) return;
    const now = new Date();
    const claimed = await claimDueJourneys(db, { worker, now, horizon: new Date(now.getTime() + lookaheadMs), limit: concurrency - inFlight, leaseSlackMs: options.leaseSlackMs });
    const late: ClaimedJourney[] = [];
    for (const claim of claimed) {
      const delay = claim.scheduledAt.getTime() - Date.now();
      if (!claim.reclaimed && -delay > graceMs(claim.intervalSeconds)) {
        late.push(claim);
        continue;
      }
      inFlight += 1;
      if (delay <= 0) fire(claim);
      else {
        const timer = setTimeout(() => {
          waiting.delete(timer);
          fire(claim);
        }, delay);
        waiting.set(timer, claim);
      }
    }
    if (late.length > 0) stats.missed += await skipMissedJourneys(db, late, new Date());
  }

  async function flush() {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    let projectIds: string[];
    try {
      const result = await writeJourneyRuns(db, batch, worker);
      stats.written += result.written;
      projectIds = result.projectIds;
    } catch (error) {
      // The database is away: keep the results and try again next time.
      buffer = batch.concat(buffer);
      throw error;
    }
    for (const projectId of projectIds) await settleSignInChecklist(db, projectId, null);
  }

  /** Whichever worker wins the period: sign-in items settled again (a journey that stopped running goes stale), old runs pruned. */
  async function housekeeping() {
    const now = new Date();
    if (await claimJob(db, 'journey-settle', 600, now)) for (const projectId of await projectsWithSignInJourneys(db)) await settleSignInChecklist(db, projectId, null, now);
    if (await claimJob(db, 'journey-prune', 3600, now)) await pruneJourneyRuns(db, now);
  }

  return {
    stats,
    poll,
    flush,
    housekeeping,
    /** Stops claiming, gives back runs not started, waits for the running ones and writes them. */
    async stop() {
      stopped = true;
      const unstarted = [...waiting.values()];
      for (const timer of waiting.keys()) clearTimeout(timer);
      waiting.clear();
      await Promise.all([...running]);
      await flush();
      await releaseJourneyLeases(db, worker, unstarted.map((c) => c.journeyId));
    },
  };
}

/** One synchronous pass (tests, the demo): claims what is due now, runs it, writes the results. */
export async function runDueJourneysOnce(options: Omit<JourneyLoopOptions, 'concurrency' | 'lookaheadMs'> & { now?: Date }): Promise<{ runs: FinishedRun[]; written: number; missed: number }> {
  const { db, http, worker } = options;
  const now = options.now ?? new Date();
  const loadSecrets = options.secrets ?? openJourneySecrets;
  const claimed = await claimDueJourneys(db, { worker, now, horizon: now, limit: 100 });
  const late = claimed.filter((c) => !c.reclaimed && now.getTime() - c.scheduledAt.getTime() > graceMs(c.intervalSeconds));
  const missed = await skipMissedJourneys(db, late, now);
  const runs: FinishedRun[] = [];
  for (const claim of claimed.filter((c) => !late.includes(c))) {
    const startedAt = new Date();
    const result = await runJourney(http, claim.steps, await loadSecrets(db, claim.projectId));
    runs.push({ ...result, journeyId: claim.journeyId, scheduledAt: claim.scheduledAt, startedAt, finishedAt: new Date() });
  }
  const { written, projectIds } = await writeJourneyRuns(db, runs, worker);
  for (const projectId of projectIds) await settleSignInChecklist(db, projectId, null, now);
  return { runs, written, missed };
}
