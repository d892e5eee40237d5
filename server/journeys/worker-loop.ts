/**
 * The monitor worker's journey loop: claims due journeys (SKIP LOCKED, a lease), starts each at
 * its slot, buffers the results and writes them in batches; slots claimed too late are skipped,
 * not run late. Runs at most `concurrency` request journeys at once, beside the monitors, and
 * browser journeys one at a time in the worker's one browser (at most `browser.maxQueued` claimed
 * and waiting for it; without a browser pool, browser journeys are left to workers that have one).
 */
import type { Database } from '@/db/types';
import type { HttpClient } from '@/server/net';
import { graceMs } from '@/server/monitoring/schedule';
import { claimDueJourneys, releaseJourneyLeases, type ClaimedJourney } from './claim';
import { runJourney, type JourneyRunResult } from './run-journey';
import { BROWSER_JOURNEY_LIMIT_MS, runBrowserJourney } from './browser/run-browser-journey';
import type { BrowserPool } from './browser/browser-pool';
import type { SecretBox } from './secret-box';
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
  /** The worker's browser for browser journeys; absent → they are not claimed here. */
  browser?: { pool: BrowserPool; maxQueued?: number };
};

/** Runs one claimed journey of any kind (never throws but for the secrets store being away). */
export async function runClaimedJourney(claim: ClaimedJourney, http: HttpClient, secrets: SecretBox, pool: BrowserPool | undefined): Promise<JourneyRunResult & Pick<FinishedRun, 'screenshot'>> {
  if (claim.kind !== 'browser') return runJourney(http, claim.steps, secrets);
  if (!pool) throw new Error('A browser journey was claimed by a worker without a browser.');
  const { refused: _refused, ...result } = await runBrowserJourney(pool, http, claim.browserSteps, secrets);
  return result;
}

export type JourneyStats = { runs: number; written: number; missed: number };

export function createJourneyLoop(options: JourneyLoopOptions) {
  const { db, http, worker } = options;
  const loadSecrets = options.secrets ?? openJourneySecrets;
  const concurrency = options.concurrency ?? 20;
  const lookaheadMs = options.lookaheadMs ?? 1000;
  const stats: JourneyStats = { runs: 0, written: 0, missed: 0 };
  let buffer: FinishedRun[] = [];
  let inFlight = 0;
  let browserInFlight = 0;
  const pool = options.browser?.pool;
  const maxQueued = options.browser?.maxQueued ?? 5;
  let stopped = false;
  const waiting = new Map<NodeJS.Timeout, ClaimedJourney>();
  const running = new Set<Promise<void>>();

  async function execute(claim: ClaimedJourney): Promise<FinishedRun> {
    const startedAt = new Date();
    const secrets = await loadSecrets(db, claim.projectId);
    const result = await runClaimedJourney(claim, http, secrets, pool);
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
      if (claim.kind === 'browser') browserInFlight -= 1;
      else inFlight -= 1;
    });
  }

  async function poll() {
    if (stopped) return;
    const now = new Date();
    const horizon = new Date(now.getTime() + lookaheadMs);
    const claimed = [
      ...(inFlight < concurrency ? await claimDueJourneys(db, { worker, now, horizon, limit: concurrency - inFlight, leaseSlackMs: options.leaseSlackMs }) : []),
      // A claimed browser journey may wait behind the others in the queue: its lease covers them.
      ...(pool && browserInFlight < maxQueued
        ? await claimDueJourneys(db, { worker, now, horizon, limit: maxQueued - browserInFlight, leaseSlackMs: options.leaseSlackMs, browser: true, browserQueueMs: maxQueued * BROWSER_JOURNEY_LIMIT_MS })
        : []),
    ];
    const late: ClaimedJourney[] = [];
    for (const claim of claimed) {
      const delay = claim.scheduledAt.getTime() - Date.now();
      if (!claim.reclaimed && -delay > graceMs(claim.intervalSeconds)) {
        late.push(claim);
        continue;
      }
      if (claim.kind === 'browser') browserInFlight += 1;
      else inFlight += 1;
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
  const pool = options.browser?.pool;
  const claimed = [...(await claimDueJourneys(db, { worker, now, horizon: now, limit: 100 })), ...(pool ? await claimDueJourneys(db, { worker, now, horizon: now, limit: 100, browser: true, browserQueueMs: 100 * BROWSER_JOURNEY_LIMIT_MS }) : [])];
  const late = claimed.filter((c) => !c.reclaimed && now.getTime() - c.scheduledAt.getTime() > graceMs(c.intervalSeconds));
  const missed = await skipMissedJourneys(db, late, now);
  const runs: FinishedRun[] = [];
  for (const claim of claimed.filter((c) => !late.includes(c))) {
    const startedAt = new Date();
    const result = await runClaimedJourney(claim, http, await loadSecrets(db, claim.projectId), pool);
    runs.push({ ...result, journeyId: claim.journeyId, scheduledAt: claim.scheduledAt, startedAt, finishedAt: new Date() });
  }
  const { written, projectIds } = await writeJourneyRuns(db, runs, worker);
  for (const projectId of projectIds) await settleSignInChecklist(db, projectId, null, now);
  return { runs, written, missed };
}
