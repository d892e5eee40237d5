/**
 * Runs a project's or a workspace's read through the process's read cache (server/read-cache.ts).
 *
 * Project reads: the key names the read,
 * its input, the caller and their grant (some reads differ by person or permission) and the day
 * (overdue items change at midnight UTC); monitoring reads also name the minute, since the
 * current hour's uptime is measured up to "now".
 */
import type { Context } from './context';
import type { ProjectAccess } from '@/server/auth/access';

type ProjectReadContext = Pick<Context, 'reads'> & { user: { id: string }; project: ProjectAccess };

export function cachedProjectRead<T>(
  ctx: ProjectReadContext,
  read: string,
  input: unknown,
  compute: () => Promise<T>,
  options: { usesMonitoring?: boolean; now?: Date } = {},
): Promise<T> {
  const now = options.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  const minute = options.usesMonitoring ? Math.floor(now.getTime() / 60_000) : '';
  const { grant } = ctx.project;
  const key = `${read}|${JSON.stringify(input ?? null)}|${ctx.user.id}|${grant.via}:${grant.role}|${day}|${minute}`;
  return ctx.reads.read(ctx.project.projectId, ctx.project.revisions, key, options.usesMonitoring ?? false, compute);
}

type WorkspaceReadContext = Pick<Context, 'reads'> & { user: { id: string }; workspace: { id: string; role: string; listRevision: number } };

/** The same for a workspace's own reads (its header and project list), keyed by its list revision. */
export function cachedWorkspaceRead<T>(ctx: WorkspaceReadContext, read: string, input: unknown, compute: () => Promise<T>): Promise<T> {
  const key = `${read}|${JSON.stringify(input ?? null)}|${ctx.user.id}|${ctx.workspace.role}`;
  return ctx.reads.read(`workspace:${ctx.workspace.id}`, { content: ctx.workspace.listRevision, monitoring: 0 }, key, false, compute);
}
