/** Panel queries: at most 168 rollup rows per monitor (or per project). */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitorProjectRollups, monitorRollups, monitors, projectRoadmaps, projects } from '@/db/schema';
import type { MonitoringPanel, PanelMonitoring, PanelTargets } from '@/components/charts/types';
import { monitorTarget, projectTargetLines, targetLine, type EndpointForMatch, type PlaybookLatencyTargets } from '@/server/targets/endpoint-targets';
import { buildPanel } from './panel-build';

export type ProjectTargets = {
  /** The playbook's common-read p95 (null without a roadmap). */
  p95Ms: number | null;
  uptimePercent: number | null;
  /** The playbook's p95 targets per kind of endpoint (server/targets); null without a roadmap. */
  latency: PlaybookLatencyTargets | null;
  /** The project's key endpoints: a monitor watching one takes its kind and any target set by hand on it. */
  endpoints: EndpointForMatch[];
};

const targetField = (name: string) => sql<number | null>`(${projectRoadmaps.snapshot}->'targets'->>${sql.raw(`'${name}'`)})::float8`;

export async function projectTargets(db: Database, projectId: string): Promise<ProjectTargets> {
  // Only the targets, not the whole playbook snapshot (~11 KB of JSON to parse on every panel read).
  const [row] = await db
    .select({
      commonRead: targetField('commonReadP95Ms'),
      heavyAction: targetField('heavyActionP95Ms'),
      chatStart: targetField('chatStartP95Ms'),
      chatResponse: targetField('chatResponseP95Ms'),
      uptimePercent: targetField('uptimePercent'),
      endpoints: projects.endpoints,
    })
    .from(projects)
    .leftJoin(projectRoadmaps, eq(projectRoadmaps.projectId, projects.id))
    .where(eq(projects.id, projectId));
  const latency: PlaybookLatencyTargets | null =
    row?.commonRead == null
      ? null
      : {
          commonReadP95Ms: row.commonRead,
          ...(row.heavyAction ? { heavyActionP95Ms: row.heavyAction } : {}),
          ...(row.chatStart ? { chatStartP95Ms: row.chatStart } : {}),
          ...(row.chatResponse ? { chatResponseP95Ms: row.chatResponse } : {}),
        };
  return { p95Ms: row?.commonRead ?? null, uptimePercent: row?.uptimePercent ?? 99.9, latency, endpoints: row?.endpoints ?? [] };
}

type TargetedMonitor = { p95TargetMs: number | null; purpose: string | null; method: string; url: string };

/** A monitor's own target, as its panel draws it. */
export function monitorPanelTargets(monitor: TargetedMonitor, targets: ProjectTargets): PanelTargets {
  const target = monitorTarget(monitor, targets.endpoints, targets.latency);
  return { p95Ms: target.ms, uptimePercent: targets.uptimePercent, p95Lines: [targetLine(target)] };
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

export async function monitorPanel(db: Database, monitor: TargetedMonitor & { id: string; projectId: string; enabled: boolean; lastCheckedAt: Date | null }, now = new Date()): Promise<MonitoringPanel> {
  const [rollups, targets] = await Promise.all([
    db
      .select({ hour: monitorRollups.hour, checks: monitorRollups.checks, failures: monitorRollups.failures, missed: monitorRollups.missed, histogram: monitorRollups.histogram })
      .from(monitorRollups)
      .where(and(eq(monitorRollups.monitorId, monitor.id), gte(monitorRollups.hour, windowStart(now)))),
    projectTargets(db, monitor.projectId),
  ]);
  return buildPanel({ rollups, now, targets: monitorPanelTargets(monitor, targets), monitoring: panelMonitoring([monitor]) });
}

export async function projectPanel(db: Database, projectId: string, now = new Date()): Promise<MonitoringPanel & { monitorCount: number }> {
  const [rollups, targets, list] = await Promise.all([
    db
      .select({ hour: monitorProjectRollups.hour, checks: monitorProjectRollups.checks, failures: monitorProjectRollups.failures, missed: monitorProjectRollups.missed, histogram: monitorProjectRollups.histogram })
      .from(monitorProjectRollups)
      .where(and(eq(monitorProjectRollups.projectId, projectId), gte(monitorProjectRollups.hour, windowStart(now)))),
    projectTargets(db, projectId),
    db
      .select({ enabled: monitors.enabled, lastCheckedAt: monitors.lastCheckedAt, p95TargetMs: monitors.p95TargetMs, purpose: monitors.purpose, method: monitors.method, url: monitors.url })
      .from(monitors)
      .where(and(eq(monitors.projectId, projectId), eq(monitors.kind, 'http'))),
  ]);
  // One line per kind of endpoint the monitors watch; the p95 figure is judged against common reads.
  const lines = projectTargetLines(
    list.map((m) => monitorTarget(m, targets.endpoints, targets.latency)),
    targets.latency,
  );
  const panelTargets: PanelTargets = { p95Ms: targets.p95Ms, uptimePercent: targets.uptimePercent, p95Lines: targets.latency ? lines : [] };
  return { ...buildPanel({ rollups, now, targets: panelTargets, monitoring: panelMonitoring(list) }), monitorCount: list.length };
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
