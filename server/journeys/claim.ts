/**
 * Claiming due journey runs, as monitors are claimed (server/monitoring/claim.ts): the inner
 * SELECT … FOR UPDATE SKIP LOCKED hands each due journey to exactly one worker, and the lease
 * (every step's longest time limit plus slack) lets another worker re-run the slot if this one
 * dies before writing the result. Browser journeys are claimed apart (`browser: true`): they wait
 * for the worker's one browser, so their lease also covers the journeys queued ahead of them.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { journeys, type BrowserStep, type JourneyStep } from '@/db/schema';
import { rowsOf, toDate } from '@/server/monitoring/sql-rows';
import { BROWSER_JOURNEY_LIMIT_MS } from './browser/run-browser-journey';

export type ClaimedJourney = {
  journeyId: string;
  projectId: string;
  kind: 'sign-in' | 'api' | 'browser';
  steps: JourneyStep[];
  browserSteps: BrowserStep[];
  intervalSeconds: number;
  scheduledAt: Date;
  /** An earlier claim of this slot expired (its worker died): always re-run it. */
  reclaimed: boolean;
};

type Row = { id: string; project_id: string; kind: 'sign-in' | 'api' | 'browser'; steps: JourneyStep[] | string; browser_steps: BrowserStep[] | string; interval_seconds: number; next_run_at: Date | string; previous_lease: Date | string | null };

/** The longest a run may take: every step at its 30 s ceiling. */
const STEP_CEILING_MS = 30_000;

/**
 * `browser`: claim browser journeys only (else only request journeys); `browserQueueMs` is how
 * long the claimed browser journey may wait for the ones ahead of it in the browser queue.
 */
export async function claimDueJourneys(
  db: Database,
  options: { worker: string; now: Date; horizon: Date; limit: number; leaseSlackMs?: number; browser?: boolean; browserQueueMs?: number },
): Promise<ClaimedJourney[]> {
  if (options.limit <= 0) return [];
  const slack = options.leaseSlackMs ?? 15_000;
  const browser = options.browser === true;
  const lease = browser
    ? sql`${BROWSER_JOURNEY_LIMIT_MS + (options.browserQueueMs ?? 0) + slack}`
    : sql`(jsonb_array_length(j.steps) * ${STEP_CEILING_MS} + ${slack})`;
  const kindFilter = browser ? sql`kind = 'browser'` : sql`kind <> 'browser'`;
  const rows = await rowsOf<Row>(
    db,
    sql`update journeys j
        set lease_until = ${options.horizon.toISOString()}::timestamptz + (${lease} * interval '1 millisecond'),
            lease_owner = ${options.worker}
        from (
          select id, lease_until as previous_lease from journeys
          where enabled and ${kindFilter} and next_run_at <= ${options.horizon.toISOString()}::timestamptz
            and (lease_until is null or lease_until < ${options.now.toISOString()}::timestamptz)
          order by next_run_at
          limit ${options.limit}
          for update skip locked
        ) due
        where j.id = due.id
        returning j.id, j.project_id, j.kind, j.steps, j.browser_steps, j.interval_seconds, j.next_run_at, due.previous_lease`,
  );
  return rows.map((r) => ({
    journeyId: r.id,
    projectId: r.project_id,
    kind: r.kind,
    steps: typeof r.steps === 'string' ? (JSON.parse(r.steps) as JourneyStep[]) : r.steps,
    browserSteps: typeof r.browser_steps === 'string' ? (JSON.parse(r.browser_steps) as BrowserStep[]) : r.browser_steps,
    intervalSeconds: Number(r.interval_seconds),
    scheduledAt: toDate(r.next_run_at)!,
    reclaimed: r.previous_lease !== null,
  }));
}

/** Gives claimed-but-unstarted runs back at once (a worker stopping) instead of waiting for the lease. */
export async function releaseJourneyLeases(db: Database, worker: string, journeyIds: string[]): Promise<void> {
  if (journeyIds.length === 0) return;
  await db.update(journeys).set({ leaseUntil: null, leaseOwner: null }).where(and(eq(journeys.leaseOwner, worker), inArray(journeys.id, journeyIds)));
}
