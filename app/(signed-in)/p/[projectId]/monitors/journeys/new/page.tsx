import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { readProject } from '@/app/_lib/project-reads';
import { SignInJourneyForm } from './sign-in-form';
import { JourneyEditor } from './step-editor';
import { BrowserJourneyEditor } from './browser-step-editor';

export const metadata: Metadata = { title: 'New journey' };

export default async function NewJourneyPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ kind?: string }> }) {
  const [{ projectId }, { kind }] = await Promise.all([params, searchParams]);
  const project = await loadOrNotFound(readProject(projectId));
  if (!project.access.permissions.includes('project:edit')) notFound();
  const origin = (project.productionUrl ?? `https://${project.primaryDomain}`).replace(/\/$/, '');
  if (kind === 'browser') {
    return (
      <div className="grid gap-6">
        <PageHeader title="New browser journey" description="A real browser opens your product on a schedule, types, presses buttons and checks what it shows — what a person would do. It fails at the first step that does not happen, says which, and keeps a screenshot." />
        <BrowserJourneyEditor projectId={projectId} origin={origin} />
      </div>
    );
  }
  return kind === 'api' ? (
    <div className="grid gap-6">
      <PageHeader title="New API journey" description="Requests in order, sharing cookies and the values you capture: sign in, fetch the dashboard, check a field. The journey fails at the first step that does not answer as expected, and says which." />
      <JourneyEditor projectId={projectId} origin={origin} kind="api" />
    </div>
  ) : (
    <div className="grid gap-6">
      <PageHeader
        title="New sign-in journey"
        description="Signs in with a test account on a schedule, then opens a page only a signed-in person sees. Its success rate over 24 hours and 7 days is measured against the playbook’s target: more than 99 % of test sign-ins succeed."
      />
      <SignInJourneyForm projectId={projectId} origin={origin} />
    </div>
  );
}
