/** Panel queries: at most 168 rollup rows per monitor (or per project). */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitorProjectRollups, monitorRollups, monitors, projectRoadmaps } from '@/db/schema';
import type { MonitoringPanel, PanelMonitoring, PanelTargets } from '@/components/charts/types';
import { buildPanel } from './panel-build';

export async function projectTargets(db: Database, projectId: string): Promise<{ p95Ms: number | null; uptimePercent: number | null }> {
  // Only the targets, not the whole playbook snapshot (~11 KB of JSON to parse on every panel read).
  const [row] = await db
    .select({ p95Ms: sql<number | null>`(${projectRoadmaps.snapshot}->'targets'->>'commonReadP95Ms')::float8`, uptimePercent: sql<number | null>`(${projectRoadmaps.snapshot}->'targets'->>'uptimePercent')::float8` })
    .from(projectRoadmaps)
    .where(eq(projectRoadmaps.projectId, projectId));
  return { p95Ms: row?.p95Ms ?? null, uptimePercent: row?.uptimePercent ?? 99.9 };
}

export function windowStart(now: Date) {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 167 * 3_600_000);
}

type MonitorStatus = { enabled: boolean; lastCheckedAt: Date | null };

/** How many monitors a panel covers, how many are paused, and since when when all of them are (their last check). */
export function panelMonitoring(list: readonly MonitorStatus[]): PanelMonitoring {
  const paused = list.filter((m) => !m.enabled);
  const allPaused = list.length > 0 && paused.length === list.length;
  const lastCheck = Math.max(0, ...paused.map((m) => m.lastCheckedAt?.getTime() ?? 0));
  return { monitors: list.length, paused: paused.length, pausedSince: allPaused && lastCheck > 0 ? lastCheck : null };
}

export async function monitorPanel(db: Database, monitor: { id: string; projectId: string; p95TargetMs: number | null; enabled: boolean; lastCheckedAt: Date | null }, now = new Date()): Promise<MonitoringPanel> {
  const [rollups, targets] = await Promise.all([
    db
      .select({ hour: monitorRollups.hour, checks: monitorRollups.checks, failures: monitorRollups.failures, missed: monitorRollups.missed, histogram: monitorRollups.histogram })
      .from(monitorRollups)
      .where(and(eq(monitorRollups.monitorId, monitor.id), gte(monitorRollups.hour, windowStart(now)))),
    projectTargets(db, monitor.projectId),
  ]);
  const panelTargets: PanelTargets = { p95Ms: monitor.p95TargetMs ?? targets.p95Ms, uptimePercent: targets.uptimePercent };
  return buildPanel({ rollups, now, targets: panelTargets, monitoring: panelMonitoring([monitor]) });
}

export async function projectPanel(db: Database, projectId: string, now = new Date()): Promise<MonitoringPanel & { monitorCount: number }> {
  const [rollups, targets, list] = await Promise.all([
    db
      .select({ hour: monitorProjectRollups.hour, checks: monitorProjectRollups.checks, failures: monitorProjectRollups.failures, missed: monitorProjectRollups.missed, histogram: monitorProjectRollups.histogram })
      .from(monitorProjectRollups)
      .where(and(eq(monitorProjectRollups.projectId, projectId), gte(monitorProjectRollups.hour, windowStart(now)))),
    projectTargets(db, projectId),
    db.select({ enabled: monitors.enabled, lastCheckedAt: monitors.lastCheckedAt }).from(monitors).where(and(eq(monitors.projectId, projectId), eq(monitors.kind, 'http'))),
  ]);
  return { ...buildPanel({ rollups, now, targets, monitoring: panelMonitoring(list) }), monitorCount: list.length };
}

/** 24-hour uptime and p95 per monitor for the list page, from rollups. */
export async function last24hByMonitor(db: Database, monitorIds: string[], now = new Date()) {
  if (monitorIds.length === 0) return new Map<string, { checks: number; failures: number }>();
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const rows = await db
    .select({ monitorId: monitorRollups.monitorId, checks: sql<number>`sum(${monitorRollups.checks})::int`, failures: sql<number>`sum(${monitorRollups.failures})::int` })
    .from(monitorRollups)
    .where(and(inArray(monitorRollups.monitorId, monitorIds), gte(monitorRollups.hour, since)))
    .groupBy(monitorRollups.monitorId);
  return new Map(rows.map((r) => [r.monitorId, { checks: Number(r.checks), failures: Number(r.failures) }]));
}
