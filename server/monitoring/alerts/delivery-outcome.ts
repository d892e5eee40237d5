/**
 * Recording how a delivery attempt ended. A sent alert is marked sent with retries (a database
 * restart at that moment must not turn into a second send); a failed one is retried with backoff
 * or, after the last attempt, handed to the fallback contact. Failures are recorded only by the
 * claim that made the attempt (its attempt number).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertDeliveries, type AlertPayload } from '@/db/schema';
import type { ClaimedDelivery } from './delivery-lease';

export const MAX_ATTEMPTS = 5;
/** Seconds before attempt n+1: 5, 20, 80, 320. */
export const backoffSeconds = (attempt: number) => 5 * 4 ** (attempt - 1);

/** Waits between tries of "mark sent": about 8 s in all, well inside the (renewed) lease. */
const MARK_RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * Returns false when the database never took it: the lease then runs out and the alert is sent
 * again — the one repeat a crash (or an outage this long) right after a send can cause.
 */
export async function markSent(db: Database, id: string): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db.update(alertDeliveries).set({ status: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null }).where(eq(alertDeliveries.id, id));
      return true;
    } catch {
      const wait = MARK_RETRY_MS[attempt];
      if (wait === undefined) return false;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

export async function recordFailure(
  db: Database,
  claim: ClaimedDelivery,
  options: { message: string; now: Date; final: boolean; fallbackEmail: string | null; payload: AlertPayload },
): Promise<void> {
  const ours = and(eq(alertDeliveries.id, claim.id), eq(alertDeliveries.attempts, claim.attempt), eq(alertDeliveries.status, 'pending'));
  if (!options.final) {
    await db
      .update(alertDeliveries)
      .set({ leaseUntil: null, lastError: options.message, nextAttemptAt: new Date(options.now.getTime() + backoffSeconds(claim.attempt) * 1000) })
      .where(ours);
    return;
  }
  await db.transaction(async (tx) => {
    const closed = await tx.update(alertDeliveries).set({ status: 'failed', leaseUntil: null, lastError: options.message }).where(ours).returning({ id: alertDeliveries.id });
    if (closed.length === 0 || !options.fallbackEmail || claim.destination === 'fallback') return;
    await tx.insert(alertDeliveries).values({ projectId: claim.projectId, eventKey: claim.eventKey, destination: 'fallback', channelId: null, payload: options.payload }).onConflictDoNothing();
  });
}
