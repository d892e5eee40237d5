/**
 * A monitor worker: polls for due slots, fires each at its scheduled time, writes results in
 * batches, sends recorded alerts and takes its turn at housekeeping; given `scheduledChecks`, it
 * also runs projects' scheduled check runs. Everything it needs for correctness is in the
 * database, so any number can run side by side (or one inside the app).
 */
import { loggableMessage } from '@/server/db-errors';
import crypto from 'node:crypto';
import os from 'node:os';
import type { Database } from '@/db/types';
import type { Mailer } from '@/server/mail/mailer';
import { claimDue, type ClaimedSlot } from './claim';
import type { ProbeNetwork } from './probe';
import { probeSlot } from './probe-slot';
import { graceMs } from './schedule';
import { recordMissed, writeResults, type FinishedCheck } from './write-results';
import { deliverDue } from './alerts/deliver';
import { claimJob, evaluateDegraded, pruneRawResults } from './housekeeping';
import { releaseLeases } from './release';
import { runDueChatbotChecks } from '@/server/chatbot/schedule';
import type { CheckDeps } from '@/server/checks/types';
import { createScheduler, type Scheduler, type SchedulerOptions } from '@/server/scheduled-checks/scheduler';
import { createJourneyLoop, type JourneyStats } from '@/server/journeys/worker-loop';
import type { SecretsLoader } from '@/server/journeys/secrets';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, createBrowserPool } from '@/server/journeys/browser/browser-pool';

export type WorkerOptions = {
  db: Database;
  network: ProbeNetwork;
  mailer: Mailer;
  id?: string;
  /** Most slots claimed per poll. */
  batchSize?: number;
  pollMs?: number;
  /** Claim slots this far ahead so they fire on time. */
  lookaheadMs?: number;
  flushMs?: number;
  /** Most checks in flight at once. */
  concurrency?: number;
  housekeeping?: boolean;
  /** Extra lease time beyond a check's timeout before another worker may re-run the slot. */
  leaseSlackMs?: number;
  log?: (message: string) => void;
  /** Scheduled chatbot re-runs (server/chatbot/schedule.ts), claimed like monitor slots; off when absent. */
  chatbot?: { checkDeps: () => CheckDeps; everyMs?: number };
  /** The app's public origin, for links in alerts. */
  appUrl?: string;
  /**
   * Scheduled check runs (docs/decisions/0013): off unless given. They have their own loop and
   * their own limit of runs at once, so they never take a monitor slot.
   */
  scheduledChecks?: Omit<SchedulerOptions, 'db' | 'worker' | 'log'> & { pollMs?: number };
  /** Synthetic journeys (server/journeys), claimed like monitor slots; `false` turns them off. */
  journeys?: false | { secrets?: SecretsLoader; concurrency?: number; browser?: false | { maxQueued?: number; executablePath?: string } };
};

export type WorkerStats = { checks: number; written: number; missed: number; alertsSent: number; flushes: number; errors: number };

export type MonitorWorker = { id: string; stats: WorkerStats; journeyStats: JourneyStats | null; scheduler: Scheduler | null; stop(): Promise<void> };

export function startWorker(options: WorkerOptions): MonitorWorker {
  const id = options.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const { db, network } = options;
  const pollMs = options.pollMs ?? 250;
  const lookaheadMs = options.lookaheadMs ?? 1000;
  const flushMs = options.flushMs ?? 250;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 1000;
  const log = options.log ?? ((message: string) => console.error(`[monitor-worker ${id}] ${message}`));
  const stats: WorkerStats = { checks: 0, written: 0, missed: 0, alertsSent: 0, flushes: 0, errors: 0 };

  let stopped = false;
  let inFlight = 0;
  let buffer: FinishedCheck[] = [];
  const waiting = new Map<NodeJS.Timeout, ClaimedSlot>();
  const running = new Set<Promise<void>>();

  function fire(slot: ClaimedSlot) {
    const startedAt = new Date();
    const task = probeSlot(db, network, slot).then((result) => {
      buffer.push({ ...result, monitorId: slot.monitorId, scheduledAt: slot.scheduledAt, startedAt });
      stats.checks += 1;
    });
    running.add(task);
    void task.finally(() => {
      running.delete(task);
      inFlight -= 1;
    });
  }

  async function poll() {
    if (inFlight >= concurrency) return;
    const now = new Date();
    const claimed = await claimDue(db, { worker: id, now, horizon: new Date(now.getTime() + lookaheadMs), limit: Math.min(batchSize, concurrency - inFlight), leaseSlackMs: options.leaseSlackMs });
    const late: ClaimedSlot[] = [];
    for (const slot of claimed) {
      const delay = slot.scheduledAt.getTime() - Date.now();
      if (!slot.reclaimed && -delay > graceMs(slot.intervalSeconds)) {
        late.push(slot);
        continue;
      }
      inFlight += 1;
      if (delay <= 0) fire(slot);
      else {
        const timer = setTimeout(() => {
          waiting.delete(timer);
          fire(slot);
        }, delay);
        waiting.set(timer, slot);
      }
    }
    if (late.length > 0) stats.missed += await recordMissed(db, late, new Date());
    // A full batch means more is due: poll again at once.
    if (claimed.length === batchSize && !stopped) await poll();
  }

  async function flush() {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    try {
      const { written } = await writeResults(db, batch, id);
      stats.written += written;
      stats.flushes += 1;
    } catch (error) {
      // The database is away (restart, network): keep the results and try again next time.
      buffer = batch.concat(buffer);
      throw error;
    }
  }

  async function housekeeping() {
    const now = new Date();
    if (await claimJob(db, 'degraded', 60, now)) await evaluateDegraded(db, now);
    if (await claimJob(db, 'prune', 600, now)) await pruneRawResults(db, now);
  }

  // Drizzle wraps driver errors ("Failed query: … params: …"): logged as statement and reason,
  // never the parameter values (server/db-errors.ts). A repeating error (the database is away)
  // is logged once a minute, not on every poll.
  const lastLogged = new Map<string, number>();
  function report(name: string, error: unknown) {
    const message = `${name} failed: ${loggableMessage(error)}`;
    if (Date.now() - (lastLogged.get(message) ?? 0) < 60_000) return;
    lastLogged.set(message, Date.now());
    log(message);
  }

  function loop(name: string, everyMs: number, body: () => Promise<unknown>) {
    let timer: NodeJS.Timeout | undefined;
    let current: Promise<void> = Promise.resolve();
    const tick = () => {
      current = body()
        .then(() => undefined)
        .catch((error: unknown) => {
          stats.errors += 1;
          report(name, error);
        })
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, everyMs);
        });
    };
    timer = setTimeout(tick, 0);
    return async () => {
      clearTimeout(timer);
      await current;
    };
  }

  const scheduled = options.scheduledChecks;
  const scheduler = scheduled ? createScheduler({ ...scheduled, db, worker: id, log }) : null;

  // Browser journeys need Chromium on this machine; a worker without it leaves them to one that has it.
  const browserOptions = options.journeys === false ? false : options.journeys?.browser;
  const chromiumPath = (browserOptions ? browserOptions.executablePath : undefined) || CHROMIUM_PATH;
  const browserPool = browserOptions !== false && existsSync(chromiumPath) ? createBrowserPool({ executablePath: chromiumPath }) : null;
  const journeyLoop =
    options.journeys === false
      ? null
      : createJourneyLoop({
          db,
          http: network.http,
          worker: id,
          secrets: options.journeys?.secrets,
          concurrency: options.journeys?.concurrency,
          lookaheadMs,
          leaseSlackMs: options.leaseSlackMs,
          ...(browserPool ? { browser: { pool: browserPool, maxQueued: browserOptions ? browserOptions.maxQueued : undefined } } : {}),
        });

  const stops = [
    loop('claim', pollMs, poll),
    ...(journeyLoop
      ? [loop('journeys', pollMs, () => journeyLoop.poll()), loop('journey results', flushMs, () => journeyLoop.flush()), ...(options.housekeeping === false ? [] : [loop('journey housekeeping', 10_000, () => journeyLoop.housekeeping())])]
      : []),
    ...(scheduler ? [loop('scheduled checks', scheduled?.pollMs ?? 30_000, () => scheduler.tick())] : []),
    loop('flush', flushMs, flush),
    loop('alerts', 1000, async () => {
      stats.alertsSent += (await deliverDue(db, { mailer: options.mailer, http: network.http, appUrl: options.appUrl })).sent;
    }),
    ...(options.housekeeping === false ? [] : [loop('housekeeping', 10_000, housekeeping)]),
    ...(options.chatbot ? [loop('chatbot', options.chatbot.everyMs ?? 60_000, () => runDueChatbotChecks({ db, checkDeps: options.chatbot!.checkDeps, workerId: id, log }))] : []),
  ];

  return {
    id,
    stats,
    journeyStats: journeyLoop?.stats ?? null,
    scheduler,
    async stop() {
      stopped = true;
      await Promise.all([...stops.map((s) => s()), scheduler?.stop()]);
      // Slots claimed but not started go back at once instead of waiting for the lease.
      const unstarted = [...waiting.values()];
      for (const timer of waiting.keys()) clearTimeout(timer);
      waiting.clear();
      await Promise.all([...running]);
      try {
        await flush();
        await releaseLeases(db, id, unstarted);
        await journeyLoop?.stop();
      } catch (error) {
        log(`final flush failed (the leases will expire and another worker re-runs those slots): ${loggableMessage(error)}`);
      } finally {
        // The browser is closed whatever happened above.
        await browserPool?.close();
      }
    },
  };
}
