/**
 * Closes checklist items with automated evidence: every item naming a check gets the check's
 * verdict and an evidence entry; items a person overrode keep their status (evidence still lands).
 * A pass passes only the items the check verifies; items it merely supports wait for a person
 * (docs/decisions/0010).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { checklistItems, itemEvidence } from '@/db/schema';
import { recordActivity } from '@/server/services/activity';
import { UNDECLARED_CHECK_ROLE } from '@/server/roadmap/check-roles';
import type { ItemStatus } from '@/server/roadmap/assessment-types';
import type { CheckRole } from '@/lib/vocabulary/roadmap-template';
import type { ResultSummary } from './diff';
import { checkRunPath } from '@/lib/check-run-links';

/**
 * A pass closes a verified item; on a supported item it only says "check passed — confirm"
 * (in progress), and never undoes a person's confirmation. A fail fails the item either way;
 * warn leaves it in progress; error settles nothing.
 */
export function statusForResult(status: ResultSummary['status'], role: CheckRole, current: ItemStatus): 'passed' | 'failed' | 'in_progress' | null {
  switch (status) {
    case 'pass':
      if (role === 'verifies') return 'passed';
      return current === 'passed' ? null : 'in_progress';
    case 'fail':
      return 'failed';
    case 'warn':
      return 'in_progress';
    case 'error':
      return null;
  }
}

const VERDICT_WORDS: Record<ResultSummary['status'], string> = { pass: 'passed', warn: 'passed with warnings', fail: 'failed', error: 'could not run' };

export function evidenceText(result: ResultSummary, title: string, role: CheckRole): string {
  const head = `Automated ${title} check ${VERDICT_WORDS[result.status]}.`;
  const worst = result.findings.filter((f) => f.severity !== 'info').slice(0, 3);
  const text = worst.length === 0 ? head : `${head} ${worst.map((f) => f.message).join(' ')}`;
  return result.status === 'pass' && role === 'supports' ? `${text} It does not test everything this item asks, so a person confirms the rest.` : text;
}

export async function settleItems(
  tx: DbOrTx,
  input: { projectId: string; runId: string; actorId: string | null; results: readonly ResultSummary[]; titles: Readonly<Record<string, string>>; scheduled?: boolean },
): Promise<{ settled: number }> {
  const checkIds = input.results.map((r) => r.checkId);
  if (checkIds.length === 0) return { settled: 0 };
  const items = await tx
    .select({ id: checklistItems.id, automatedCheck: checklistItems.automatedCheck, checkRole: checklistItems.checkRole, status: checklistItems.status, overrideReason: checklistItems.overrideReason })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, input.projectId), inArray(checklistItems.automatedCheck, checkIds)));
  let settled = 0;
  for (const item of items) {
    const result = input.results.find((r) => r.checkId === item.automatedCheck)!;
    const role = item.checkRole ?? UNDECLARED_CHECK_ROLE;
    const next = statusForResult(result.status, role, item.status);
    const keep = item.overrideReason !== null || item.status === 'not_applicable';
    if (next && !keep && next !== item.status) {
      await tx.update(checklistItems).set({ status: next, statusSource: 'check', updatedAt: new Date(), updatedBy: input.actorId }).where(eq(checklistItems.id, item.id));
      settled++;
    }
    await tx.insert(itemEvidence).values({
      itemId: item.id,
      projectId: input.projectId,
      kind: 'check',
      body: evidenceText(result, input.titles[result.checkId] ?? result.checkId, role),
      url: checkRunPath(input.projectId, input.runId, result.checkId),
      checkStatus: result.status,
      createdBy: input.actorId,
    });
  }
  if (settled > 0) {
    await recordActivity(tx, { projectId: input.projectId, actorId: input.actorId, action: input.scheduled ? 'schedule.settle' : 'checks.settle', summary: `settled ${settled} checklist item${settled === 1 ? '' : 's'} from automated checks` });
  }
  return { settled };
}
