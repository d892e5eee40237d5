/**
 * Records the notifications of one state change, in the same transaction as the change: one row
 * per enabled channel (or the fallback contact when there is none), keyed by (event, destination)
 * so a retried transaction or a second worker can never create a second one.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import { alertChannels, alertDeliveries, alertSettings, monitorRollups, projects, type AlertPayload } from '@/db/schema';
import type { CheckCounts } from '../uptime';

/** A payload without the project's name, which is filled in here (Omit of each member of the union). */
type PayloadWithoutName = AlertPayload extends infer P ? (P extends AlertPayload ? Omit<P, 'projectName'> : never) : never;

export type AlertEvent = { projectId: string; eventKey: string; payload: PayloadWithoutName };

const HOUR = 3_600_000;

/** The monitor an event is about; finding alerts are about no monitor. */
function monitorIdOf(event: AlertEvent): string | null {
  return 'monitorId' in event.payload ? event.payload.monitorId : null;
}

/**
 * Each alerted monitor's checks of the last 24 hours (the hour of the earliest event and the 23
 * before it, up to now), read after this transaction's rollups were written: the alert states
 * uptime by the same definition as the panels.
 */
async function lastDayCounts(tx: Tx, events: AlertEvent[]): Promise<Map<string, CheckCounts>> {
  const ids = [...new Set(events.map((e) => monitorIdOf(e)).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const earliest = Math.min(...events.map((e) => Date.parse(e.payload.at)));
  const since = new Date(Math.floor(earliest / HOUR) * HOUR - 23 * HOUR);
  const rows = await tx
    .select({ monitorId: monitorRollups.monitorId, checks: sql<number>`sum(${monitorRollups.checks})::int`, failures: sql<number>`sum(${monitorRollups.failures})::int` })
    .from(monitorRollups)
    .where(and(inArray(monitorRollups.monitorId, ids), gte(monitorRollups.hour, since)))
    .groupBy(monitorRollups.monitorId);
  return new Map(rows.map((r) => [r.monitorId, { checks: Number(r.checks), failures: Number(r.failures) }]));
}

export async function enqueueAlerts(tx: Tx, events: AlertEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const projectIds = [...new Set(events.map((e) => e.projectId))];
  // One after another: a transaction is one connection, and node-postgres deprecates (pg 9 will
  // refuse) a second query on a client still running one.
  const channels = await tx.select({ id: alertChannels.id, projectId: alertChannels.projectId }).from(alertChannels).where(and(inArray(alertChannels.projectId, projectIds), eq(alertChannels.enabled, true)));
  const settings = await tx.select().from(alertSettings).where(inArray(alertSettings.projectId, projectIds));
  const names = await tx.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, projectIds));
  const day = await lastDayCounts(tx, events);
  const rows: (typeof alertDeliveries.$inferInsert)[] = [];
  for (const event of events) {
    const monitorId = monitorIdOf(event);
    const counts = monitorId ? day.get(monitorId) : undefined;
    const payload = { ...event.payload, projectName: names.find((n) => n.id === event.projectId)?.name ?? 'Project', ...(counts ? { uptime24h: counts } : {}) } as AlertPayload;
    const own = channels.filter((c) => c.projectId === event.projectId);
    for (const channel of own) rows.push({ projectId: event.projectId, eventKey: event.eventKey, destination: channel.id, channelId: channel.id, payload });
    const fallback = settings.find((s) => s.projectId === event.projectId)?.fallbackEmail;
    if (own.length === 0 && fallback) rows.push({ projectId: event.projectId, eventKey: event.eventKey, destination: 'fallback', channelId: null, payload });
  }
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(alertDeliveries).values(rows).onConflictDoNothing().returning({ id: alertDeliveries.id });
  return inserted.length;
}
