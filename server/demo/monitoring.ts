/**
 * Seven days of monitoring history for the demo projects, written straight into the hourly
 * rollups (the same shape workers produce): steady latency with a daily rhythm, a short outage
 * with its incident, and an hour of "no data". The demo monitors point at the IANA example
 * domains, so they are seeded paused; resume one to watch it check live.
 */
import crypto from 'node:crypto';
import type { Database } from '@/db/types';
import { alertChannels, alertSettings, monitorIncidents, monitorProjectRollups, monitorRollups, monitors, type LatencyHistogram } from '@/db/schema';
import { projectRollupRows, type RollupDelta } from '@/server/monitoring/write-results';
import { addSample } from '@/server/monitoring/histogram';
import { suggestMonitors } from '@/server/monitoring/service';
import { firstSlot } from '@/server/monitoring/schedule';

const HOUR = 3_600_000;

/** A small deterministic random source, so every demo looks the same. */
function random(seed: string) {
  let state = crypto.createHash('sha256').update(seed).digest().readUInt32BE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

type DemoProject = { id: string; name: string; productionUrl: string | null; primaryDomain: string; endpoints: { kind: string; method: string; url: string }[] };

export async function seedDemoMonitoring(db: Database, projects: DemoProject[], actorId: string, now = new Date()): Promise<void> {
  const thisHour = Math.floor(now.getTime() / HOUR) * HOUR;
  for (const [p, project] of projects.entries()) {
    const suggestions = suggestMonitors(project);
    const all: RollupDelta[] = [];
    for (const [m, s] of suggestions.entries()) {
      const id = crypto.randomUUID();
      const rand = random(`${project.name}:${s.name}`);
      const outage = p === 0 && m === 0; // Cohort Club's homepage had a 40-minute outage two days ago
      const interval = s.kind === 'certificate' ? 86_400 : s.intervalSeconds;
      await db.insert(monitors).values({
        id,
        projectId: project.id,
        ...s,
        intervalSeconds: interval,
        enabled: false,
        state: 'up',
        lastOk: true,
        nextRunAt: firstSlot(id, interval, now),
        createdBy: actorId,
        createdAt: new Date(thisHour - 8 * 24 * HOUR),
      });
      const base = 90 + rand() * 250; // typical response time of this endpoint
      const rows: (typeof monitorRollups.$inferInsert)[] = [];
      for (let h = 167; h >= 0; h -= 1) {
        const hour = thisHour - h * HOUR;
        if (p === 1 && h === 30 && s.kind === 'http') {
          rows.push({ monitorId: id, projectId: project.id, hour: new Date(hour), checks: 0, failures: 0, missed: Math.floor(3600 / interval), latencySumMs: 0, histogram: {} });
          continue;
        }
        if (s.kind === 'certificate') {
          if (h % 24 === 0) rows.push({ monitorId: id, projectId: project.id, hour: new Date(hour), checks: 1, failures: 0, missed: 0, latencySumMs: 40, histogram: addSample({}, 40) });
          continue;
        }
        const checks = h === 0 ? Math.floor(((now.getTime() - hour) / HOUR) * (3600 / interval)) : 3600 / interval;
        const utcHour = new Date(hour).getUTCHours();
        const busy = 1 + 0.35 * Math.max(0, Math.sin(((utcHour - 8) / 24) * 2 * Math.PI));
        const histogram: LatencyHistogram = {};
        let sum = 0;
        let failures = 0;
        for (let c = 0; c < checks; c += 1) {
          if (outage && h === 48 && c < (40 * 60) / interval) {
            failures += 1;
            continue;
          }
          if (rand() < 0.002) {
            failures += 1;
            continue;
          }
          const tail = rand() < 0.04 ? 2 + rand() * 3 : 1;
          const ms = base * busy * tail * (0.8 + rand() * 0.5);
          addSample(histogram, ms);
          sum += ms;
        }
        rows.push({ monitorId: id, projectId: project.id, hour: new Date(hour), checks, failures, missed: 0, latencySumMs: sum, histogram });
      }
      await db.insert(monitorRollups).values(rows);
      all.push(...(rows as RollupDelta[]));
      if (outage) {
        const startedAt = new Date(thisHour - 48 * HOUR);
        await db.insert(monitorIncidents).values({
          monitorId: id,
          projectId: project.id,
          startedAt,
          endedAt: new Date(startedAt.getTime() + 40 * 60_000),
          cause: 'Answered 502; expected a 2xx or 3xx status.',
          failedChecks: 40,
          notes: 'What happened: a deploy shipped with a missing environment variable.\nWho was affected: everyone loading the homepage.\nWhat fixed it: rolled back to the previous release.\nWhat we change so it does not happen again: check required variables before the deploy goes live.',
        });
      }
    }
    const merged = projectRollupRows(all.map((r) => ({ ...r, histogram: { ...r.histogram } })));
    for (let i = 0; i < merged.length; i += 500) await db.insert(monitorProjectRollups).values(merged.slice(i, i + 500));
    if (p === 0) {
      await db.insert(alertChannels).values({ projectId: project.id, kind: 'email', name: 'Dana’s inbox', config: { email: 'demo@launch-ready.local' }, createdBy: actorId });
      await db.insert(alertSettings).values({ projectId: project.id, fallbackEmail: 'client@launch-ready.local' });
    }
  }
}
