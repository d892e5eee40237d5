/** Panel queries: at most 168 rollup rows per monitor plus the outages of the week. */
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitorIncidents, monitorProjectRollups, monitorRollups, monitors, projectRoadmaps } from '@/db/schema';
import type { MonitoringPanel, PanelTargets } from '@/components/charts/types';
import { buildPanel } from './panel-build';

const WEEK = 7 * 24 * 3_600_000;

export async function projectTargets(db: Database, projectId: string): Promise<{ p95Ms: number | null; uptimePercent: number | null }> {
  // Only the targets, not the whole playbook snapshot (~11 KB of JSON to parse on every panel read).
  const [row] = await db
    .select({ p95Ms: sql<number | null>`(${projectRoadmaps.snapshot}->'targets'->>'commonReadP95Ms')::float8`, uptimePercent: sql<number | null>`(${projectRoadmaps.snapshot}->'targets'->>'uptimePercent')::float8` })
    .from(projectRoadmaps)
    .where(eq(projectRoadmaps.projectId, projectId));
  return { p95Ms: row?.p95Ms ?? null, uptimePercent: row?.uptimePercent ?? 99.9 };
}

function windowStart(now: Date) {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 167 * 3_600_000);
}

async function outagesSince(db: Database, where: ReturnType<typeof eq>, since: Date) {
  return db
    .select({ startedAt: monitorIncidents.startedAt, endedAt: monitorIncidents.endedAt })
    .from(monitorIncidents)
    .where(and(where, or(isNull(monitorIncidents.endedAt), gte(monitorIncidents.endedAt, since))));
}

export async function monitorPanel(db: Database, monitor: { id: string; projectId: string; p95TargetMs: number | null; createdAt: Date }, now = new Date()): Promise<MonitoringPanel> {
  const from = windowStart(now);
  const [rollups, outages, targets] = await Promise.all([
    db
      .select({ hour: monitorRollups.hour, checks: monitorRollups.checks, failures: monitorRollups.failures, missed: monitorRollups.missed, histogram: monitorRollups.histogram })
      .from(monitorRollups)
      .where(and(eq(monitorRollups.monitorId, monitor.id), gte(monitorRollups.hour, from))),
    outagesSince(db, eq(monitorIncidents.monitorId, monitor.id), from),
    projectTargets(db, monitor.projectId),
  ]);
  const panelTargets: PanelTargets = { p95Ms: monitor.p95TargetMs ?? targets.p95Ms, uptimePercent: targets.uptimePercent };
  return buildPanel({ rollups, outages, monitorCount: 1, now, targets: panelTargets, since: monitor.createdAt.getTime() > now.getTime() - WEEK ? monitor.createdAt : null });
}

export async function projectPanel(db: Database, projectId: string, now = new Date()): Promise<MonitoringPanel & { monitorCount: number }> {
  const from = windowStart(now);
  const [rollups, outages, targets, count] = await Promise.all([
    db
      .select({ hour: monitorProjectRollups.hour, checks: monitorProjectRollups.checks, failures: monitorProjectRollups.failures, missed: monitorProjectRollups.missed, histogram: monitorProjectRollups.histogram })
      .from(monitorProjectRollups)
      .where(and(eq(monitorProjectRollups.projectId, projectId), gte(monitorProjectRollups.hour, from))),
    outagesSince(db, eq(monitorIncidents.projectId, projectId), from),
    projectTargets(db, projectId),
    db.select({ n: sql<number>`count(*)::int` }).from(monitors).where(and(eq(monitors.projectId, projectId), eq(monitors.kind, 'http'))),
  ]);
  const monitorCount = Number(count[0]?.n ?? 0);
  return { ...buildPanel({ rollups, outages, monitorCount, now, targets }), monitorCount };
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
