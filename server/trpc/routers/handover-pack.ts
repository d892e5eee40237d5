/**
 * The handover pack: a preview for the page and the export the download route calls, both with
 * the same read permission (a client with view access can download the pack of their project).
 */
import { z } from 'zod';
import { projectProcedure, router } from '../init';
import { buildHandoverDocument } from '@/server/handover/model';
import { exportHandover } from '@/server/handover/export';
import { renderMarkdown } from '@/server/handover/render-markdown';
import { projectScope } from '@/server/services/scope';

export const handoverPackRouter = router({
  /** The document model, its Markdown and its gaps, without recording anything. */
  preview: projectProcedure('project:read').query(async ({ ctx }) => {
    const document = await buildHandoverDocument(ctx.db, ctx.project.projectId, { preparedBy: ctx.user.name, appUrl: ctx.appUrl });
    return { document, markdown: renderMarkdown(document) };
  }),

  /** The document to render for a download; records the export in the activity log. */
  export: projectProcedure('project:read')
    .input(z.object({ format: z.enum(['pdf', 'md']) }))
    .mutation(({ ctx, input }) => exportHandover(ctx.db, { ...projectScope(ctx), actorName: ctx.user.name }, { format: input.format, appUrl: ctx.appUrl })),
});
