import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { readProject } from '@/app/_lib/project-reads';
import { MonitorForm } from './monitor-form';

export const metadata: Metadata = { title: 'New monitor' };

export default async function NewMonitorPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const project = await loadOrNotFound(readProject(projectId));
  if (!project.access.permissions.includes('project:edit')) notFound();
  return (
    <div className="grid gap-6">
      <PageHeader title="New monitor" description="We check the address on a fixed schedule from the outside and tell your alert channels when it goes down, comes back, or gets slow." />
      <MonitorForm projectId={projectId} defaultUrl={project.productionUrl ?? `https://${project.primaryDomain}/`} />
    </div>
  );
}
