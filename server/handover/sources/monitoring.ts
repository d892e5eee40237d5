/**
 * Monitors with 7-day uptime, error rate and p95 per day against each monitor's own target
 * (server/targets), and where alerts go, with the fallback
 * contact. The figures are built exactly as the app's monitor panel builds them (same window,
 * same rollups, the one uptime definition in server/monitoring/uptime.ts), so the pack and the
 * app never disagree; monitors without rollups (raw results only) are rolled up here the same way.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { alertChannels, alertSettings, contacts, monitorResults, monitorRollups, monitors } from '@/db/schema';
import { addSample } from '@/server/monitoring/histogram';
import { buildPanel, type RollupInput } from '@/server/monitoring/panel-build';
import { monitorPanelTargets, projectTargets, windowStart } from '@/server/monitoring/panels';
import { LATENCY_KIND_LABELS, monitorTarget } from '@/server/targets/endpoint-targets';
import type { PanelSummary, PanelPoint } from '@/components/charts/types';
import type { AlertRouting, DailyPoint, JourneyPackRow, MonitoringSection, MonitorSummary } from '../types';
import { isoDate, type SourceContext } from './context';
import { listJourneys } from '@/server/journeys/service';

export const NOT_MONITORED = 'Not measured yet: set up uptime monitors on the Observability stage.';
const HOUR = 3_600_000;

/** A panel point as the pack prints it: the day, uptime, error rate and a whole-millisecond p95. */
export function dailyPoint(p: PanelPoint | PanelSummary, date: string): DailyPoint {
  return { date, uptimePercent: p.uptimePercent, errorRatePercent: p.errorRatePercent, p95Ms: p.p95Ms === null ? null : Math.round(p.p95Ms) };
}

/** Hourly rollups from raw results, as the monitoring worker writes them (latency of good checks only). */
export function rollupsFromResults(results: readonly { at: Date; ok: boolean; latencyMs: number | null }[]): RollupInput[] {
  const hours = new Map<number, RollupInput>();
  for (const r of results) {
    const hour = Math.floor(r.at.getTime() / HOUR) * HOUR;
    const row = hours.get(hour) ?? { hour: new Date(hour), checks: 0, failures: 0, missed: 0, histogram: {} };
    row.checks += 1;
    if (!r.ok) row.failures += 1;
    if (r.ok && r.latencyMs !== null) addSample(row.histogram, r.latencyMs);
    hours.set(hour, row);
  }
  return [...hours.values()];
}

/** Per monitor: its hourly rollups of the panel's window, or its raw results rolled up when it has none. */
async function rollupsByMonitor(ctx: SourceContext, ids: string[], since: Date): Promise<Map<string, RollupInput[]>> {
  const out = new Map<string, RollupInput[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const hours = await ctx.db
    .select({ monitorId: monitorRollups.monitorId, hour: monitorRollups.hour, checks: monitorRollups.checks, failures: monitorRollups.failures, missed: monitorRollups.missed, histogram: monitorRollups.histogram })
    .from(monitorRollups)
    .where(and(inArray(monitorRollups.monitorId, ids), gte(monitorRollups.hour, since)));
  for (const h of hours) out.get(h.monitorId)!.push(h);
  const withoutRollups = ids.filter((id) => out.get(id)!.length === 0);
  if (withoutRollups.length > 0) {
    const raw = await ctx.db
      .select({ monitorId: monitorResults.monitorId, at: monitorResults.scheduledAt, ok: monitorResults.ok, latencyMs: monitorResults.latencyMs })
      .from(monitorResults)
      .where(and(inArray(monitorResults.monitorId, withoutRollups), gte(monitorResults.scheduledAt, since)));
    for (const id of withoutRollups) out.set(id, rollupsFromResults(raw.filter((r) => r.monitorId === id)));
  }
  return out;
}

async function buildAlerts(ctx: SourceContext): Promise<AlertRouting> {
  const [channels, [settings], [fallback]] = await Promise.all([
    ctx.db.select().from(alertChannels).where(and(eq(alertChannels.projectId, ctx.projectId), eq(alertChannels.enabled, true))).orderBy(asc(alertChannels.createdAt)),
    ctx.db.select().from(alertSettings).where(eq(alertSettings.projectId, ctx.projectId)).limit(1),
    ctx.db.select().from(contacts).where(and(eq(contacts.projectId, ctx.projectId), eq(contacts.isFallback, true))).orderBy(asc(contacts.escalationOrder)).limit(1),
  ]);
  return {
    // Webhook and Slack URLs are credentials in themselves: only email addresses are shown.
    channels: channels.map((c) => ({ kind: c.kind, name: c.name, destination: 'email' in c.config ? c.config.email : null })),
    fallbackEmail: settings?.fallbackEmail ?? null,
    fallbackContact: fallback ? { name: fallback.name, role: fallback.role, email: fallback.email, phone: fallback.phone } : null,
  };
}

export async function buildMonitoring(ctx: SourceContext): Promise<MonitoringSection> {
  const list = await ctx.db.select().from(monitors).where(eq(monitors.projectId, ctx.projectId)).orderBy(asc(monitors.createdAt));
  const [rollups, alerts, targets, journeys] = await Promise.all([
    rollupsByMonitor(ctx, list.map((m) => m.id), windowStart(ctx.now)),
    buildAlerts(ctx),
    projectTargets(ctx.db, ctx.projectId),
    listJourneys(ctx.db, ctx.projectId, ctx.now),
  ]);
  const summaries: MonitorSummary[] = list.map((m) => {
    const panel = buildPanel({ rollups: rollups.get(m.id) ?? [], now: ctx.now, targets: monitorPanelTargets(m, targets) });
    const whole = dailyPoint(panel.last7d, '');
    // Certificate monitors measure days to expiry, not response time: no latency target.
    const target = m.kind === 'http' ? monitorTarget(m, targets.endpoints, targets.latency) : null;
    return {
      name: m.name,
      url: m.url,
      kind: m.kind,
      state: m.enabled ? m.state : 'paused',
      uptimePercent: whole.uptimePercent,
      errorRatePercent: whole.errorRatePercent,
      checks: panel.last7d.checks,
      failures: panel.last7d.failures,
      p95Ms: whole.p95Ms,
      p95TargetMs: target?.ms ?? null,
      targetKind: target ? LATENCY_KIND_LABELS[target.kind] : null,
      targetFrom: target?.from ?? null,
      days: panel.daily.map((d) => dailyPoint(d, isoDate(new Date(d.start)))),
    };
  });
  return {
    monitors: summaries.length > 0 ? { state: 'measured', measuredAt: ctx.now.toISOString(), data: summaries } : { state: 'not-measured', note: NOT_MONITORED },
    alerts,
    // The same figures as the monitoring page (server/journeys/service.ts); steps name secrets, never hold them.
    journeys: journeys.map(
      (j): JourneyPackRow => ({
        name: j.name,
        kind: j.kind,
        steps: j.stepCount,
        state: j.enabled ? j.state : 'paused',
        successPercent7d: j.last7d.percent,
        runs7d: j.last7d.runs,
        passed7d: j.last7d.passed,
        successPercent24h: j.last24h.percent,
        target: j.target.label,
        meetsTarget: j.last7d.meetsTarget,
        lastFailure: j.lastOk === false ? j.lastError : null,
      }),
    ),
  };
}
