import type { ReactNode } from 'react';
import { Frame } from '@/app/_lib/frame';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const workspace = await loadOrNotFound((await serverCaller()).workspace.get({ workspaceId }));
  const base = `/w/${workspace.id}`;
  return (
    <Frame
      currentWorkspaceId={workspace.id}
      nav={[
        {
          label: workspace.name,
          items: [
            { href: base, label: 'Projects' },
            { href: `${base}/projects/new`, label: 'New project' },
            { href: `${base}/settings`, label: 'Members & settings' },
          ],
        },
      ]}
    >
      {children}
    </Frame>
  );
}
