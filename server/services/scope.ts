/**
 * Who acts, and where: the second argument of every service verb, `(db, scope, input)`.
 * The tRPC procedure builds the scope from what it has already authorized, so a verb never
 * re-derives who may call it; the input is the caller's data, checked by the verb.
 */
import type { WorkspaceRole } from '@/server/auth/permissions';

/** A project verb: the project the procedure authorized and the person acting on it. */
export type ProjectScope = { projectId: string; actorId: string };

/** A workspace verb: the workspace, the person acting and their role in it (roles guard roles). */
export type WorkspaceScope = { workspaceId: string; actorId: string; actorRole: WorkspaceRole };

/** A verb before any membership exists (create a workspace, accept an invitation or a share). */
export type ActorScope = { actor: { id: string; name: string; email: string } };

/** Verbs that send mail in the actor's name ("Sam invited you to …"). */
export type Named = { actorName: string };

export const projectScope = (ctx: { project: { projectId: string }; user: { id: string } }): ProjectScope => ({ projectId: ctx.project.projectId, actorId: ctx.user.id });

export const workspaceScope = (ctx: { workspace: { id: string; role: WorkspaceRole }; user: { id: string } }): WorkspaceScope => ({
  workspaceId: ctx.workspace.id,
  actorId: ctx.user.id,
  actorRole: ctx.workspace.role,
});
