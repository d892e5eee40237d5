import type { Metadata } from 'next';
import { AcceptShare } from './accept-share';
import { LinkProblem, loadLinkPage } from '@/app/_lib/link-page';
import { CLIENT_ROLE_LABELS } from '@/server/auth/permissions';

export const metadata: Metadata = { title: 'Shared project' };

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await loadLinkPage((caller) => caller.project.sharePreview({ token }));
  if (!page.ok) return <LinkProblem message={page.message} />;
  return (
    <AcceptShare
      token={token}
      invitedEmail={page.preview.email}
      signedInEmail={page.signedInEmail}
      title={`Open ${page.preview.projectName}`}
      description={`This project's launch roadmap was shared with you. ${CLIENT_ROLE_LABELS[page.preview.role]}.`}
    />
  );
}
