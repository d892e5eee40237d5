import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Frame } from '@/app/_lib/frame';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { CLIENT_ROLE_LABELS } from '@/server/auth/permissions';

export const metadata: Metadata = { title: 'Shared with you' };

export default async function SharedProjectsPage() {
  const shared = await loadOrNotFound((await serverCaller()).project.sharedWithMe());
  return (
    <Frame>
      <PageHeader title="Shared with you" description="Projects a consultant or team has shared with you." />
      {shared.length === 0 ? (
        <EmptyState title="Nothing shared with you yet" description="When someone shares a project, its link arrives by email." />
      ) : (
        <Table aria-label="Shared projects">
          <THead>
            <TR>
              <TH>Project</TH>
              <TH>Shared by</TH>
              <TH>Your access</TH>
            </TR>
          </THead>
          <TBody>
            {shared.map((project) => (
              <TR key={project.id}>
                <TD>
                  <Link className="font-medium hover:text-brand-700 hover:underline" href={`/p/${project.id}`}>
                    {project.name}
                  </Link>
                  <div className="font-mono text-xs text-fg-muted">{project.primaryDomain}</div>
                </TD>
                <TD>{project.workspaceName}</TD>
                <TD>{CLIENT_ROLE_LABELS[project.role]}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Frame>
  );
}
