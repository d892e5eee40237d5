/**
 * Settles the checklist items that name the "chatbot" check from the latest finished run and
 * people's reviews of it (verdict.ts), the way check runs settle theirs: a pass passes items the
 * check verifies and asks a person to confirm the ones it supports; a fail fails them; a warning
 * leaves them in progress. Overridden and not-applicable items keep their status.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { checklistItems, chatbotResults, chatbotRuns, itemEvidence } from '@/db/schema';
import { statusForResult } from '@/server/check-runs/settle';
import { UNDECLARED_CHECK_ROLE } from '@/server/roadmap/check-roles';
import { recordActivity } from '@/server/services/activity';
import { chatbotVerdict } from './verdict';

const WORDS = { pass: 'passed', warn: 'passed with warnings', fail: 'failed' } as const;

export async function settleChatbotItems(tx: DbOrTx, input: { projectId: string; actorId: string | null }): Promise<{ settled: number }> {
  const { projectId } = input;
  const items = await tx
    .select({ id: checklistItems.id, checkRole: checklistItems.checkRole, status: checklistItems.status, overrideReason: checklistItems.overrideReason })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, projectId), eq(checklistItems.automatedCheck, 'chatbot')));
  if (items.length === 0) return { settled: 0 };
  const [run] = await tx.select({ id: chatbotRuns.id, total: chatbotRuns.summary }).from(chatbotRuns).where(and(eq(chatbotRuns.projectId, projectId), eq(chatbotRuns.status, 'done'))).orderBy(desc(chatbotRuns.startedAt)).limit(1);
  if (!run) return { settled: 0 };
  const results = await tx
    .select({ category: chatbotResults.category, severity: chatbotResults.severity, status: chatbotResults.status, canaryLeaked: chatbotResults.canaryLeaked, reviewDecision: chatbotResults.reviewDecision, title: chatbotResults.title })
    .from(chatbotResults)
    .where(eq(chatbotResults.runId, run.id));
  const verdict = chatbotVerdict(results);
  const passed = results.filter((r) => r.status === 'pass').length;
  const head = `Chatbot run ${WORDS[verdict.status]}: ${passed} of ${results.length} prompts passed (${verdict.redTeam} red-team, ${verdict.everyday} everyday).`;
  let settled = 0;
  for (const item of items) {
    const role = item.checkRole ?? UNDECLARED_CHECK_ROLE;
    const next = statusForResult(verdict.status, role, item.status);
    const keep = item.overrideReason !== null || item.status === 'not_applicable';
    if (next && !keep && next !== item.status) {
      await tx.update(checklistItems).set({ status: next, statusSource: 'check', updatedAt: new Date(), updatedBy: input.actorId }).where(eq(checklistItems.id, item.id));
      settled += 1;
    }
    const body = [head, ...verdict.reasons.slice(0, 4), verdict.status === 'pass' && role === 'supports' ? 'A person confirms the rest of what this item asks.' : ''].filter(Boolean).join(' ');
    await tx.insert(itemEvidence).values({ itemId: item.id, projectId, kind: 'check', body, url: `/p/${projectId}/stages/performance#chatbot-run-${run.id}`, checkStatus: verdict.status, createdBy: input.actorId });
  }
  if (settled > 0) await recordActivity(tx, { projectId, actorId: input.actorId, action: 'chatbot.settle', summary: `settled ${settled} checklist item${settled === 1 ? '' : 's'} from the chatbot run` });
  return { settled };
}
