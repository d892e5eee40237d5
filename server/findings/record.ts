/** Applies a run's results to the project's findings, in the caller's transaction, with history. */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { findingEvents, findings, type StoredFinding } from '@/db/schema';
import type { JsonValue } from '@/server/checks/types';
import { isProblemSeverity, type Severity } from '@/lib/vocabulary/roadmap';
import { fingerprintOf } from './fingerprint';
import { impactOfCheck } from './impact';
import { planFindings, type FindingPlan, type FindingState, type SeenFinding } from './lifecycle';
import { subjectOf } from './subject';

/** A finding that appeared or came back in this run, with the event that records it (alerts key on it). */
export type FindingTransition = { findingId: string; eventId: string; kind: 'opened' | 'regressed' };

export type RunResultForFindings = { checkId: string; status: 'pass' | 'warn' | 'fail' | 'error' | 'skipped'; findings: readonly StoredFinding[]; pointedAt: string };

/** The problems in a run's results (info notes are context, not problems). */
export function seenInResults(results: readonly RunResultForFindings[]): SeenFinding[] {
  return results.flatMap((result) =>
    result.status === 'error' || result.status === 'skipped'
      ? []
      : result.findings
          .filter((f) => isProblemSeverity(f.severity))
          .map((f) => {
            const subject = subjectOf(result.checkId, f.evidence as JsonValue, result.pointedAt);
            return {
              fingerprint: fingerprintOf(result.checkId, f.code, subject),
              checkId: result.checkId,
              code: f.code,
              subject,
              severity: f.severity as Severity,
              impact: impactOfCheck(result.checkId),
              message: f.message,
              fix: f.fix,
              evidence: (f.evidence ?? null) as JsonValue,
            };
          }),
  );
}

export async function recordFindings(tx: DbOrTx, input: { projectId: string; runId: string; results: readonly RunResultForFindings[]; now?: Date }) {
  const now = input.now ?? new Date();
  const withVerdict = new Set(input.results.filter((r) => r.status !== 'error' && r.status !== 'skipped').map((r) => r.checkId));
  const ran = input.results.map((r) => r.checkId);
  if (ran.length === 0) return { opened: 0, regressed: 0, fixed: 0, transitions: [] };
  const known = await tx
    .select({ id: findings.id, fingerprint: findings.fingerprint, checkId: findings.checkId, state: findings.state })
    .from(findings)
    .where(and(eq(findings.projectId, input.projectId), inArray(findings.checkId, ran)));
  const plan = planFindings(known as { id: string; fingerprint: string; checkId: string; state: FindingState }[], seenInResults(input.results), withVerdict);
  return applyFindingPlan(tx, { projectId: input.projectId, runId: input.runId, plan, now });
}

/**
 * Writes a plan with its events. `runId` names the check run; other sources of findings (chatbot
 * runs, which are not check runs) pass null and keep their run in the finding's evidence.
 */
export async function applyFindingPlan(tx: DbOrTx, input: { projectId: string; runId: string | null; plan: FindingPlan; now: Date }) {
  const { projectId, runId, plan, now } = input;
  const transitions: FindingTransition[] = [];
  if (plan.open.length > 0) {
    const inserted = await tx
      .insert(findings)
      .values(plan.open.map((f) => ({ projectId, ...f, state: 'open' as const, firstSeenAt: now, lastSeenAt: now, lastRunId: runId, updatedAt: now })))
      .returning({ id: findings.id });
    const events = await tx
      .insert(findingEvents)
      .values(inserted.map((row) => ({ findingId: row.id, projectId, kind: 'opened' as const, runId, at: now })))
      .returning({ id: findingEvents.id, findingId: findingEvents.findingId });
    for (const event of events) transitions.push({ findingId: event.findingId, eventId: event.id, kind: 'opened' });
  }
  for (const { id, finding, regressed } of plan.seenAgain) {
    await tx
      .update(findings)
      .set({
        severity: finding.severity,
        message: finding.message,
        fix: finding.fix,
        evidence: finding.evidence,
        lastSeenAt: now,
        lastRunId: runId,
        updatedAt: now,
        ...(regressed ? { state: 'regressed' as const, fixedAt: null } : {}),
      })
      .where(eq(findings.id, id));
    if (regressed) {
      const [event] = await tx.insert(findingEvents).values({ findingId: id, projectId, kind: 'regressed', runId, at: now }).returning({ id: findingEvents.id });
      transitions.push({ findingId: id, eventId: event!.id, kind: 'regressed' });
    }
  }
  if (plan.fixed.length > 0) {
    const ids = plan.fixed.map((f) => f.id);
    await tx.update(findings).set({ state: 'fixed', fixedAt: now, lastRunId: runId, updatedAt: now }).where(inArray(findings.id, ids));
    await tx.insert(findingEvents).values(ids.map((id) => ({ findingId: id, projectId, kind: 'fixed' as const, runId, at: now })));
  }
  return { opened: plan.open.length, regressed: plan.seenAgain.filter((s) => s.regressed).length, fixed: plan.fixed.length, transitions };
}
