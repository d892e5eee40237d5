import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { MonitorForm } from '../../new/monitor-form';

export const metadata: Metadata = { title: 'Change monitor' };

export default async function EditMonitorPage({ params }: { params: Promise<{ projectId: string; monitorId: string }> }) {
  const { projectId, monitorId } = await params;
  const caller = await serverCaller();
  const [project, { monitor }] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(caller.monitoring.get({ projectId, monitorId }))]);
  if (!project.access.permissions.includes('project:edit')) notFound();
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/p/${projectId}/monitors/${monitorId}`} className="text-sm text-fg-muted hover:underline">
            ← {monitor.name}
          </Link>
        }
        title="Change monitor"
        description="Changing how often it runs starts a new schedule at the next slot; its history stays."
      />
      <MonitorForm projectId={projectId} defaultUrl={monitor.url} initial={monitor} />
    </div>
  );
}
