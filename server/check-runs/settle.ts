/**
 * Closes checklist items with automated evidence: every item naming a check gets the check's
 * verdict and an evidence entry; items a person overrode keep their status (evidence still lands).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { checklistItems, itemEvidence } from '@/db/schema';
import { recordActivity } from '@/server/services/activity';
import type { ResultSummary } from './diff';

/** pass closes the item; fail fails it; warn leaves it in progress; error settles nothing. */
export function statusForResult(status: ResultSummary['status']): 'passed' | 'failed' | 'in_progress' | null {
  switch (status) {
    case 'pass':
      return 'passed';
    case 'fail':
      return 'failed';
    case 'warn':
      return 'in_progress';
    case 'error':
      return null;
  }
}

const VERDICT_WORDS: Record<ResultSummary['status'], string> = { pass: 'passed', warn: 'passed with warnings', fail: 'failed', error: 'could not run' };

export function evidenceText(result: ResultSummary, title: string): string {
  const head = `Automated ${title} check ${VERDICT_WORDS[result.status]}.`;
  const worst = result.findings.filter((f) => f.severity !== 'info').slice(0, 3);
  return worst.length === 0 ? head : `${head} ${worst.map((f) => f.message).join(' ')}`;
}

export async function settleItems(
  tx: DbOrTx,
  input: { projectId: string; runId: string; actorId: string | null; results: readonly ResultSummary[]; titles: Readonly<Record<string, string>> },
): Promise<{ settled: number }> {
  const checkIds = input.results.map((r) => r.checkId);
  if (checkIds.length === 0) return { settled: 0 };
  const items = await tx
    .select({ id: checklistItems.id, automatedCheck: checklistItems.automatedCheck, status: checklistItems.status, overrideReason: checklistItems.overrideReason })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, input.projectId), inArray(checklistItems.automatedCheck, checkIds)));
  let settled = 0;
  for (const item of items) {
    const result = input.results.find((r) => r.checkId === item.automatedCheck)!;
    const next = statusForResult(result.status);
    const keep = item.overrideReason !== null || item.status === 'not_applicable';
    if (next && !keep && next !== item.status) {
      await tx.update(checklistItems).set({ status: next, statusSource: 'check', updatedAt: new Date(), updatedBy: input.actorId }).where(eq(checklistItems.id, item.id));
      settled++;
    }
    await tx.insert(itemEvidence).values({
      itemId: item.id,
      projectId: input.projectId,
      kind: 'check',
      body: evidenceText(result, input.titles[result.checkId] ?? result.checkId),
      url: `/check-runs/${input.runId}#${result.checkId}`,
      createdBy: input.actorId,
    });
  }
  if (settled > 0) {
    await recordActivity(tx, { projectId: input.projectId, actorId: input.actorId, action: 'checks.settle', summary: `settled ${settled} checklist item${settled === 1 ? '' : 's'} from automated checks` });
  }
  return { settled };
}
