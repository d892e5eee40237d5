import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { SharingPanel } from './sharing-panel';

export const metadata: Metadata = { title: 'Sharing' };

export default async function SharingPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const project = await loadOrNotFound(readProject(projectId));
  if (!project.access.permissions.includes('project:share')) notFound();
  const shares = await loadOrNotFound(caller.project.shares({ projectId }));
  return (
    <div className="mx-auto grid max-w-4xl gap-8">
      <PageHeader
        title="Share with your client"
        description={`Clients see ${project.name} only — never the rest of the workspace — and do only what you allow.`}
      />
      <SharingPanel
        projectId={projectId}
        shares={shares.map((s) => ({ ...s, acceptedAt: s.acceptedAt?.toISOString() ?? null, expiresAt: s.expiresAt.toISOString() }))}
      />
    </div>
  );
}
