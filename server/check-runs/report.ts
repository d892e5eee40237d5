/**
 * One check run as its own page shows it: the results in reading order, the findings grouped by
 * severity, what changed against the latest earlier result of each check, and the run before it.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { checkRuns } from '@/db/schema';
import { getRun, listResults, previousResults } from '@/db/queries/check-runs';
import { notFound } from '@/server/errors';
import { diffRuns } from './diff';
import { CHECKS } from './registry';
import { orderResults, summariseResults } from './summary';
import { FINDING_SEVERITIES, type FindingSeverity } from '@/lib/vocabulary/roadmap';

export const SEVERITIES = FINDING_SEVERITIES;
export type Severity = FindingSeverity;

export const checkTitle = (id: string) => CHECKS.find((c) => c.id === id)?.title ?? id;

/** The project's finished run just before this one (whole project or any stage), for "compare with". */
async function runBefore(db: DbOrTx, projectId: string, startedAt: Date) {
  const [row] = await db
    .select({ id: checkRuns.id, startedAt: checkRuns.startedAt, stageKey: checkRuns.stageKey })
    .from(checkRuns)
    .where(and(eq(checkRuns.projectId, projectId), eq(checkRuns.status, 'done'), lt(checkRuns.startedAt, startedAt)))
    .orderBy(desc(checkRuns.startedAt))
    .limit(1);
  return row ?? null;
}

export async function checkRunReport(db: DbOrTx, projectId: string, runId: string) {
  const run = await getRun(db, { projectId, runId });
  if (!run) throw notFound('Check run');
  const [results, previous, before] = await Promise.all([
    listResults(db, { projectId, runId: run.id }),
    previousResults(db, { projectId, before: run.startedAt, checkIds: run.checkIds }),
    runBefore(db, projectId, run.startedAt),
  ]);
  const ordered = orderResults(results).map((r) => ({ ...r, title: checkTitle(r.checkId) }));
  // Findings of checks that ran; a check that could not run has its reason as a finding, shown with the check.
  const judged = ordered.filter((r) => r.status !== 'skipped' && r.status !== 'error');
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    findings: judged.flatMap((r) => r.findings.filter((f) => f.severity === severity).map((f) => ({ checkId: r.checkId, checkTitle: r.title, code: f.code, message: f.message, fix: f.fix }))),
  })).filter((g) => g.findings.length > 0);
  const done = run.status === 'done';
  return {
    run,
    summary: done ? summariseResults(ordered) : null,
    results: ordered,
    bySeverity,
    changes: done ? diffRuns(previous, results).map((c) => ({ ...c, title: checkTitle(c.checkId) })) : [],
    /** Whether any earlier result of these checks exists (else there is nothing to compare with). */
    compared: previous.length > 0,
    previousRun: before,
  };
}
