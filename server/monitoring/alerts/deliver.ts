/**
 * Works through recorded notifications: claims due ones (SKIP LOCKED, a lease renewed while the
 * send runs, the attempt number as the claim's token), sends, marks them sent at once. Failures
 * retry with exponential backoff; after the last attempt the fallback contact is told instead
 * (its own uniquely keyed row). A sent row is never picked up again.
 *
 * What remains: a worker that dies after a receiver accepted an alert but before the database
 * recorded it sends it once more after the lease (SMTP has no idempotency; webhooks carry
 * `X-LaunchReady-Delivery` for receivers to drop the repeat). A send with no answer within
 * MAX_SEND_MS counts as failed and is retried, so it too can repeat if it did get through late.
 */
import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertChannels, alertDeliveries, alertSettings } from '@/db/schema';
import { destinationOf, sendAlert, type Destination, type SendDeps } from './send';
import { claimDeliveries, keepLeases, type ClaimedDelivery } from './delivery-lease';
import { MAX_ATTEMPTS, markSent, recordFailure } from './delivery-outcome';

/** How long a claim holds without renewal: a dead worker's rows are retried this long after. */
export const DELIVERY_LEASE_MS = 60_000;
/** A send still unanswered after this is given up on (and retried). */
export const MAX_SEND_MS = 120_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function deliverDue(db: Database, deps: SendDeps, options: { now?: Date; limit?: number; leaseMs?: number } = {}): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const leaseMs = options.leaseMs ?? DELIVERY_LEASE_MS;
  const claimed = await claimDeliveries(db, { now, leaseMs, limit: options.limit ?? 20 });
  if (claimed.length === 0) return { sent: 0, failed: 0 };

  const started = Date.now();
  const inFlight = new Map(claimed.map((c) => [c.id, c.attempt]));
  const renewal = keepLeases(db, inFlight, { leaseMs, clock: () => new Date(now.getTime() + Date.now() - started) });
  try {
    const rows = await db.select().from(alertDeliveries).where(inArray(alertDeliveries.id, claimed.map((c) => c.id)));
    const channelIds = claimed.map((c) => c.channelId).filter((id): id is string => id !== null);
    const projectIds = [...new Set(claimed.map((c) => c.projectId))];
    const [channels, settings] = await Promise.all([
      channelIds.length ? db.select().from(alertChannels).where(inArray(alertChannels.id, channelIds)) : Promise.resolve([]),
      db.select().from(alertSettings).where(inArray(alertSettings.projectId, projectIds)),
    ]);
    const fallbackOf = (projectId: string) => settings.find((s) => s.projectId === projectId)?.fallbackEmail ?? null;

    function destinationFor(claim: ClaimedDelivery): Destination | null {
      if (claim.destination === 'fallback') {
        const email = fallbackOf(claim.projectId);
        return email ? { kind: 'email', email } : null;
      }
      const channel = channels.find((c) => c.id === claim.channelId);
      return channel ? destinationOf(channel.kind, channel.config) : null;
    }

    /** One attempt: send, then record the outcome. The lease is renewed until it is recorded. */
    async function attempt(claim: ClaimedDelivery): Promise<'sent' | 'failed'> {
      const payload = rows.find((r) => r.id === claim.id)!.payload;
      let destination: Destination | null = null;
      try {
        destination = destinationFor(claim);
        if (!destination) throw new Error('The channel was removed.');
        await withTimeout(sendAlert(deps, destination, payload, `${claim.eventKey}/${claim.destination}`), MAX_SEND_MS);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const final = claim.attempt >= MAX_ATTEMPTS || !destination;
        // Nothing went out; if even this write fails, the lease runs out and the attempt is re-run.
        await recordFailure(db, claim, { message, now, final, fallbackEmail: fallbackOf(claim.projectId), payload }).catch(() => undefined);
        return 'failed';
      }
      // It went out: a failed write from here on must never turn into a second send.
      await markSent(db, claim.id);
      return 'sent';
    }

    const outcomes = await Promise.all(claimed.map((claim) => attempt(claim).finally(() => inFlight.delete(claim.id))));
    const sent = outcomes.filter((o) => o === 'sent').length;
    return { sent, failed: outcomes.length - sent };
  } finally {
    await renewal.stop();
  }
}
