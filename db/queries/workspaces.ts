/** Read queries for workspace pages. Every one is scoped by the caller's membership. */
import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { projects, user, workspaceActivity, workspaceInvitations, workspaceMembers, workspaces } from '@/db/schema';

export async function listWorkspacesForUser(db: DbOrTx, { userId }: { userId: string }) {
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: workspaceMembers.role,
      projectCount: sql<number>`(select count(*)::int from ${projects} where ${projects.workspaceId} = ${workspaces.id} and ${projects.status} = 'active')`,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaces.name));
}

export async function getWorkspace(db: DbOrTx, { workspaceId }: { workspaceId: string }) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row ?? null;
}

export async function listMembers(db: DbOrTx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email, role: workspaceMembers.role, joinedAt: workspaceMembers.createdAt })
    .from(workspaceMembers)
    .innerJoin(user, eq(user.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(user.name));
}

export async function listOpenInvitations(db: DbOrTx, { workspaceId, now }: { workspaceId: string; now: Date }) {
  return db
    .select({ id: workspaceInvitations.id, email: workspaceInvitations.email, role: workspaceInvitations.role, expiresAt: workspaceInvitations.expiresAt, createdAt: workspaceInvitations.createdAt })
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
        gt(workspaceInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(workspaceInvitations.email));
}

export async function countOwners(db: DbOrTx, { workspaceId }: { workspaceId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, 'owner')));
  return row?.n ?? 0;
}

/** Membership, role and invitation changes, newest first (docs/decisions/0017). */
export async function listWorkspaceActivity(db: DbOrTx, { workspaceId, limit }: { workspaceId: string; limit: number }) {
  return db
    .select({ id: workspaceActivity.id, action: workspaceActivity.action, summary: workspaceActivity.summary, createdAt: workspaceActivity.createdAt, actor: user.name })
    .from(workspaceActivity)
    .leftJoin(user, eq(user.id, workspaceActivity.actorId))
    .where(eq(workspaceActivity.workspaceId, workspaceId))
    .orderBy(desc(workspaceActivity.createdAt), desc(workspaceActivity.id))
    .limit(limit);
}
