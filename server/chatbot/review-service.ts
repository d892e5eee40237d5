/**
 * A person's review of one answer: "reviewed" (looked at, the verdict stands) or "accepted" (the
 * answer is acceptable as it is — a refusal the phrase list missed, a harmless mention). Both
 * keep the reason and the name. Accepting a failing answer also accepts its finding for 90 days
 * (then it counts again), and the chatbot items are settled again.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { chatbotResults, findingEvents, findings } from '@/db/schema';
import { notFound } from '@/server/errors';
import { quoted, recordActivity } from '@/server/services/activity';
import { CHATBOT_CHECK_ID } from './findings';
import { settleChatbotItems } from './settle';

export const ACCEPTANCE_DAYS = 90;

export async function reviewResult(db: Database, scope: { projectId: string; actorId: string }, input: { resultId: string; decision: 'reviewed' | 'accepted'; reason: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [result] = await tx
      .update(chatbotResults)
      .set({ reviewDecision: input.decision, reviewReason: input.reason, reviewedBy: scope.actorId, reviewedAt: now })
      .where(and(eq(chatbotResults.projectId, scope.projectId), eq(chatbotResults.id, input.resultId)))
      .returning({ promptId: chatbotResults.promptId, title: chatbotResults.title, status: chatbotResults.status });
    if (!result) throw notFound('Result');
    if (input.decision === 'accepted' && result.status === 'fail') {
      const until = new Date(now.getTime() + ACCEPTANCE_DAYS * 86_400_000).toISOString().slice(0, 10);
      const open = await tx
        .update(findings)
        .set({ state: 'accepted', acceptedReason: input.reason, acceptedUntil: until, acceptedBy: scope.actorId, acceptedAt: now, updatedAt: now })
        .where(and(eq(findings.projectId, scope.projectId), eq(findings.checkId, CHATBOT_CHECK_ID), sql`${findings.evidence}->>'promptId' = ${result.promptId}`, inArray(findings.state, ['open', 'regressed'])))
        .returning({ id: findings.id });
      if (open.length > 0) await tx.insert(findingEvents).values(open.map((f) => ({ findingId: f.id, projectId: scope.projectId, kind: 'accepted' as const, actorId: scope.actorId, note: `${input.reason} (until ${until}, from the chatbot review)` })));
    }
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'chatbot.review', summary: `${input.decision === 'accepted' ? 'accepted' : 'reviewed'} the chatbot answer to ${quoted(result.title)}` });
    await settleChatbotItems(tx, { projectId: scope.projectId, actorId: scope.actorId });
    return { ok: true };
  });
}
