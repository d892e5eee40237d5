import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject, readRoadmapOverview } from '@/app/_lib/project-reads';
import { ProjectForm } from '@/app/(signed-in)/_forms/project-form';
import { ArchiveProject } from './archive-project';
import { PlaybookCard } from './playbook-card';
import { OwnershipCard } from './ownership-card';
import { ScheduleCard } from './schedule-card';
import { SecretsCard } from './secrets-card';

export const metadata: Metadata = { title: 'Project settings' };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const project = await loadOrNotFound(readProject(projectId));
  if (!project.access.permissions.includes('project:edit')) notFound();
  const [playbooks, overview, ownership, schedule, secrets] = await Promise.all([
    loadOrNotFound(caller.roadmap.templates({ projectId })),
    loadOrNotFound(readRoadmapOverview(projectId)),
    loadOrNotFound(caller.checks.ownership({ projectId })),
    loadOrNotFound(caller.checks.schedule({ projectId })),
    loadOrNotFound(caller.secrets.list({ projectId })),
  ]);
  return (
    <div className="mx-auto grid max-w-3xl gap-8">
      <PageHeader title="Project settings" description="What Launch Ready checks and how the roadmap is chosen." />
      <ProjectForm
        target={{ kind: 'edit', projectId }}
        secretNames={secrets.map((s) => s.name)}
        initial={{
          name: project.name,
          productType: project.productType,
          segment: project.segment,
          maturity: project.maturity,
          primaryDomain: project.primaryDomain,
          canonicalHost: project.canonicalHost,
          subdomains: project.subdomains,
          mailDomain: project.mailDomain,
          dkimSelectors: project.dkimSelectors,
          productionUrl: project.productionUrl,
          endpoints: project.endpoints,
          environments: project.environments,
        }}
      />
      <OwnershipCard projectId={projectId} ownership={ownership} canEdit />
      <ScheduleCard projectId={projectId} schedule={schedule} />
      <SecretsCard projectId={projectId} secrets={secrets} />
      <PlaybookCard projectId={projectId} current={playbooks.current} suggested={playbooks.suggested} templates={playbooks.templates} updateAvailable={overview.updateAvailable} />
      {project.access.permissions.includes('project:archive') ? <ArchiveProject projectId={projectId} archived={project.status === 'archived'} /> : null}
    </div>
  );
}
