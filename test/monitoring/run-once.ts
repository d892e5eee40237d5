/** Claims whatever is due now, runs it and writes the results: one synchronous worker pass (tests, "check now"). */
import type { Database } from '@/db/types';
import { claimDue } from '@/server/monitoring/claim';
import { runProbe, type ProbeNetwork } from '@/server/monitoring/probe';
import { graceMs } from '@/server/monitoring/schedule';
import { recordMissed, writeResults, type FinishedCheck } from '@/server/monitoring/write-results';

export async function runDueOnce(db: Database, network: ProbeNetwork, worker = 'once', now = new Date()): Promise<{ checks: FinishedCheck[]; missed: number; written: number }> {
  const claimed = await claimDue(db, { worker, now, horizon: now, limit: 1000 });
  const late = claimed.filter((s) => !s.reclaimed && now.getTime() - s.scheduledAt.getTime() > graceMs(s.intervalSeconds));
  const due = claimed.filter((s) => !late.includes(s));
  const missed = await recordMissed(db, late, now);
  const checks = await Promise.all(due.map(async (slot) => ({ ...(await runProbe(network, slot)), monitorId: slot.monitorId, scheduledAt: slot.scheduledAt, startedAt: new Date() })));
  const { written } = await writeResults(db, checks, worker);
  return { checks, missed, written };
}
