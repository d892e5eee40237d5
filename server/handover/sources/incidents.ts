/** Incidents of the last 30 days, from monitor outages. */
import { and, desc, eq, gte } from 'drizzle-orm';
import { monitorIncidents, monitors } from '@/db/schema';
import type { Incident, Measured } from '../types';
import type { SourceContext } from './context';

export const INCIDENT_WINDOW_DAYS = 30;

export async function buildIncidents(ctx: SourceContext, hasMonitors: boolean): Promise<Measured<Incident[]>> {
  if (!hasMonitors) return { state: 'not-measured', note: 'No incidents can be recorded until uptime monitors run: set them up on the Observability stage.' };
  const since = new Date(ctx.now.getTime() - INCIDENT_WINDOW_DAYS * 86_400_000);
  const rows = await ctx.db
    .select({ monitor: monitors.name, startedAt: monitorIncidents.startedAt, endedAt: monitorIncidents.endedAt, cause: monitorIncidents.cause, notes: monitorIncidents.notes })
    .from(monitorIncidents)
    .innerJoin(monitors, eq(monitors.id, monitorIncidents.monitorId))
    .where(and(eq(monitorIncidents.projectId, ctx.projectId), gte(monitorIncidents.startedAt, since)))
    .orderBy(desc(monitorIncidents.startedAt));
  return {
    state: 'measured',
    measuredAt: ctx.now.toISOString(),
    data: rows.map((r) => ({
      monitor: r.monitor,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      cause: r.cause,
      notes: r.notes,
      minutes: r.endedAt ? Math.max(1, Math.round((r.endedAt.getTime() - r.startedAt.getTime()) / 60_000)) : null,
    })),
  };
}
