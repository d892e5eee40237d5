import { z } from 'zod';
import { authedProcedure, idSchema, projectProcedure, publicProcedure, router, workspaceProcedure } from '../init';
import { cachedProjectRead, cachedWorkspaceRead } from '../cached-reads';
import { notFound } from '@/server/errors';
import { getProject, listProjects, listShares, listSharedWithUser } from '@/db/queries/projects';
import { projectFieldsSchema } from '@/server/projects/validation';
import {
  acceptShare,
  createProject,
  previewShare,
  revokeShare,
  setArchived,
  shareProject,
  updateProject,
} from '@/server/services/projects';
import { projectScope } from '@/server/services/scope';
import { clientRoleSchema, emailSchema, lookupKeySchema, tokenSchema } from '@/server/validation';

export const projectRouter = router({
  list: workspaceProcedure('workspace:read')
    .input(z.object({ includeArchived: z.boolean().default(false) }))
    .query(({ ctx, input }) => cachedWorkspaceRead(ctx, 'project.list', input, () => listProjects(ctx.db, { workspaceId: ctx.workspace.id, includeArchived: input.includeArchived }))),

  create: workspaceProcedure('project:create')
    .input(projectFieldsSchema)
    .input(z.object({ templateId: lookupKeySchema.optional() }))
    .mutation(({ ctx, input }) => {
      const { workspaceId: _workspaceId, templateId, ...fields } = input;
      return createProject(ctx.db, { workspaceId: ctx.workspace.id, actorId: ctx.user.id }, { fields, templateId });
    }),

  get: projectProcedure('project:read').query(({ ctx }) =>
    cachedProjectRead(ctx, 'project.get', null, async () => {
      const row = await getProject(ctx.db, { projectId: ctx.project.projectId });
      if (!row) throw notFound('Project');
      const { contentRevision: _content, monitoringRevision: _monitoring, ...project } = row.project;
      return {
        ...project,
        workspaceName: row.workspaceName,
        access: { via: ctx.project.grant.via, role: ctx.project.grant.role, permissions: [...ctx.project.permissions] },
      };
    }),
  ),

  update: projectProcedure('project:edit')
    .input(projectFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { projectId: _projectId, ...fields } = input;
      return updateProject(ctx.db, projectScope(ctx), { fields });
    }),

  archive: projectProcedure('project:archive').mutation(({ ctx }) => setArchived(ctx.db, projectScope(ctx), { archived: true })),
  restore: projectProcedure('project:archive').mutation(({ ctx }) => setArchived(ctx.db, projectScope(ctx), { archived: false })),

  sharedWithMe: authedProcedure.query(({ ctx }) => listSharedWithUser(ctx.db, { userId: ctx.user.id })),

  shares: projectProcedure('project:share').query(({ ctx }) => listShares(ctx.db, { projectId: ctx.project.projectId })),

  share: projectProcedure('project:share')
    .input(z.object({ email: emailSchema, role: clientRoleSchema }))
    .mutation(({ ctx, input }) =>
      shareProject(ctx, { ...projectScope(ctx), actorName: ctx.user.name }, { email: input.email, role: input.role }),
    ),

  revokeShare: projectProcedure('project:share')
    .input(z.object({ shareId: idSchema }))
    .mutation(({ ctx, input }) => revokeShare(ctx.db, projectScope(ctx), { shareId: input.shareId })),

  /** Anyone holding the emailed token may see which project it opens. */
  sharePreview: publicProcedure.input(z.object({ token: tokenSchema })).query(({ ctx, input }) => previewShare(ctx.db, input)),

  acceptShare: authedProcedure
    .input(z.object({ token: tokenSchema }))
    .mutation(({ ctx, input }) => acceptShare(ctx.db, { actor: ctx.user }, input)),
});
