import { z } from 'zod';
import { authedProcedure, idSchema, publicProcedure, router, workspaceProcedure } from '../init';
import { cachedWorkspaceRead } from '../cached-reads';
import { notFound } from '@/server/errors';
import { getWorkspace, listMembers, listOpenInvitations, listWorkspaceActivity, listWorkspacesForUser } from '@/db/queries/workspaces';
import {
  acceptInvitation,
  changeMemberRole,
  createWorkspace,
  inviteMember,
  previewInvitation,
  removeMember,
  renameWorkspace,
  revokeInvitation,
} from '@/server/services/workspaces';
import { workspaceHome } from '@/server/services/home-status';
import { DEFAULT_DIR, SORT_KEYS } from '@/server/workspace-home/attention';
import { workspaceScope } from '@/server/services/scope';
import { emailSchema, tokenSchema, workspaceNameSchema, workspaceRoleSchema } from '@/server/validation';

export const workspaceRouter = router({
  list: authedProcedure.query(({ ctx }) => listWorkspacesForUser(ctx.db, { userId: ctx.user.id })),

  create: authedProcedure
    .input(z.object({ name: workspaceNameSchema }))
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, { actor: ctx.user }, input)),

  get: workspaceProcedure('workspace:read').query(({ ctx }) =>
    cachedWorkspaceRead(ctx, 'workspace.get', null, async () => {
      const workspace = await getWorkspace(ctx.db, { workspaceId: ctx.workspace.id });
      if (!workspace) throw notFound('Workspace');
      return { id: workspace.id, name: workspace.name, role: ctx.workspace.role };
    }),
  ),

  /**
   * The home page: every project with readiness, verdict, open critical / high findings, monitors
   * down and the last whole-project run, "needs attention" first unless another order is asked.
   * Not a cachedWorkspaceRead: the list revision does not move when a project's findings or items do.
   */
  home: workspaceProcedure('workspace:read')
    .input(z.object({ includeArchived: z.boolean().default(false), sort: z.enum(SORT_KEYS).default('attention'), dir: z.enum(['asc', 'desc']).optional() }))
    .query(({ ctx, input }) =>
      workspaceHome(ctx, { workspaceId: ctx.workspace.id, includeArchived: input.includeArchived, sort: input.sort, dir: input.dir ?? DEFAULT_DIR[input.sort] }),
    ),

  rename: workspaceProcedure('workspace:rename')
    .input(z.object({ name: workspaceNameSchema }))
    .mutation(({ ctx, input }) => renameWorkspace(ctx.db, workspaceScope(ctx), { name: input.name })),

  members: workspaceProcedure('workspace:read').query(async ({ ctx }) => ({
    members: await listMembers(ctx.db, { workspaceId: ctx.workspace.id }),
    invitations:
      ctx.workspace.role === 'member' ? [] : await listOpenInvitations(ctx.db, { workspaceId: ctx.workspace.id, now: new Date() }),
  })),

  /** Who joined, left, was invited or changed role: for the people who manage members. */
  activity: workspaceProcedure('workspace:manage-members')
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listWorkspaceActivity(ctx.db, { workspaceId: ctx.workspace.id, limit: input.limit })),

  invite: workspaceProcedure('workspace:manage-members')
    .input(z.object({ email: emailSchema, role: workspaceRoleSchema }))
    .mutation(({ ctx, input }) =>
      inviteMember(ctx, { ...workspaceScope(ctx), actorName: ctx.user.name }, { email: input.email, role: input.role }),
    ),

  revokeInvitation: workspaceProcedure('workspace:manage-members')
    .input(z.object({ invitationId: idSchema }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, workspaceScope(ctx), { invitationId: input.invitationId })),

  changeRole: workspaceProcedure('workspace:manage-members')
    .input(z.object({ userId: idSchema, role: workspaceRoleSchema }))
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, workspaceScope(ctx), { userId: input.userId, role: input.role }),
    ),

  removeMember: workspaceProcedure('workspace:manage-members')
    .input(z.object({ userId: idSchema }))
    .mutation(({ ctx, input }) =>
      removeMember(ctx.db, workspaceScope(ctx), { userId: input.userId }),
    ),

  leave: workspaceProcedure('workspace:read').mutation(({ ctx }) =>
    removeMember(ctx.db, workspaceScope(ctx), { userId: ctx.user.id }),
  ),

  /** Anyone holding the emailed token may see which workspace it is for. */
  invitationPreview: publicProcedure
    .input(z.object({ token: tokenSchema }))
    .query(({ ctx, input }) => previewInvitation(ctx.db, input)),

  acceptInvitation: authedProcedure
    .input(z.object({ token: tokenSchema }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { actor: ctx.user }, input)),
});
