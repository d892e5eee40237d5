/**
 * The checklist procedures every stage router has, written once: each stage router spreads
 * them and adds its own operations (e.g. the deployment stage's inventory).
 */
import { z } from 'zod';
import { projectProcedure } from '../../init';
import type { StageKey } from '@/lib/vocabulary/projects';
import { addComment, addEvidence, addItem, updateItem } from '@/server/services/checklist';
import { commentSchema, evidenceSchema, ITEM_FILTERS, itemChangesSchema, newItemSchema } from './item-schemas';
import { loadStageView } from './stage-view';
import { cachedProjectRead } from '../../cached-reads';

export function checklistProcedures(stageKey: StageKey) {
  return {
    get: projectProcedure('project:read')
      .input(z.object({ filter: z.enum(ITEM_FILTERS, 'Unknown filter.').default('all') }))
      .query(({ ctx, input }) =>
        cachedProjectRead(ctx, `${stageKey}.get`, input.filter, () =>
          loadStageView(ctx.db, {
            projectId: ctx.project.projectId,
            workspaceId: ctx.project.workspaceId,
            stageKey,
            userId: ctx.user.id,
            filter: input.filter,
            includeMembers: ctx.project.permissions.has('item:update') && ctx.project.grant.via === 'workspace',
          }),
        ),
      ),

    updateItem: projectProcedure('item:update')
      .input(itemChangesSchema)
      .mutation(({ ctx, input }) => {
        const { projectId, itemId, ...changes } = input;
        return updateItem(ctx.db, { projectId, stageKey, actorId: ctx.user.id }, itemId, changes);
      }),

    addEvidence: projectProcedure('item:update')
      .input(evidenceSchema)
      .mutation(({ ctx, input }) =>
        addEvidence(ctx.db, { projectId: input.projectId, stageKey, actorId: ctx.user.id }, input.itemId, { body: input.body, url: input.url }),
      ),

    comment: projectProcedure('item:comment')
      .input(commentSchema)
      .mutation(({ ctx, input }) => addComment(ctx.db, { projectId: input.projectId, stageKey, actorId: ctx.user.id }, input.itemId, input.body)),

    addItem: projectProcedure('project:edit')
      .input(newItemSchema)
      .mutation(({ ctx, input }) => {
        const { projectId, ...item } = input;
        return addItem(ctx.db, { projectId, stageKey, actorId: ctx.user.id }, item);
      }),
  };
}
