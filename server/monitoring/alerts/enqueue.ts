/**
 * Records the notifications of one state change, in the same transaction as the change: one row
 * per enabled channel (or the fallback contact when there is none), keyed by (event, destination)
 * so a retried transaction or a second worker can never create a second one.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import { alertChannels, alertDeliveries, alertSettings, projects, type AlertPayload } from '@/db/schema';

/** A payload without the project's name, which is filled in here (Omit of each member of the union). */
type PayloadWithoutName = AlertPayload extends infer P ? (P extends AlertPayload ? Omit<P, 'projectName'> : never) : never;

export type AlertEvent = { projectId: string; eventKey: string; payload: PayloadWithoutName };

export async function enqueueAlerts(tx: Tx, events: AlertEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const projectIds = [...new Set(events.map((e) => e.projectId))];
  // One after another: a transaction is one connection, and node-postgres deprecates (pg 9 will
  // refuse) a second query on a client still running one.
  const channels = await tx.select({ id: alertChannels.id, projectId: alertChannels.projectId }).from(alertChannels).where(and(inArray(alertChannels.projectId, projectIds), eq(alertChannels.enabled, true)));
  const settings = await tx.select().from(alertSettings).where(inArray(alertSettings.projectId, projectIds));
  const names = await tx.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, projectIds));
  const rows: (typeof alertDeliveries.$inferInsert)[] = [];
  for (const event of events) {
    const payload = { ...event.payload, projectName: names.find((n) => n.id === event.projectId)?.name ?? 'Project' } as AlertPayload;
    const own = channels.filter((c) => c.projectId === event.projectId);
    for (const channel of own) rows.push({ projectId: event.projectId, eventKey: event.eventKey, destination: channel.id, channelId: channel.id, payload });
    const fallback = settings.find((s) => s.projectId === event.projectId)?.fallbackEmail;
    if (own.length === 0 && fallback) rows.push({ projectId: event.projectId, eventKey: event.eventKey, destination: 'fallback', channelId: null, payload });
  }
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(alertDeliveries).values(rows).onConflictDoNothing().returning({ id: alertDeliveries.id });
  return inserted.length;
}
