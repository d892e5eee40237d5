/**
 * The checklist procedures every stage router has, written once: each stage router spreads
 * them and adds its own operations (e.g. the deployment stage's inventory).
 */
import { z } from 'zod';
import { idSchema, projectProcedure } from '../../init';
import { notFound } from '@/server/errors';
import type { StageKey } from '@/lib/vocabulary/projects';
import { addComment, addEvidence, addItem, updateItem } from '@/server/services/checklist';
import { commentSchema, evidenceSchema, ITEM_FILTERS, itemChangesSchema, newItemSchema, type ItemFilter } from './item-schemas';
import type { Database } from '@/db/types';
import type { ProjectAccess } from '@/server/auth/access';
import { loadStageView } from './stage-view';
import { cachedProjectRead } from '../../cached-reads';

type ProjectContext = Parameters<typeof cachedProjectRead>[0] & { db: Database; project: ProjectAccess & { permissions: ReadonlySet<string> } };

/** The stage's view for the caller, through the read cache. */
function stageView(ctx: ProjectContext, stageKey: StageKey, filter: ItemFilter) {
  return cachedProjectRead(ctx, `${stageKey}.get`, filter, () =>
    loadStageView(ctx.db, {
      projectId: ctx.project.projectId,
      workspaceId: ctx.project.workspaceId,
      stageKey,
      userId: ctx.user.id,
      filter,
      includeMembers: ctx.project.permissions.has('item:update') && ctx.project.grant.via === 'workspace',
    }),
  );
}

export function checklistProcedures(stageKey: StageKey) {
  return {
    get: projectProcedure('project:read')
      .input(z.object({ filter: z.enum(ITEM_FILTERS, 'Unknown filter.').default('all') }))
      .query(({ ctx, input }) => stageView(ctx, stageKey, input.filter)),

    /**
     * One item's details, evidence and comments, which the stage page loads when a person opens
     * the item (docs/performance.md, "Pages"). Read from the same cached view as `get`, so it is
     * one statement per request while nothing changed.
     */
    item: projectProcedure('project:read')
      .input(z.object({ itemId: idSchema }))
      .query(async ({ ctx, input }) => {
        const view = await stageView(ctx, stageKey, 'all');
        const item = view.items.find((i) => i.id === input.itemId);
        if (!item) throw notFound('Checklist item');
        return { id: item.id, detail: item.detail, notes: item.notes, evidence: item.evidence, comments: item.comments, members: view.members };
      }),

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
