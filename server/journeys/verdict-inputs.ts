/**
 * What go / no-go needs from journeys: each journey that ran in the last 7 days (paused ones too,
 * as monitors: what they measured before the pause counts) and every enabled sign-in journey
 * (one that stopped running is stale evidence), with its 7-day success rate against its target.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { journeys } from '@/db/schema';
import type { Targets } from '@/lib/vocabulary/roadmap-template';
import type { VerdictJourney } from '@/server/roadmap/recommendation';
import { meetsTarget, projectJourneyRates, successPercent, successTargetFor } from './success-rate';

export async function journeyEvidence(db: Database, projectId: string, targets: Targets, now: Date): Promise<VerdictJourney[]> {
  const [list, rates] = await Promise.all([db.select().from(journeys).where(eq(journeys.projectId, projectId)).orderBy(journeys.createdAt), projectJourneyRates(db, projectId, now)]);
  return list
    .filter((j) => rates.has(j.id) || (j.enabled && j.kind === 'sign-in'))
    .map((j) => {
      const rate = rates.get(j.id);
      const target = successTargetFor(j, targets);
      const percent = rate ? successPercent(rate.last7d) : null;
      return {
        id: j.id,
        name: j.name,
        kind: j.kind,
        paused: !j.enabled,
        successPercent: percent,
        runs: rate?.last7d.runs ?? 0,
        passed: rate?.last7d.passed ?? 0,
        meetsTarget: percent === null || meetsTarget(percent, target),
        targetLabel: target.label,
        lastRunAt: rate?.lastRunAt?.toISOString() ?? null,
      };
    });
}
