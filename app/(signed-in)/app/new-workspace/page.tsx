import type { Metadata } from 'next';
import { Frame } from '@/app/_lib/frame';
import { PageHeader } from '@/components/ui/page-header';
import { NewWorkspaceForm } from './new-workspace-form';

export const metadata: Metadata = { title: 'New workspace' };

export default function NewWorkspacePage() {
  return (
    <Frame>
      <div className="mx-auto max-w-lg">
        <PageHeader
          title="Create a workspace"
          description="A workspace holds your projects and the people who work on them. Consultants usually keep one workspace for all client projects."
        />
        <NewWorkspaceForm />
      </div>
    </Frame>
  );
}
