/**
 * What go / no-go needs from monitoring: per HTTP monitor that ran checks in the last 7 days
 * (paused ones too: what they measured before the pause still counts, the pause itself does not)
 * its 7-day p95 against the playbook's target for its kind of endpoint and its 7-day uptime by the
 * one definition (./uptime), plus the open incidents and the journeys' success rates
 * (server/journeys/verdict-inputs.ts). Three queries for the whole project
 * (rollups, incidents, monitors), panels built in memory — the same build as the monitor's panel.
 */
import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitorIncidents, monitorRollups, monitors } from '@/db/schema';
import type { Targets } from '@/lib/vocabulary/roadmap-template';
import type { VerdictEvidence, VerdictMonitor } from '@/server/roadmap/recommendation';
import { buildPanel } from './panel-build';
import { windowStart } from './panels';
import { journeyEvidence } from '@/server/journeys/verdict-inputs';

const HEAVY_PURPOSES = new Set(['webhook', 'checkout']);

/** The playbook's target for this kind of endpoint: chat replies, heavy actions (writes, payments) or common reads. */
export function targetFor(monitor: { p95TargetMs: number | null; purpose: string | null; method: string }, targets: Targets): { ms: number | null; label: string } {
  if (monitor.p95TargetMs !== null) return { ms: monitor.p95TargetMs, label: 'this monitor' };
  if (monitor.purpose === 'chat' && targets.chatStartP95Ms) return { ms: targets.chatStartP95Ms, label: 'a chat reply to start' };
  if ((HEAVY_PURPOSES.has(monitor.purpose ?? '') || monitor.method !== 'GET') && targets.heavyActionP95Ms) return { ms: targets.heavyActionP95Ms, label: 'a heavy action' };
  return { ms: targets.commonReadP95Ms, label: 'a common read' };
}

export async function monitoringEvidence(db: Database, projectId: string, targets: Targets, now: Date): Promise<Pick<VerdictEvidence, 'monitors' | 'openIncidents' | 'uptimeTargetPercent' | 'journeys'>> {
  const from = windowStart(now);
  const [list, rollups, outages, journeys] = await Promise.all([
    db
      .select({ id: monitors.id, name: monitors.name, purpose: monitors.purpose, method: monitors.method, p95TargetMs: monitors.p95TargetMs, enabled: monitors.enabled, kind: monitors.kind })
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
    journeyEvidence(db, projectId, targets, now),
  ]);
  const uptimeTargetPercent = targets.uptimePercent ?? 99.9;
  const measured: VerdictMonitor[] = list
    .filter((m) => m.kind === 'http')
    .map((m) => {
      const panel = buildPanel({ rollups: rollups.filter((r) => r.monitorId === m.id), now, targets: { p95Ms: null, uptimePercent: uptimeTargetPercent } });
      const target = targetFor(m, targets);
      return { id: m.id, name: m.name, paused: !m.enabled, p95Ms: panel.last7d.p95Ms, p95TargetMs: target.ms, targetLabel: target.label, uptimePercent: panel.last7d.uptimePercent, checks: panel.last7d.checks, failures: panel.last7d.failures };
    })
    .filter((m) => !m.paused || m.checks > 0);
  const names = new Map(list.map((m) => [m.id, m.name]));
  const openIncidents = outages.filter((o) => o.endedAt === null).map((o) => ({ id: o.id, monitorId: o.monitorId, monitorName: names.get(o.monitorId) ?? 'A monitor', startedAt: o.startedAt.toISOString() }));
  return { monitors: measured, openIncidents, uptimeTargetPercent, journeys };
}
