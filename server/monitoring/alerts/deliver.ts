/**
 * Works through recorded notifications: claims due ones (SKIP LOCKED, with a lease), sends, marks
 * them sent. Failures retry with exponential backoff; after the last attempt the fallback contact
 * is told instead (its own uniquely keyed row). A sent row is never picked up again.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertChannels, alertDeliveries, alertSettings } from '@/db/schema';
import { rowsOf } from '../sql-rows';
import { destinationOf, sendAlert, type Destination, type SendDeps } from './send';

export const MAX_ATTEMPTS = 5;
/** Seconds before attempt n+1: 5, 20, 80, 320. */
export const backoffSeconds = (attempt: number) => 5 * 4 ** (attempt - 1);

type Claimed = { id: string; project_id: string; event_key: string; destination: string; channel_id: string | null; attempts: number };

export async function deliverDue(db: Database, deps: SendDeps, options: { now?: Date; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const claimed = await rowsOf<Claimed>(
    db,
    sql`update alert_deliveries d set lease_until = ${now.toISOString()}::timestamptz + interval '60 seconds', attempts = d.attempts + 1
        from (select id from alert_deliveries
              where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                and (lease_until is null or lease_until < ${now.toISOString()}::timestamptz)
              order by next_attempt_at limit ${options.limit ?? 20} for update skip locked) due
        where d.id = due.id
        returning d.id, d.project_id, d.event_key, d.destination, d.channel_id, d.attempts`,
  );
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const rows = await db.select().from(alertDeliveries).where(inArray(alertDeliveries.id, claimed.map((c) => c.id)));
  const channelIds = claimed.map((c) => c.channel_id).filter((id): id is string => id !== null);
  const projectIds = [...new Set(claimed.map((c) => c.project_id))];
  const [channels, settings] = await Promise.all([
    channelIds.length ? db.select().from(alertChannels).where(inArray(alertChannels.id, channelIds)) : Promise.resolve([]),
    db.select().from(alertSettings).where(inArray(alertSettings.projectId, projectIds)),
  ]);
  let sent = 0;
  let failed = 0;
  await Promise.all(
    claimed.map(async (claim) => {
      const row = rows.find((r) => r.id === claim.id)!;
      let destination: Destination | null = null;
      if (claim.destination === 'fallback') {
        const email = settings.find((s) => s.projectId === claim.project_id)?.fallbackEmail;
        if (email) destination = { kind: 'email', email };
      } else {
        const channel = channels.find((c) => c.id === claim.channel_id);
        if (channel) destination = destinationOf(channel.kind, channel.config);
      }
      try {
        if (!destination) throw new Error('The channel was removed.');
        await sendAlert(deps, destination, row.payload, `${claim.event_key}/${claim.destination}`);
        await db.update(alertDeliveries).set({ status: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null }).where(eq(alertDeliveries.id, claim.id));
        sent += 1;
      } catch (error) {
        failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        const attempts = Number(claim.attempts);
        if (attempts >= MAX_ATTEMPTS || !destination) {
          await db.transaction(async (tx) => {
            await tx.update(alertDeliveries).set({ status: 'failed', leaseUntil: null, lastError: message }).where(eq(alertDeliveries.id, claim.id));
            const fallback = settings.find((s) => s.projectId === claim.project_id)?.fallbackEmail;
            if (fallback && claim.destination !== 'fallback') {
              await tx.insert(alertDeliveries).values({ projectId: claim.project_id, eventKey: claim.event_key, destination: 'fallback', channelId: null, payload: row.payload }).onConflictDoNothing();
            }
          });
        } else {
          await db
            .update(alertDeliveries)
            .set({ leaseUntil: null, lastError: message, nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000) })
            .where(and(eq(alertDeliveries.id, claim.id), eq(alertDeliveries.status, 'pending')));
        }
      }
    }),
  );
  return { sent, failed };
}
