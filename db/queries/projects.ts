/** Read queries for project pages; each is scoped by workspace or by the caller's accepted share. */
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { projectShares, projects, user, workspaces } from '@/db/schema';

export async function listProjects(db: DbOrTx, { workspaceId, includeArchived }: { workspaceId: string; includeArchived: boolean }) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      primaryDomain: projects.primaryDomain,
      productType: projects.productType,
      maturity: projects.maturity,
      status: projects.status,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), includeArchived ? undefined : eq(projects.status, 'active')))
    .orderBy(asc(projects.status), desc(projects.updatedAt));
}

export async function getProject(db: DbOrTx, { projectId }: { projectId: string }) {
  const [row] = await db
    .select({ project: projects, workspaceName: workspaces.name })
    .from(projects)
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}

export async function listSharedWithUser(db: DbOrTx, { userId }: { userId: string }) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      primaryDomain: projects.primaryDomain,
      status: projects.status,
      workspaceName: workspaces.name,
      role: projectShares.role,
    })
    .from(projectShares)
    .innerJoin(projects, eq(projects.id, projectShares.projectId))
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(and(eq(projectShares.userId, userId), isNotNull(projectShares.acceptedAt), isNull(projectShares.revokedAt)))
    .orderBy(asc(projects.name));
}

export async function listShares(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({
      id: projectShares.id,
      email: projectShares.email,
      role: projectShares.role,
      acceptedAt: projectShares.acceptedAt,
      expiresAt: projectShares.expiresAt,
      clientName: user.name,
    })
    .from(projectShares)
    .leftJoin(user, eq(user.id, projectShares.userId))
    .where(and(eq(projectShares.projectId, projectId), isNull(projectShares.revokedAt)))
    .orderBy(asc(projectShares.email));
}
