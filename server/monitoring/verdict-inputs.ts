/**
 * What go / no-go needs from monitoring: per HTTP monitor that ran checks in the last 7 days
 * (paused ones too: what they measured before the pause still counts, the pause itself does not)
 * its 7-day p95 against its own target (server/targets: set by hand, or the playbook's for its kind
 * of endpoint) and its 7-day uptime by the one definition (./uptime), plus the open incidents and
 * the journeys' success rates (server/journeys/verdict-inputs.ts). Four queries for the monitors
 * (rollups, incidents, monitors, the project's endpoints), panels built in memory — the same build as the monitor's panel.
 */
import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitorIncidents, monitorRollups, monitors, projects } from '@/db/schema';
import type { Targets } from '@/lib/vocabulary/roadmap-template';
import type { VerdictEvidence, VerdictMonitor } from '@/server/roadmap/recommendation';
import { LATENCY_KIND_LABELS, monitorTarget, type EndpointForMatch } from '@/server/targets/endpoint-targets';
import { buildPanel } from './panel-build';
import { windowStart } from './panels';
import { journeyEvidence } from '@/server/journeys/verdict-inputs';

/** How go / no-go names a monitor's target: "heavier actions (the playbook's p95 for heavier actions)". */
export function targetFor(monitor: { p95TargetMs: number | null; purpose: string | null; method: string; url: string }, endpoints: readonly EndpointForMatch[], targets: Targets): { ms: number; label: string } {
  const target = monitorTarget(monitor, endpoints, targets);
  return { ms: target.ms, label: `${LATENCY_KIND_LABELS[target.kind]} (${target.from})` };
}

export async function monitoringEvidence(db: Database, projectId: string, targets: Targets, now: Date): Promise<Pick<VerdictEvidence, 'monitors' | 'openIncidents' | 'uptimeTargetPercent' | 'journeys'>> {
  const from = windowStart(now);
  const [list, rollups, outages, [project], journeys] = await Promise.all([
    db
      .select({ id: monitors.id, name: monitors.name, purpose: monitors.purpose, method: monitors.method, url: monitors.url, p95TargetMs: monitors.p95TargetMs, enabled: monitors.enabled, kind: monitors.kind })
      .from(monitors)
      .where(eq(monitors.projectId, projectId)),
    db
      .select({ monitorId: monitorRollups.monitorId, hour: monitorRollups.hour, checks: monitorRollups.checks, failures: monitorRollups.failures, missed: monitorRollups.missed, histogram: monitorRollups.histogram })
      .from(monitorRollups)
      .where(and(eq(monitorRollups.projectId, projectId), gte(monitorRollups.hour, from))),
    db
      .select({ id: monitorIncidents.id, monitorId: monitorIncidents.monitorId, startedAt: monitorIncidents.startedAt, endedAt: monitorIncidents.endedAt })
      .from(monitorIncidents)
      .where(and(eq(monitorIncidents.projectId, projectId), or(isNull(monitorIncidents.endedAt), gte(monitorIncidents.endedAt, from)))),
    db.select({ endpoints: projects.endpoints }).from(projects).where(eq(projects.id, projectId)),
    journeyEvidence(db, projectId, targets, now),
  ]);
  const uptimeTargetPercent = targets.uptimePercent ?? 99.9;
  const measured: VerdictMonitor[] = list
    .filter((m) => m.kind === 'http')
    .map((m) => {
      const panel = buildPanel({ rollups: rollups.filter((r) => r.monitorId === m.id), now, targets: { p95Ms: null, uptimePercent: uptimeTargetPercent, p95Lines: [] } });
      const target = targetFor(m, project?.endpoints ?? [], targets);
      return { id: m.id, name: m.name, paused: !m.enabled, p95Ms: panel.last7d.p95Ms, p95TargetMs: target.ms, targetLabel: target.label, uptimePercent: panel.last7d.uptimePercent, checks: panel.last7d.checks, failures: panel.last7d.failures };
    })
    .filter((m) => !m.paused || m.checks > 0);
  const names = new Map(list.map((m) => [m.id, m.name]));
  const openIncidents = outages.filter((o) => o.endedAt === null).map((o) => ({ id: o.id, monitorId: o.monitorId, monitorName: names.get(o.monitorId) ?? 'A monitor', startedAt: o.startedAt.toISOString() }));
  return { monitors: measured, openIncidents, uptimeTargetPercent, journeys };
}
