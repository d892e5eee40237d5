import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { EMPTY_PROJECT, ProjectForm } from '@/app/(signed-in)/_forms/project-form';
import { TEMPLATES } from '@/server/roadmap/templates';

export const metadata: Metadata = { title: 'New project' };

export default async function NewProjectPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New project" description="Describe the product you are launching. You can change any of this later." />
      <ProjectForm target={{ kind: 'create', workspaceId }} initial={EMPTY_PROJECT} playbooks={TEMPLATES.map((t) => ({ id: t.id, name: t.name }))} />
    </div>
  );
}
