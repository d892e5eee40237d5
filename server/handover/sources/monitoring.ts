/**
 * Monitors with 7-day uptime, error rate and p95 per day (from raw results, or hourly rollups when
 * the raw window has been pruned), and where alerts go, with the fallback contact.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { alertChannels, alertSettings, contacts, monitorResults, monitorRollups, monitors } from '@/db/schema';
import type { AlertRouting, DailyPoint, MonitoringSection, MonitorSummary } from '../types';
import { isoDate, type SourceContext } from './context';

export const NOT_MONITORED = 'Not measured yet: set up uptime monitors on the Observability stage.';
const DAY = 86_400_000;

type Sample = { at: Date; ok: boolean; serverError: boolean; latencyMs: number | null };

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

/** Seven calendar days ending today (UTC), oldest first. */
export function lastSevenDays(now: Date): string[] {
  return Array.from({ length: 7 }, (_, i) => isoDate(new Date(now.getTime() - (6 - i) * DAY)));
}

export function summarise(samples: Sample[], days: string[]): { days: DailyPoint[]; uptime: number | null; errorRate: number | null; p95: number | null } {
  const point = (list: Sample[]) => ({
    uptimePercent: pct(list.filter((s) => s.ok).length, list.length),
    errorRatePercent: pct(list.filter((s) => s.serverError).length, list.length),
    p95Ms: percentile(list.flatMap((s) => (s.ok && s.latencyMs !== null ? [Math.round(s.latencyMs)] : [])), 95),
  });
  const whole = point(samples);
  return {
    days: days.map((date) => ({ date, ...point(samples.filter((s) => isoDate(s.at) === date)) })),
    uptime: whole.uptimePercent,
    errorRate: whole.errorRatePercent,
    p95: whole.p95Ms,
  };
}

async function samplesFor(ctx: SourceContext, ids: string[], since: Date): Promise<Map<string, Sample[]>> {
  const out = new Map<string, Sample[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const raw = await ctx.db
    .select({ monitorId: monitorResults.monitorId, at: monitorResults.scheduledAt, ok: monitorResults.ok, statusCode: monitorResults.statusCode, error: monitorResults.error, latencyMs: monitorResults.latencyMs })
    .from(monitorResults)
    .where(and(inArray(monitorResults.monitorId, ids), gte(monitorResults.scheduledAt, since)));
  for (const r of raw) out.get(r.monitorId)?.push({ at: r.at, ok: r.ok, serverError: !r.ok && (r.statusCode === null || r.statusCode >= 500), latencyMs: r.latencyMs });
  const withoutRaw = ids.filter((id) => (out.get(id)?.length ?? 0) === 0);
  if (withoutRaw.length > 0) {
    // Rollups keep counts only: each failure counts against uptime and error rate; no p95.
    const hours = await ctx.db.select().from(monitorRollups).where(and(inArray(monitorRollups.monitorId, withoutRaw), gte(monitorRollups.hour, since)));
    for (const h of hours) {
      const list = out.get(h.monitorId)!;
      for (let i = 0; i < h.checks; i += 1) list.push({ at: h.hour, ok: i >= h.failures, serverError: i < h.failures, latencyMs: null });
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
  const [samples, alerts] = await Promise.all([samplesFor(ctx, list.map((m) => m.id), since), buildAlerts(ctx)]);
  const summaries: MonitorSummary[] = list.map((m) => {
    const s = summarise(samples.get(m.id) ?? [], days);
    return { name: m.name, url: m.url, kind: m.kind, state: m.enabled ? m.state : 'paused', uptimePercent: s.uptime, errorRatePercent: s.errorRate, p95Ms: s.p95, p95TargetMs: m.p95TargetMs, days: s.days };
  });
  return {
    monitors: summaries.length > 0 ? { state: 'measured', measuredAt: ctx.now.toISOString(), data: summaries } : { state: 'not-measured', note: NOT_MONITORED },
    alerts,
  };
}
