import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { MATURITY_LABELS, PRODUCT_TYPE_LABELS } from '@/server/projects/kinds';

export const metadata: Metadata = { title: 'Projects' };

export default async function WorkspaceHome({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ archived?: string }>;
}) {
  const { workspaceId } = await params;
  const includeArchived = (await searchParams).archived === '1';
  const caller = await serverCaller();
  const [workspace, projects] = await Promise.all([
    loadOrNotFound(caller.workspace.get({ workspaceId })),
    loadOrNotFound(caller.project.list({ workspaceId, includeArchived })),
  ]);
  const base = `/w/${workspaceId}`;

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Every product ${workspace.name} is taking to launch.`}
        actions={<ButtonLink href={`${base}/projects/new`}>New project</ButtonLink>}
      />
      {projects.length === 0 && !includeArchived ? (
        <EmptyState
          title="No projects yet"
          description="Add the product you are launching: its domain, endpoints and environments. Launch Ready builds its roadmap from there."
          action={<ButtonLink href={`${base}/projects/new`}>Create your first project</ButtonLink>}
        />
      ) : (
        <>
          <Table aria-label="Projects">
            <THead>
              <TR>
                <TH>Project</TH>
                <TH>Domain</TH>
                <TH>Product</TH>
                <TH>Stage of the business</TH>
                <TH>State</TH>
                <TH>Updated</TH>
              </TR>
            </THead>
            <TBody>
              {projects.map((project) => (
                <TR key={project.id}>
                  <TD>
                    <Link href={`/p/${project.id}`} className="font-medium text-fg hover:text-brand-700 hover:underline">
                      {project.name}
                    </Link>
                  </TD>
                  <TD className="font-mono text-xs">{project.primaryDomain}</TD>
                  <TD>{PRODUCT_TYPE_LABELS[project.productType]}</TD>
                  <TD>{MATURITY_LABELS[project.maturity]}</TD>
                  <TD>
                    <Badge tone={project.status === 'active' ? 'success' : 'neutral'} dot>
                      {project.status === 'active' ? 'Active' : 'Archived'}
                    </Badge>
                  </TD>
                  <TD className="whitespace-nowrap text-fg-muted">
                    <time dateTime={project.updatedAt.toISOString()}>{project.updatedAt.toLocaleDateString('en-GB', { dateStyle: 'medium' })}</time>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <p className="mt-4 text-sm">
            <Link className="text-brand-700 hover:underline" href={includeArchived ? base : `${base}?archived=1`}>
              {includeArchived ? 'Hide archived projects' : 'Show archived projects'}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
