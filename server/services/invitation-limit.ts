/**
 * How many invitation and share emails one workspace may send per hour. Each send is a row in
 * workspace_invitation_sends, counted under a per-workspace advisory lock inside the sending
 * transaction, so the limit holds across web processes and concurrent requests.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { workspaceInvitationSends } from '@/db/schema';
import { tooMany } from '@/server/errors';

export const INVITATIONS_PER_HOUR = 50;
const HOUR_MS = 60 * 60 * 1000;

/** Records one send for the workspace, or throws TOO_MANY_REQUESTS when the hour's allowance is used. */
export async function takeInvitationSend(tx: DbOrTx, workspaceId: string, now = new Date()): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation-sends:${workspaceId}`}))`);
  const since = new Date(now.getTime() - HOUR_MS);
  await tx.delete(workspaceInvitationSends).where(and(eq(workspaceInvitationSends.workspaceId, workspaceId), lte(workspaceInvitationSends.sentAt, since)));
  const [row] = await tx
    .select({ sent: sql<number>`count(*)::int` })
    .from(workspaceInvitationSends)
    .where(and(eq(workspaceInvitationSends.workspaceId, workspaceId), gt(workspaceInvitationSends.sentAt, since)));
  if ((row?.sent ?? 0) >= INVITATIONS_PER_HOUR) {
    throw tooMany(`This workspace has already sent ${INVITATIONS_PER_HOUR} invitations and shares per hour, the most allowed. Wait an hour and send the rest then; open invitations keep working.`);
  }
  await tx.insert(workspaceInvitationSends).values({ workspaceId, sentAt: now });
}
