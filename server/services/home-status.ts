/**
 * The workspace home's status per project. Readiness, verdict, open critical / high findings and
 * the last whole-project run come from the project's assessment (`assessProject`, the same one
 * the overview shows), remembered in the process's read cache keyed by the project's revisions,
 * so any change to items, findings, runs or monitoring shows on the next read. Monitors down
 * right now is one grouped query, asked every time (a monitor's state is not a revision).
 */
import type { Database } from '@/db/types';
import { listProjectsForHome, monitorsDownByProject } from '@/db/queries/home-status';
import type { ReadCache } from '@/server/read-cache';
import { assessProject } from './roadmap';
import { rankAndSort, type ProjectStatus, type SortDir, type SortKey } from '@/server/workspace-home/attention';

/**
 * Assessments computed at once on a cold read: all 50 at once queue ~600 statements on the pool
 * and took longer than a few at a time (measured: scripts/bench-home.ts).
 */
const ASSESS_CONCURRENCY = 4;

/** Like Promise.all over `list`, with at most `limit` calls in flight; results keep the list's order. */
async function mapLimited<T, R>(list: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await fn(list[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return results;
}

type Summary = Pick<ProjectStatus, 'readiness' | 'verdict' | 'verdictReason' | 'openFindings' | 'lastRunAt'>;

async function summarize(db: Database, projectId: string, now: Date): Promise<Summary> {
  const { readiness, recommendation, findingCounts, evidence } = await assessProject(db, projectId, now);
  return {
    readiness: readiness.score,
    verdict: recommendation.verdict,
    verdictReason: recommendation.reasons.find((r) => r.level !== 'ok')?.text ?? null,
    openFindings: { critical: findingCounts.critical, high: findingCounts.high },
    lastRunAt: evidence.lastProjectRunAt,
  };
}

export async function workspaceHome(
  ctx: { db: Database; reads: ReadCache },
  { workspaceId, includeArchived, sort, dir, now = new Date() }: { workspaceId: string; includeArchived: boolean; sort: SortKey; dir: SortDir; now?: Date },
) {
  const [rows, down] = await Promise.all([listProjectsForHome(ctx.db, { workspaceId, includeArchived }), monitorsDownByProject(ctx.db, { workspaceId })]);
  // Keyed like roadmap.overview: the UTC day (overdue items, acceptances expiring) and the minute
  // (the current hour's uptime is measured up to now); not by person, the summary is the same for all.
  const key = `home.status|${now.toISOString().slice(0, 10)}|${Math.floor(now.getTime() / 60_000)}`;
  const statuses: ProjectStatus[] = await mapLimited(rows, ASSESS_CONCURRENCY, async (p) => {
    const revisions = { content: Number(p.contentRevision), monitoring: Number(p.monitoringRevision) };
    const summary = await ctx.reads.read(p.id, revisions, key, true, () => summarize(ctx.db, p.id, now));
    return { id: p.id, name: p.name, primaryDomain: p.primaryDomain, archived: p.status === 'archived', monitorsDown: down.get(p.id) ?? 0, ...summary };
  });
  return { projects: rankAndSort(statuses, sort, dir, now), sort, dir, now: now.toISOString() };
}
