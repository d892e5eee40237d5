import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { workspaceAllows } from '@/server/auth/permissions';
import { MembersPanel } from './members-panel';
import { RenameWorkspace } from './rename-workspace';
import { WorkspaceActivity } from './workspace-activity';

export const metadata: Metadata = { title: 'Members & settings' };

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const caller = await serverCaller();
  const [workspace, members, session] = await Promise.all([
    loadOrNotFound(caller.workspace.get({ workspaceId })),
    loadOrNotFound(caller.workspace.members({ workspaceId })),
    caller.me.session(),
  ]);
  const canManage = workspaceAllows(workspace.role, 'workspace:manage-members');
  const activity = canManage ? await caller.workspace.activity({ workspaceId, limit: 50 }) : null;
  return (
    <div className="mx-auto grid max-w-4xl gap-8">
      <PageHeader title="Members & settings" description={`Who works in ${workspace.name}, and what they may do.`} />
      {workspaceAllows(workspace.role, 'workspace:rename') ? <RenameWorkspace workspaceId={workspaceId} name={workspace.name} /> : null}
      <MembersPanel
        workspaceId={workspaceId}
        myUserId={session?.id ?? ''}
        myRole={workspace.role}
        canManage={canManage}
        members={members.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
        invitations={members.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
      />
      {activity ? <WorkspaceActivity entries={activity} /> : null}
    </div>
  );
}
