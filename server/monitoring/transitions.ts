/**
 * What a state change records besides the monitor row: the incident it opens or closes, the
 * activity line and the alert event. An event is keyed by (monitor, transition, slot), so the
 * same change can produce only one notification per destination (alert_deliveries is unique on
 * (event_key, destination)), whichever worker or retry records it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import { monitorIncidents } from '@/db/schema';
import { recordActivity, quoted } from '@/server/services/activity';
import type { AlertEvent } from './alerts/enqueue';
import type { Transition } from './state';

export type NotifiedTransition = Exclude<Transition, 'first-up'>;

const PAYLOAD_KIND = { down: 'down', recovered: 'recovered', degraded: 'degraded', 'latency-recovered': 'recovered' } as const;

/** `slot`: the scheduled slot whose result made the change (or, for latency, when it was judged). */
export function transitionKey(monitorId: string, transition: NotifiedTransition, slot: Date): string {
  return `${monitorId}:${transition}@${slot.toISOString()}`;
}

export function alertEvent(
  monitor: { id: string; projectId: string; name: string; url: string },
  slot: Date,
  transition: NotifiedTransition,
  at: Date,
  cause: string | null,
  incidentId: string | null,
): AlertEvent {
  return {
    projectId: monitor.projectId,
    eventKey: transitionKey(monitor.id, transition, slot),
    payload: { kind: PAYLOAD_KIND[transition], monitorId: monitor.id, monitorName: monitor.name, url: monitor.url, at: at.toISOString(), cause, incidentId },
  };
}

type Monitor = { id: string; projectId: string; name: string; url: string; intervalSeconds: number };

/**
 * Opens or closes the incident of a down / recovered change and logs it; returns the alert event.
 * A "down" alert says since when: the first failed check of the streak.
 */
export async function recordTransition(
  tx: Tx,
  monitor: Monitor,
  transition: 'down' | 'recovered',
  check: { scheduledAt: Date; error: string | null },
  consecutiveFailures: number,
): Promise<AlertEvent> {
  if (transition === 'down') {
    const since = new Date(check.scheduledAt.getTime() - (consecutiveFailures - 1) * monitor.intervalSeconds * 1000);
    const [incident] = await tx
      .insert(monitorIncidents)
      .values({ monitorId: monitor.id, projectId: monitor.projectId, startedAt: since, cause: check.error ?? 'The check failed.', failedChecks: consecutiveFailures })
      .onConflictDoNothing()
      .returning({ id: monitorIncidents.id });
    const incidentId = incident?.id ?? null;
    await recordActivity(tx, { projectId: monitor.projectId, actorId: null, action: 'monitor.down', summary: `saw ${quoted(monitor.name)} go down: ${check.error ?? 'the check failed'}`, details: { monitorId: monitor.id, incidentId } });
    return alertEvent(monitor, check.scheduledAt, 'down', since, check.error, incidentId);
  }
  const [closed] = await tx
    .update(monitorIncidents)
    .set({ endedAt: check.scheduledAt })
    .where(and(eq(monitorIncidents.monitorId, monitor.id), isNull(monitorIncidents.endedAt)))
    .returning({ id: monitorIncidents.id });
  const incidentId = closed?.id ?? null;
  await recordActivity(tx, { projectId: monitor.projectId, actorId: null, action: 'monitor.recovered', summary: `saw ${quoted(monitor.name)} recover`, details: { monitorId: monitor.id, incidentId } });
  return alertEvent(monitor, check.scheduledAt, 'recovered', check.scheduledAt, check.error, incidentId);
}
