/** Findings: the list with what each blocks, one finding's history, and the edits people make. */
import { calendarDateSchema, requiredText, safeText } from '@/server/validation';
import { z } from 'zod';
import { cachedProjectRead } from '../cached-reads';
import { idSchema, projectProcedure, router } from '../init';
import { notFound } from '@/server/errors';
import { findingHistory, listFindings } from '@/db/queries/findings';
import { listItems } from '@/db/queries/roadmap';
import { effectiveState } from '@/server/findings/lifecycle';
import { acceptFinding, assignFinding, reopenFinding } from '@/server/findings/service';
import { dueDateSchema } from './stages/item-schemas';

const findingId = z.object({ findingId: idSchema });

export const findingsRouter = router({
  /** Every finding of the project (fixed ones too), newest problems first, with the items each blocks. */
  list: projectProcedure('project:read').query(({ ctx }) =>
    cachedProjectRead(ctx, 'findings.list', null, async () => {
      const projectId = ctx.project.projectId;
      const today = new Date().toISOString().slice(0, 10);
      const [rows, items] = await Promise.all([listFindings(ctx.db, { projectId }), listItems(ctx.db, { projectId })]);
      return rows.map((f) => ({
        ...f,
        effectiveState: effectiveState(f, today),
        owner: f.ownerUserName ?? f.ownerName,
        blocks: items.filter((i) => i.automatedCheck === f.checkId && i.status !== 'passed' && i.status !== 'not_applicable').map((i) => ({ id: i.id, title: i.title, stageKey: i.stageKey })),
      }));
    }),
  ),

  history: projectProcedure('project:read')
    .input(findingId)
    .query(async ({ ctx, input }) => {
      const events = await findingHistory(ctx.db, { projectId: ctx.project.projectId, findingId: input.findingId });
      if (events.length === 0) throw notFound('Finding');
      return events;
    }),

  accept: projectProcedure('project:edit')
    .input(
      findingId.extend({
        reason: requiredText(1000, 'Say in a sentence why this risk is acceptable for now.', 'Keep the reason under 1,000 characters.', { multiline: true }).min(10, 'Say in a sentence why this risk is acceptable for now.'),
        until: calendarDateSchema,
      }),
    )
    .mutation(({ ctx, input }) => acceptFinding(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input)),

  reopen: projectProcedure('project:edit')
    .input(findingId)
    .mutation(({ ctx, input }) => reopenFinding(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.findingId)),

  assign: projectProcedure('project:edit')
    .input(
      findingId.extend({
        ownerUserId: idSchema.nullable().default(null),
        ownerName: safeText().max(80, 'Keep the name under 80 characters.').nullable().default(null),
        dueDate: dueDateSchema.transform((v) => v ?? null),
      }),
    )
    .mutation(({ ctx, input }) => assignFinding(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input)),
});
