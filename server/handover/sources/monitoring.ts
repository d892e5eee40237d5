/**
 * Monitors with 7-day uptime, error rate and p95 per day (from the hourly rollups, or raw results
 * when a monitor has none), and where alerts go, with the fallback contact.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { alertChannels, alertSettings, contacts, monitorResults, monitorRollups, monitors, type LatencyHistogram } from '@/db/schema';
import { addSample, mergeInto, quantiles } from '@/server/monitoring/histogram';
import type { AlertRouting, DailyPoint, MonitoringSection, MonitorSummary } from '../types';
import { isoDate, type SourceContext } from './context';

export const NOT_MONITORED = 'Not measured yet: set up uptime monitors on the Observability stage.';
const DAY = 86_400_000;

/** One monitor's day: counts and a latency histogram (mergeable, as the hourly rollups keep it). */
type DayAgg = { checks: number; failures: number; serverErrors: number; histogram: LatencyHistogram };

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);
const emptyDay = (): DayAgg => ({ checks: 0, failures: 0, serverErrors: 0, histogram: {} });

/** Seven calendar days ending today (UTC), oldest first. */
export function lastSevenDays(now: Date): string[] {
  return Array.from({ length: 7 }, (_, i) => isoDate(new Date(now.getTime() - (6 - i) * DAY)));
}

function point(agg: DayAgg): Omit<DailyPoint, 'date'> {
  const [p95] = quantiles(agg.histogram, [0.95]);
  return { uptimePercent: pct(agg.checks - agg.failures, agg.checks), errorRatePercent: pct(agg.serverErrors, agg.checks), p95Ms: p95 === null || p95 === undefined ? null : Math.round(p95) };
}

export function summarise(byDay: Map<string, DayAgg>, days: string[]): { days: DailyPoint[]; whole: Omit<DailyPoint, 'date'> } {
  const whole = emptyDay();
  for (const agg of byDay.values()) {
    whole.checks += agg.checks;
    whole.failures += agg.failures;
    whole.serverErrors += agg.serverErrors;
    mergeInto(whole.histogram, agg.histogram);
  }
  return { days: days.map((date) => ({ date, ...point(byDay.get(date) ?? emptyDay()) })), whole: point(whole) };
}

/**
 * Per monitor and day: from the hourly rollups the monitoring workers keep (a failure counts
 * against uptime and error rate alike), or from raw results for monitors without rollups.
 */
async function dailyAggregates(ctx: SourceContext, ids: string[], since: Date): Promise<Map<string, Map<string, DayAgg>>> {
  const out = new Map<string, Map<string, DayAgg>>(ids.map((id) => [id, new Map()]));
  if (ids.length === 0) return out;
  const day = (monitorId: string, at: Date) => {
    const days = out.get(monitorId)!;
    const key = isoDate(at);
    if (!days.has(key)) days.set(key, emptyDay());
    return days.get(key)!;
  };
  const hours = await ctx.db.select().from(monitorRollups).where(and(inArray(monitorRollups.monitorId, ids), gte(monitorRollups.hour, since)));
  for (const h of hours) {
    const agg = day(h.monitorId, h.hour);
    agg.checks += h.checks;
    agg.failures += h.failures;
    agg.serverErrors += h.failures;
    mergeInto(agg.histogram, h.histogram);
  }
  const withoutRollups = ids.filter((id) => out.get(id)!.size === 0);
  if (withoutRollups.length > 0) {
    const raw = await ctx.db
      .select({ monitorId: monitorResults.monitorId, at: monitorResults.scheduledAt, ok: monitorResults.ok, statusCode: monitorResults.statusCode, latencyMs: monitorResults.latencyMs })
      .from(monitorResults)
      .where(and(inArray(monitorResults.monitorId, withoutRollups), gte(monitorResults.scheduledAt, since)));
    for (const r of raw) {
      const agg = day(r.monitorId, r.at);
      agg.checks += 1;
      if (!r.ok) agg.failures += 1;
      if (!r.ok && (r.statusCode === null || r.statusCode >= 500)) agg.serverErrors += 1;
      if (r.ok && r.latencyMs !== null) addSample(agg.histogram, r.latencyMs);
    }
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
  const days = lastSevenDays(ctx.now);
  const since = new Date(Date.parse(days[0]!));
  const [aggregates, alerts] = await Promise.all([dailyAggregates(ctx, list.map((m) => m.id), since), buildAlerts(ctx)]);
  const summaries: MonitorSummary[] = list.map((m) => {
    const s = summarise(aggregates.get(m.id) ?? new Map(), days);
    return { name: m.name, url: m.url, kind: m.kind, state: m.enabled ? m.state : 'paused', uptimePercent: s.whole.uptimePercent, errorRatePercent: s.whole.errorRatePercent, p95Ms: s.whole.p95Ms, p95TargetMs: m.p95TargetMs, days: s.days };
  });
  return {
    monitors: summaries.length > 0 ? { state: 'measured', measuredAt: ctx.now.toISOString(), data: summaries } : { state: 'not-measured', note: NOT_MONITORED },
    alerts,
  };
}
