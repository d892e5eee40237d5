/**
 * Workspace verbs: create, invite, accept, change roles, remove. Each runs in one transaction
 * and writes a workspace activity entry in it (docs/decisions/0017).
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db/types';
import { user, workspaceInvitations, workspaceMembers, workspaces } from '@/db/schema';
import { countOwners } from '@/db/queries/workspaces';
import type { WorkspaceRole } from '@/server/auth/permissions';
import type { Mailer } from '@/server/mail/mailer';
import { workspaceInvitationEmail } from '@/server/mail/templates';
import { badInput, fieldError, forbidden, notFound } from '@/server/errors';
import { hashToken, newToken } from './tokens';
import { takeInvitationSend } from './invitation-limit';
import { quoted, recordWorkspaceActivity } from './activity';
import type { ActorScope, Named, WorkspaceScope } from './scope';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function createWorkspace(db: Database, scope: ActorScope, input: { name: string }) {
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name: input.name, createdBy: scope.actor.id }).returning();
    await tx.insert(workspaceMembers).values({ workspaceId: workspace!.id, userId: scope.actor.id, role: 'owner' });
    await recordWorkspaceActivity(tx, { workspaceId: workspace!.id, actorId: scope.actor.id, action: 'workspace.create', summary: `created the workspace ${quoted(input.name)}` });
    return workspace!;
  });
}

export async function renameWorkspace(db: Database, scope: WorkspaceScope, input: { name: string }) {
  await db.transaction(async (tx) => {
    await tx.update(workspaces).set({ name: input.name, updatedAt: new Date() }).where(eq(workspaces.id, scope.workspaceId));
    await recordWorkspaceActivity(tx, { workspaceId: scope.workspaceId, actorId: scope.actorId, action: 'workspace.rename', summary: `renamed the workspace to ${quoted(input.name)}` });
  });
}

export async function inviteMember(
  deps: { db: Database; mailer: Mailer; appUrl: string },
  scope: WorkspaceScope & Named,
  input: { email: string; role: WorkspaceRole },
) {
  if (input.role === 'owner' && scope.actorRole !== 'owner') throw forbidden('Only an owner can invite another owner.');
  const { db } = deps;
  const { workspaceId } = scope;
  const { token, hash } = newToken();
  const workspaceName = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: workspaceMembers.userId })
      .from(workspaceMembers)
      .innerJoin(user, eq(user.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(user.email, input.email)))
      .limit(1);
    if (existing) throw fieldError('email', `${input.email} is already a member of this workspace.`);
    await takeInvitationSend(tx, workspaceId);
    // Re-inviting replaces the open invitation (new token, new role, new expiry).
    await tx
      .update(workspaceInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(workspaceInvitations.workspaceId, workspaceId),
          eq(workspaceInvitations.email, input.email),
          isNull(workspaceInvitations.acceptedAt),
          isNull(workspaceInvitations.revokedAt),
        ),
      );
    const [invitation] = await tx
      .insert(workspaceInvitations)
      .values({
        workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedBy: scope.actorId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning({ id: workspaceInvitations.id });
    await recordWorkspaceActivity(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: 'member.invite',
      summary: `invited ${input.email} as ${input.role}`,
      details: { invitationId: invitation!.id, email: input.email, role: input.role },
    });
    const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return workspace!.name;
  });
  const url = `${deps.appUrl}/invite/${token}`;
  await deps.mailer.send(workspaceInvitationEmail(input.email, url, workspaceName, scope.actorName, input.role));
}

export async function revokeInvitation(db: Database, scope: WorkspaceScope, input: { invitationId: string }) {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(workspaceInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(workspaceInvitations.id, input.invitationId),
          eq(workspaceInvitations.workspaceId, scope.workspaceId),
          isNull(workspaceInvitations.acceptedAt),
          isNull(workspaceInvitations.revokedAt),
        ),
      )
      .returning({ id: workspaceInvitations.id, email: workspaceInvitations.email });
    if (!revoked) throw notFound('Invitation');
    await recordWorkspaceActivity(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.actorId,
      action: 'member.invitation-revoke',
      summary: `withdrew the invitation to ${revoked.email}`,
      details: { invitationId: revoked.id, email: revoked.email },
    });
  });
}

async function findOpenInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ invitation: workspaceInvitations, workspaceName: workspaces.name })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspaceId))
    .where(
      and(
        eq(workspaceInvitations.tokenHash, hashToken(token)),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
        gt(workspaceInvitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** What the invitation page shows before accepting. */
export async function previewInvitation(db: Database, input: { token: string }) {
  const row = await findOpenInvitation(db, input.token);
  if (!row) throw notFound('Invitation (it may have expired or been used)');
  return { workspaceName: row.workspaceName, email: row.invitation.email, role: row.invitation.role };
}

/**
 * Holding the emailed token proves control of the address, so accepting also marks it verified.
 * The signed-in account must use the invited address: a forwarded link cannot be used by someone else.
 */
export async function acceptInvitation(db: Database, scope: ActorScope, input: { token: string }) {
  const { actor } = scope;
  return db.transaction(async (tx) => {
    const row = await findOpenInvitation(tx, input.token);
    if (!row) throw notFound('Invitation (it may have expired or been used)');
    const { invitation } = row;
    if (invitation.email !== actor.email.toLowerCase()) {
      throw forbidden(`This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`);
    }
    const joined = await tx
      .insert(workspaceMembers)
      .values({ workspaceId: invitation.workspaceId, userId: actor.id, role: invitation.role })
      .onConflictDoNothing()
      .returning({ role: workspaceMembers.role });
    await recordWorkspaceActivity(tx, {
      workspaceId: invitation.workspaceId,
      actorId: actor.id,
      action: 'member.join',
      // Someone already in the workspace who accepts keeps the role they have.
      summary: joined.length > 0 ? `accepted the invitation and joined as ${invitation.role}` : 'accepted an invitation (already a member)',
      details: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
    });
    await tx.update(workspaceInvitations).set({ acceptedAt: new Date() }).where(eq(workspaceInvitations.id, invitation.id));
    await tx.update(user).set({ emailVerified: true, updatedAt: new Date() }).where(eq(user.id, actor.id));
    return { workspaceId: invitation.workspaceId };
  });
}

async function findMember(db: DbOrTx, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ role: workspaceMembers.role, name: user.name, email: user.email })
    .from(workspaceMembers)
    .innerJoin(user, eq(user.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return row ?? null;
}

const who = (member: { name: string; email: string }) => (member.name ? `${member.name} (${member.email})` : member.email);

/** Owners manage owners; admins manage admins and members; a workspace always keeps an owner. */
export async function changeMemberRole(db: Database, scope: WorkspaceScope, input: { userId: string; role: WorkspaceRole }) {
  const { workspaceId } = scope;
  await db.transaction(async (tx) => {
    const member = await findMember(tx, workspaceId, input.userId);
    if (!member) throw notFound('Member');
    const current = member.role;
    if ((current === 'owner' || input.role === 'owner') && scope.actorRole !== 'owner') {
      throw forbidden('Only an owner can grant or remove the owner role.');
    }
    if (current === 'owner' && input.role !== 'owner' && (await countOwners(tx, { workspaceId })) <= 1) {
      throw fieldError('role', 'A workspace needs at least one owner: make someone else owner first.');
    }
    await tx
      .update(workspaceMembers)
      .set({ role: input.role })
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, input.userId)));
    await recordWorkspaceActivity(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: 'member.role',
      summary: current === input.role ? `kept ${who(member)} as ${current}` : `changed ${who(member)} from ${current} to ${input.role}`,
      details: { userId: input.userId, from: current, to: input.role },
    });
  });
}

/** Removing someone, or leaving (the actor removes themself). */
export async function removeMember(db: Database, scope: WorkspaceScope, input: { userId: string }) {
  const { workspaceId } = scope;
  await db.transaction(async (tx) => {
    const member = await findMember(tx, workspaceId, input.userId);
    if (!member) throw notFound('Member');
    const current = member.role;
    const leavingSelf = scope.actorId === input.userId;
    if (!leavingSelf && current === 'owner' && scope.actorRole !== 'owner') throw forbidden('Only an owner can remove an owner.');
    if (current === 'owner' && (await countOwners(tx, { workspaceId })) <= 1) {
      throw badInput('The last owner cannot leave: make someone else owner first.');
    }
    await tx.delete(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, input.userId)));
    await recordWorkspaceActivity(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: leavingSelf ? 'member.leave' : 'member.remove',
      summary: leavingSelf ? `left the workspace (was ${current})` : `removed ${who(member)} (${current})`,
      details: { userId: input.userId, role: current },
    });
  });
}
