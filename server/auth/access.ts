/** Looks up what the caller holds in a workspace or on a project; one query each. */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { projectShares, projects, workspaceMembers, workspaces } from '@/db/schema';
import type { ProjectGrant, WorkspaceRole } from './permissions';

export type WorkspaceAccess = {
  role: WorkspaceRole;
  /** The workspace's list revision as this query saw it (its cached reads are keyed by it). */
  listRevision: number;
};

export async function findWorkspaceAccess(db: DbOrTx, workspaceId: string, userId: string): Promise<WorkspaceAccess | null> {
  const [row] = await db
    .select({ role: workspaceMembers.role, listRevision: workspaces.listRevision })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .limit(1);
  return row ? { role: row.role, listRevision: Number(row.listRevision) } : null;
}

export type ProjectAccess = {
  projectId: string;
  workspaceId: string;
  grant: ProjectGrant;
  /** The project's read revisions as this query saw them (cached reads are keyed by them). */
  revisions: { content: number; monitoring: number };
};

/** Workspace membership wins over a client share when a person has both. */
export async function findProjectAccess(db: DbOrTx, projectId: string, userId: string): Promise<ProjectAccess | null> {
  const [row] = await db
    .select({
      workspaceId: projects.workspaceId,
      memberRole: workspaceMembers.role,
      clientRole: projectShares.role,
      content: projects.contentRevision,
      monitoring: projects.monitoringRevision,
    })
    .from(projects)
    .leftJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, projects.workspaceId), eq(workspaceMembers.userId, userId)))
    .leftJoin(
      projectShares,
      and(
        eq(projectShares.projectId, projects.id),
        eq(projectShares.userId, userId),
        isNotNull(projectShares.acceptedAt),
        isNull(projectShares.revokedAt),
      ),
    )
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) return null;
  const revisions = { content: Number(row.content), monitoring: Number(row.monitoring) };
  if (row.memberRole) return { projectId, workspaceId: row.workspaceId, grant: { via: 'workspace', role: row.memberRole }, revisions };
  if (row.clientRole) return { projectId, workspaceId: row.workspaceId, grant: { via: 'client', role: row.clientRole }, revisions };
  return null;
}
