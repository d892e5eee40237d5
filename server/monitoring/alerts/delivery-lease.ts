/**
 * Claiming due deliveries. Each claim takes a lease and bumps `attempts`; the attempt number is
 * the claim's token, so a worker whose lease was taken over cannot record over the new attempt.
 * While a send is in flight its lease is renewed, so only a dead worker's rows are taken over
 * (a slow receiver alone never leads to a second send).
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertDeliveries } from '@/db/schema';
import { rowsOf } from '../sql-rows';

export type ClaimedDelivery = { id: string; projectId: string; eventKey: string; destination: string; channelId: string | null; attempt: number };

type Row = { id: string; project_id: string; event_key: string; destination: string; channel_id: string | null; attempts: number | string };

export async function claimDeliveries(db: Database, options: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]> {
  const now = options.now.toISOString();
  const rows = await rowsOf<Row>(
    db,
    sql`update alert_deliveries d set lease_until = ${now}::timestamptz + ${options.leaseMs} * interval '1 millisecond', attempts = d.attempts + 1
        from (select id from alert_deliveries
              where status = 'pending' and next_attempt_at <= ${now}::timestamptz
                and (lease_until is null or lease_until < ${now}::timestamptz)
              order by next_attempt_at limit ${options.limit} for update skip locked) due
        where d.id = due.id
        returning d.id, d.project_id, d.event_key, d.destination, d.channel_id, d.attempts`,
  );
  return rows.map((r) => ({ id: r.id, projectId: r.project_id, eventKey: r.event_key, destination: r.destination, channelId: r.channel_id, attempt: Number(r.attempts) }));
}

/**
 * Renews the leases of the claims in `inFlight` (id → attempt) every third of the lease until
 * stopped. `clock` is the claimer's clock, so leases stay on the same time line as the claim.
 * A failed renewal (the database is away) is not an error: the lease simply runs on.
 */
export function keepLeases(db: Database, inFlight: Map<string, number>, options: { leaseMs: number; clock: () => Date }): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (inFlight.size === 0) return;
    const claims = [...inFlight].map(([id, attempt]) => and(eq(alertDeliveries.id, id), eq(alertDeliveries.attempts, attempt)));
    running = running
      .then(() => db.update(alertDeliveries).set({ leaseUntil: new Date(options.clock().getTime() + options.leaseMs) }).where(and(eq(alertDeliveries.status, 'pending'), or(...claims))))
      .then(
        () => undefined,
        () => undefined,
      );
  }, Math.max(100, Math.floor(options.leaseMs / 3)));
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
