import type { ReactNode } from 'react';
import { Frame } from '@/app/_lib/frame';
import { loadOrNotFound } from '@/app/_lib/guard';
import { readProject, readRoadmapOverview } from '@/app/_lib/project-reads';
import { ProjectNav } from '@/components/shell/project-nav';
import { STAGE_LABELS } from '@/lib/vocabulary/projects';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const [project, roadmap] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(readRoadmapOverview(projectId))]);
  const stages = roadmap.stages.map((s) => ({ key: s.key, label: STAGE_LABELS[s.key], progress: s.progress }));
  const permissions = project.access.permissions;
  return (
    <Frame
      currentWorkspaceId={project.access.via === 'workspace' ? project.workspaceId : undefined}
      sidebar={
        <ProjectNav
          projectId={project.id}
          projectName={project.name}
          stages={stages}
          canEdit={permissions.includes('project:edit')}
          canShare={permissions.includes('project:share')}
        />
      }
    >
      {children}
    </Frame>
  );
}
