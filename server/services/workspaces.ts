/** Workspace verbs: create, invite, accept, change roles, remove. Each runs in one transaction. */
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

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Actor = { id: string; name: string; email: string };

export async function createWorkspace(db: Database, actor: Actor, name: string) {
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name, createdBy: actor.id }).returning();
    await tx.insert(workspaceMembers).values({ workspaceId: workspace!.id, userId: actor.id, role: 'owner' });
    return workspace!;
  });
}

export async function renameWorkspace(db: Database, workspaceId: string, name: string) {
  await db.update(workspaces).set({ name, updatedAt: new Date() }).where(eq(workspaces.id, workspaceId));
}

export async function inviteMember(
  deps: { db: Database; mailer: Mailer; appUrl: string },
  input: { workspaceId: string; actor: Actor; actorRole: WorkspaceRole; email: string; role: WorkspaceRole },
) {
  if (input.role === 'owner' && input.actorRole !== 'owner') throw forbidden('Only an owner can invite another owner.');
  const { db } = deps;
  const { token, hash } = newToken();
  const workspaceName = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: workspaceMembers.userId })
      .from(workspaceMembers)
      .innerJoin(user, eq(user.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(user.email, input.email)))
      .limit(1);
    if (existing) throw fieldError('email', `${input.email} is already a member of this workspace.`);
    await takeInvitationSend(tx, input.workspaceId);
    // Re-inviting replaces the open invitation (new token, new role, new expiry).
    await tx
      .update(workspaceInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(workspaceInvitations.workspaceId, input.workspaceId),
          eq(workspaceInvitations.email, input.email),
          isNull(workspaceInvitations.acceptedAt),
          isNull(workspaceInvitations.revokedAt),
        ),
      );
    await tx.insert(workspaceInvitations).values({
      workspaceId: input.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedBy: input.actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
    return workspace!.name;
  });
  const url = `${deps.appUrl}/invite/${token}`;
  await deps.mailer.send(workspaceInvitationEmail(input.email, url, workspaceName, input.actor.name, input.role));
}

export async function revokeInvitation(db: Database, workspaceId: string, invitationId: string) {
  const revoked = await db
    .update(workspaceInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(workspaceInvitations.id, invitationId),
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
      ),
    )
    .returning({ id: workspaceInvitations.id });
  if (revoked.length === 0) throw notFound('Invitation');
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
export async function previewInvitation(db: Database, token: string) {
  const row = await findOpenInvitation(db, token);
  if (!row) throw notFound('Invitation (it may have expired or been used)');
  return { workspaceName: row.workspaceName, email: row.invitation.email, role: row.invitation.role };
}

/**
 * Holding the emailed token proves control of the address, so accepting also marks it verified.
 * The signed-in account must use the invited address: a forwarded link cannot be used by someone else.
 */
export async function acceptInvitation(db: Database, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const row = await findOpenInvitation(tx, token);
    if (!row) throw notFound('Invitation (it may have expired or been used)');
    const { invitation } = row;
    if (invitation.email !== actor.email.toLowerCase()) {
      throw forbidden(`This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`);
    }
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: invitation.workspaceId, userId: actor.id, role: invitation.role })
      .onConflictDoNothing();
    await tx.update(workspaceInvitations).set({ acceptedAt: new Date() }).where(eq(workspaceInvitations.id, invitation.id));
    await tx.update(user).set({ emailVerified: true, updatedAt: new Date() }).where(eq(user.id, actor.id));
    return { workspaceId: invitation.workspaceId };
  });
}

async function memberRole(db: DbOrTx, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return row?.role ?? null;
}

/** Owners manage owners; admins manage admins and members; a workspace always keeps an owner. */
export async function changeMemberRole(
  db: Database,
  input: { workspaceId: string; actorRole: WorkspaceRole; userId: string; role: WorkspaceRole },
) {
  await db.transaction(async (tx) => {
    const current = await memberRole(tx, input.workspaceId, input.userId);
    if (!current) throw notFound('Member');
    if ((current === 'owner' || input.role === 'owner') && input.actorRole !== 'owner') {
      throw forbidden('Only an owner can grant or remove the owner role.');
    }
    if (current === 'owner' && input.role !== 'owner' && (await countOwners(tx, { workspaceId: input.workspaceId })) <= 1) {
      throw fieldError('role', 'A workspace needs at least one owner: make someone else owner first.');
    }
    await tx
      .update(workspaceMembers)
      .set({ role: input.role })
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)));
  });
}

export async function removeMember(db: Database, input: { workspaceId: string; actorId: string; actorRole: WorkspaceRole | null; userId: string }) {
  await db.transaction(async (tx) => {
    const current = await memberRole(tx, input.workspaceId, input.userId);
    if (!current) throw notFound('Member');
    const leavingSelf = input.actorId === input.userId;
    if (!leavingSelf && current === 'owner' && input.actorRole !== 'owner') throw forbidden('Only an owner can remove an owner.');
    if (current === 'owner' && (await countOwners(tx, { workspaceId: input.workspaceId })) <= 1) {
      throw badInput('The last owner cannot leave: make someone else owner first.');
    }
    await tx
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)));
  });
}
