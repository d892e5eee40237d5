/** Reads for the workspace home's status table; each is scoped by the workspace. */
import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { monitors, projects } from '@/db/schema';

/** The workspace's projects with the read revisions their cached assessments are keyed by. */
export async function listProjectsForHome(db: DbOrTx, { workspaceId, includeArchived }: { workspaceId: string; includeArchived: boolean }) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      primaryDomain: projects.primaryDomain,
      status: projects.status,
      contentRevision: projects.contentRevision,
      monitoringRevision: projects.monitoringRevision,
    })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), includeArchived ? undefined : eq(projects.status, 'active')));
}

/** Enabled monitors that are down right now, per project of the workspace (one grouped query). */
export async function monitorsDownByProject(db: DbOrTx, { workspaceId }: { workspaceId: string }): Promise<Map<string, number>> {
  const rows = await db
    .select({ projectId: monitors.projectId, down: count() })
    .from(monitors)
    .innerJoin(projects, eq(projects.id, monitors.projectId))
    .where(and(eq(projects.workspaceId, workspaceId), eq(monitors.enabled, true), eq(monitors.state, 'down')))
    .groupBy(monitors.projectId);
  return new Map(rows.map((r) => [r.projectId, Number(r.down)]));
}
