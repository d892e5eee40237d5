import type { Metadata } from 'next';
import { AcceptInvitation } from './accept-invitation';
import { LinkProblem, loadLinkPage } from '@/app/_lib/link-page';

export const metadata: Metadata = { title: 'Workspace invitation' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await loadLinkPage((caller) => caller.workspace.invitationPreview({ token }));
  if (!page.ok) return <LinkProblem message={page.message} />;
  return (
    <AcceptInvitation
      token={token}
      invitedEmail={page.preview.email}
      signedInEmail={page.signedInEmail}
      title={`Join ${page.preview.workspaceName}`}
      description={`You were invited as ${page.preview.role}.`}
    />
  );
}
