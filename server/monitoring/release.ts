/** Gives claimed-but-unstarted slots back so another worker can run them without waiting for the lease. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitors } from '@/db/schema';

export async function releaseLeases(db: Database, worker: string, slots: { monitorId: string }[]): Promise<void> {
  if (slots.length === 0) return;
  await db
    .update(monitors)
    .set({ leaseUntil: null, leaseOwner: null })
    .where(and(eq(monitors.leaseOwner, worker), inArray(monitors.id, slots.map((s) => s.monitorId))));
}
