/**
 * Monitoring: monitors, their panels and incidents, alert channels. Reading needs
 * 'project:read'; configuring monitors and channels needs 'project:edit'.
 */
import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { idSchema, projectProcedure, router } from '../init';
import { monitorResults, monitors } from '@/db/schema';
import { channelInputSchema, monitorFieldsSchema } from '@/server/monitoring/validation';
import {
  createMonitor,
  getMonitor,
  INCIDENT_NOTE_TEMPLATE,
  listIncidents,
  quickSetup,
  removeMonitor,
  setMonitorEnabled,
  suggestMonitors,
  updateIncidentNotes,
  updateMonitor,
} from '@/server/monitoring/service';
import { addChannel, listChannels, removeChannel, sendTestAlert, setFallback } from '@/server/monitoring/channels';
import { last24hByMonitor, monitorPanel, projectPanel } from '@/server/monitoring/panels';
import { monitorNetworkFromEnv } from '@/server/monitoring/network';
import { uptimePercent } from '@/server/monitoring/uptime';
import { getProject } from '@/db/queries/projects';
import { cachedProjectRead } from '../cached-reads';
import type { Database } from '@/db/types';
import { safeText } from '@/server/validation';

const monitorId = z.object({ monitorId: idSchema });

/** The project's merged panel, remembered until its monitoring revision or the minute moves. */
function cachedProjectPanel(ctx: Parameters<typeof cachedProjectRead>[0] & { db: Database }, now: Date) {
  return cachedProjectRead(ctx, 'monitoring.projectPanel', null, () => projectPanel(ctx.db, ctx.project.projectId, now), { usesMonitoring: true, now });
}

export const monitoringRouter = router({
  /** Every monitor with its state and the last 24 hours. */
  list: projectProcedure('project:read').query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(monitors).where(eq(monitors.projectId, ctx.project.projectId)).orderBy(monitors.createdAt);
    const day = await last24hByMonitor(ctx.db, rows.map((r) => r.id));
    const project = await getProject(ctx.db, { projectId: ctx.project.projectId });
    const suggestions = project ? suggestMonitors(project.project) : [];
    return {
      monitors: rows.map((m) => {
        const d = day.get(m.id);
        return {
          id: m.id,
          name: m.name,
          kind: m.kind,
          url: m.url,
          method: m.method,
          intervalSeconds: m.intervalSeconds,
          enabled: m.enabled,
          state: m.state,
          lastCheckedAt: m.lastCheckedAt,
          lastOk: m.lastOk,
          lastLatencyMs: m.lastLatencyMs,
          lastError: m.lastError,
          checks24h: d?.checks ?? 0,
          failures24h: d?.failures ?? 0,
          uptime24hPercent: d ? uptimePercent(d) : null,
        };
      }),
      missingSuggestions: suggestions.filter((s) => !rows.some((m) => m.purpose === s.purpose && m.url === s.url)).map((s) => ({ name: s.name, url: s.url, kind: s.kind })),
    };
  }),

  /** One monitor: settings, 7-day panel, incidents and the latest raw results. */
  get: projectProcedure('project:read')
    .input(monitorId)
    .query(async ({ ctx, input }) => {
      const monitor = await getMonitor(ctx.db, ctx.project.projectId, input.monitorId);
      const [panel, incidents, recent] = await Promise.all([
        monitorPanel(ctx.db, monitor),
        listIncidents(ctx.db, ctx.project.projectId, { monitorId: monitor.id, limit: 20 }),
        ctx.db.select().from(monitorResults).where(and(eq(monitorResults.monitorId, monitor.id))).orderBy(desc(monitorResults.scheduledAt)).limit(30),
      ]);
      const { leaseOwner: _o, leaseUntil: _l, ...settings } = monitor;
      return { monitor: settings, panel, incidents, recent, noteTemplate: INCIDENT_NOTE_TEMPLATE };
    }),

  /** The project's panel: all HTTP monitors merged. */
  projectPanel: projectProcedure('project:read').query(({ ctx }) => cachedProjectPanel(ctx, new Date())),

  /** The panel without its 168 hourly points: what the project overview shows (a tenth of the size). */
  projectSummary: projectProcedure('project:read').query(({ ctx }) => {
    const now = new Date();
    return cachedProjectRead(
      ctx,
      'monitoring.projectSummary',
      null,
      async () => {
        const { hourly: _hourly, ...summary } = await cachedProjectPanel(ctx, now);
        return summary;
      },
      { usesMonitoring: true, now },
    );
  }),

  incidents: projectProcedure('project:read').query(({ ctx }) => listIncidents(ctx.db, ctx.project.projectId)),

  create: projectProcedure('project:edit')
    .input(monitorFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { projectId: _p, ...fields } = input as typeof input & { projectId: string };
      return createMonitor(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, fields);
    }),

  update: projectProcedure('project:edit')
    .input(monitorId.extend({ fields: monitorFieldsSchema }))
    .mutation(({ ctx, input }) => updateMonitor(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.monitorId, input.fields)),

  setEnabled: projectProcedure('project:edit')
    .input(monitorId.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setMonitorEnabled(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.monitorId, input.enabled)),

  remove: projectProcedure('project:edit')
    .input(monitorId)
    .mutation(({ ctx, input }) => removeMonitor(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.monitorId)),

  /** One click: monitors for the homepage, login, API health, webhooks and the certificate. */
  quickSetup: projectProcedure('project:edit').mutation(({ ctx }) => quickSetup(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id })),

  updateIncident: projectProcedure('project:edit')
    .input(z.object({ incidentId: idSchema, notes: safeText({ multiline: true }).max(10_000, 'Keep notes under 10,000 characters.') }))
    .mutation(({ ctx, input }) => updateIncidentNotes(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.incidentId, input.notes)),

  channels: projectProcedure('project:read').query(({ ctx }) => listChannels(ctx.db, ctx.project.projectId)),

  addChannel: projectProcedure('project:edit')
    .input(z.object({ channel: channelInputSchema }))
    .mutation(({ ctx, input }) => addChannel(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.channel)),

  removeChannel: projectProcedure('project:edit')
    .input(z.object({ channelId: idSchema }))
    .mutation(({ ctx, input }) => removeChannel(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.channelId)),

  setFallback: projectProcedure('project:edit')
    .input(z.object({ email: z.email('Enter an email address.').nullable() }))
    .mutation(({ ctx, input }) => setFallback(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.email)),

  testAlert: projectProcedure('project:edit')
    .input(z.object({ channelId: idSchema }))
    .mutation(({ ctx, input }) =>
      sendTestAlert(ctx.db, { mailer: ctx.mailer, http: monitorNetworkFromEnv().http }, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.channelId),
    ),
});
