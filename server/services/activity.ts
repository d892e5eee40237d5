/**
 * The activity logs: who changed what, written in the same transaction as the change.
 * Project changes go to the project's log; membership and invitation changes to the
 * workspace's (docs/decisions/0017).
 */
import type { DbOrTx } from '@/db/types';
import { activityLog, workspaceActivity } from '@/db/schema';

export type ActivityEntry = { projectId: string; actorId: string | null; action: string; summary: string; details?: Record<string, unknown> };
export type WorkspaceActivityEntry = { workspaceId: string; actorId: string | null; action: string; summary: string; details?: Record<string, unknown> };

export async function recordActivity(tx: DbOrTx, entry: ActivityEntry): Promise<void> {
  await tx.insert(activityLog).values({ ...entry, details: entry.details ?? {} });
}

export async function recordWorkspaceActivity(tx: DbOrTx, entry: WorkspaceActivityEntry): Promise<void> {
  await tx.insert(workspaceActivity).values({ ...entry, details: entry.details ?? {} });
}

/** Quotes a title inside an activity sentence, shortened so one line stays one line. */
export function quoted(title: string, max = 80): string {
  return `“${title.length > max ? `${title.slice(0, max - 1)}…` : title}”`;
}
