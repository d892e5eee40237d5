import type { ReactNode } from 'react';
import { Frame } from '@/app/_lib/frame';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { ProjectNav } from '@/components/shell/project-nav';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const project = await loadOrNotFound((await serverCaller()).project.get({ projectId }));
  return (
    <Frame
      currentWorkspaceId={project.access.via === 'workspace' ? project.workspaceId : undefined}
      sidebar={<ProjectNav projectId={project.id} projectName={project.name} stages={[]} />}
    >
      {children}
    </Frame>
  );
}
