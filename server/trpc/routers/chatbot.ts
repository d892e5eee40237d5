/** Chatbot launch checks: set-up, the prompt set, runs with their results, reviews (docs/decisions/0015). */
import { z } from 'zod';
import { idSchema, projectProcedure, router } from '../init';
import { notFound } from '@/server/errors';
import { getChatbotRun, latestFinishedRun, previousFinishedRun } from '@/db/queries/chatbot';
import { lookupKeySchema } from '@/server/validation';
import { chatbotCheckDeps } from '@/server/chatbot/network';
import { chatbotOverview, chatbotRunDetail } from '@/server/chatbot/overview';
import { addEverydayQuestions, addPrompt, addSuggestions, removePrompt, updatePrompt } from '@/server/chatbot/prompts-service';
import { reviewResult } from '@/server/chatbot/review-service';
import { startChatbotRun } from '@/server/chatbot/run';
import { replaceCanary, saveSettings } from '@/server/chatbot/settings-service';
import { promptSuggestions } from '@/server/chatbot/suggestions';
import { everydayQuestionsInput, promptInput, reviewInput, settingsInput } from '@/server/chatbot/validation';
import { getProject } from '@/db/queries/projects';
import { DEFAULT_CHAT_TARGET_MS } from '@/server/chat/reply-time';

const promptId = z.object({ promptId: idSchema });

export const chatbotRouter = router({
  overview: projectProcedure('project:read').query(({ ctx }) => chatbotOverview(ctx.db, ctx.project.projectId, { showCanary: ctx.project.permissions.has('project:edit') })),

  /** One run with every result and what changed since the run before it. */
  run: projectProcedure('project:read')
    .input(z.object({ runId: idSchema }))
    .query(async ({ ctx, input }) => {
      const projectId = ctx.project.projectId;
      const run = await getChatbotRun(ctx.db, { projectId, runId: input.runId });
      if (!run) throw notFound('Chatbot run');
      const previous = await previousFinishedRun(ctx.db, { projectId, before: run.startedAt });
      return { ...run, ...(await chatbotRunDetail(ctx.db, projectId, run, previous?.id ?? null)) };
    }),

  saveSettings: projectProcedure('project:edit')
    .input(settingsInput)
    .mutation(async ({ ctx, input }) => {
      const projectId = ctx.project.projectId;
      const last = await latestFinishedRun(ctx.db, { projectId });
      const { projectId: _p, ...values } = input;
      await saveSettings(ctx.db, { projectId, actorId: ctx.user.id }, values, last?.startedAt ?? null);
      return { ok: true };
    }),

  newCanary: projectProcedure('project:edit').mutation(async ({ ctx }) => {
    const row = await replaceCanary(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id });
    return { canary: row.canary };
  }),

  addPrompt: projectProcedure('project:edit')
    .input(promptInput)
    .mutation(async ({ ctx, input }) => {
      const { projectId: _p, ...values } = input;
      const row = await addPrompt(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, values);
      return { promptId: row.id };
    }),

  updatePrompt: projectProcedure('project:edit')
    .input(promptInput.extend(promptId.shape))
    .mutation(async ({ ctx, input }) => {
      const { projectId: _p, promptId: id, ...values } = input;
      await updatePrompt(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, id, values);
      return { ok: true };
    }),

  removePrompt: projectProcedure('project:edit')
    .input(promptId)
    .mutation(({ ctx, input }) => removePrompt(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.promptId)),

  /** Adds the playbook's suggested prompts by key (every suggestion not yet in the set when none are named). */
  addSuggested: projectProcedure('project:edit')
    .input(z.object({ keys: z.array(lookupKeySchema).max(40).optional() }))
    .mutation(async ({ ctx, input }) => {
      const projectId = ctx.project.projectId;
      const overview = await chatbotOverview(ctx.db, projectId, { showCanary: false });
      const row = await getProject(ctx.db, { projectId });
      const targetMs = overview.targets.startMs ?? overview.targets.completeMs ?? DEFAULT_CHAT_TARGET_MS;
      const all = promptSuggestions([row!.project.name], targetMs);
      const chosen = input.keys ? all.filter((s) => input.keys!.includes(s.key)) : all;
      return addSuggestions(ctx.db, { projectId, actorId: ctx.user.id }, chosen);
    }),

  /** The founder's top everyday questions, one a line, each becoming an everyday prompt (on topic, in time). */
  addEverydayQuestions: projectProcedure('project:edit')
    .input(everydayQuestionsInput)
    .mutation(({ ctx, input }) => {
      const { projectId: _p, ...values } = input;
      return addEverydayQuestions(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, values);
    }),

  /** Sends the prompt set to the chat endpoint; returns at once with the run's id (poll `run`). */
  start: projectProcedure('item:update').mutation(async ({ ctx }) => {
    const { runId } = await startChatbotRun({ db: ctx.db, checkDeps: chatbotCheckDeps(ctx.checkDeps) }, { projectId: ctx.project.projectId, actorId: ctx.user.id, trigger: 'person' });
    return { runId };
  }),

  review: projectProcedure('project:edit')
    .input(reviewInput.extend({ resultId: idSchema }))
    .mutation(({ ctx, input }) => reviewResult(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input)),
});
