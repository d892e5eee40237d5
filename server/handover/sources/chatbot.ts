/**
 * Chatbot launch checks in the pack: the prompt set (names, kinds and expectations — never the
 * canary), the last run's figures and verdict per prompt, and every answer a person accepted
 * with their reason. Answers themselves stay out of the pack.
 */
import { getChatbotSettings, latestFinishedRun, listPrompts, listRunResults } from '@/db/queries/chatbot';
import { expectationLabel } from '@/server/chatbot/evaluate';
import { PROMPT_CATEGORY_LABELS } from '@/lib/vocabulary/chatbot';
import type { ChatbotPack, Measured } from '../types';
import type { SourceContext } from './context';

export async function buildChatbot(ctx: SourceContext): Promise<Measured<ChatbotPack>> {
  const [settings, prompts, last] = await Promise.all([getChatbotSettings(ctx.db, { projectId: ctx.projectId }), listPrompts(ctx.db, { projectId: ctx.projectId }), latestFinishedRun(ctx.db, { projectId: ctx.projectId })]);
  if (!settings || prompts.length === 0) return { state: 'not-measured', note: 'No chatbot prompt set yet: set one up in the Chatbot section of the performance stage.' };
  const results = last ? await listRunResults(ctx.db, { projectId: ctx.projectId, runIds: [last.id] }) : [];
  return {
    state: 'measured',
    measuredAt: last?.finishedAt?.toISOString() ?? null,
    data: {
      promptSetVersion: settings.promptSetVersion,
      schedule: settings.scheduleEnabled ? `every ${settings.scheduleEveryDays} day${settings.scheduleEveryDays === 1 ? '' : 's'}` : 'off',
      prompts: prompts.map((p) => ({ title: p.title, kind: PROMPT_CATEGORY_LABELS[p.category], severity: p.severity, expectations: ['Never reveals the canary', ...p.expectations.map(expectationLabel)] })),
      lastRun: last
        ? {
            at: last.startedAt.toISOString(),
            by: last.trigger === 'schedule' ? 'schedule' : (last.startedBy ?? 'a former member'),
            passed: last.summary?.passed ?? 0,
            failed: last.summary?.failed ?? 0,
            total: last.summary?.total ?? 0,
            p95TotalMs: last.summary?.p95TotalMs ?? null,
            results: results.map((r) => ({ title: r.title, status: r.status, review: r.reviewDecision })),
          }
        : null,
      accepted: results.filter((r) => r.reviewDecision === 'accepted').map((r) => ({ title: r.title, reason: r.reviewReason ?? '', by: r.reviewedBy ?? 'a former member', at: r.reviewedAt?.toISOString() ?? '' })),
    },
  };
}
