import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { SORT_KEYS, type SortKey } from '@/server/workspace-home/attention';
import { ProjectStatusTable } from './_components/project-status-table';
import type { SortState } from './_components/sort-header';

export const metadata: Metadata = { title: 'Projects' };

type Search = { archived?: string; sort?: string; dir?: string };

/** An unknown ?sort= or ?dir= falls back to the default order rather than failing the page. */
function sortFrom(search: Search): { sort: SortKey; dir?: 'asc' | 'desc' } {
  const sort = (SORT_KEYS as readonly string[]).includes(search.sort ?? '') ? (search.sort as SortKey) : 'attention';
  const dir = search.dir === 'asc' || search.dir === 'desc' ? search.dir : undefined;
  return { sort, dir };
}

export default async function WorkspaceHome({ params, searchParams }: { params: Promise<{ workspaceId: string }>; searchParams: Promise<Search> }) {
  const { workspaceId } = await params;
  const search = await searchParams;
  const includeArchived = search.archived === '1';
  const caller = await serverCaller();
  const [workspace, home] = await Promise.all([
    loadOrNotFound(caller.workspace.get({ workspaceId })),
    loadOrNotFound(caller.workspace.home({ workspaceId, includeArchived, ...sortFrom(search) })),
  ]);
  const base = `/w/${workspaceId}`;
  const hrefFor = ({ sort, dir }: SortState<SortKey>, archived = includeArchived) => {
    const query = new URLSearchParams();
    if (archived) query.set('archived', '1');
    if (sort !== 'attention' || dir !== 'asc') {
      query.set('sort', sort);
      query.set('dir', dir);
    }
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const needing = home.projects.filter((p) => p.attention.level !== 'none').length;

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Every product ${workspace.name} is taking to launch.`}
        actions={<ButtonLink href={`${base}/projects/new`}>New project</ButtonLink>}
      />
      {home.projects.length === 0 && !includeArchived ? (
        <EmptyState
          title="No projects yet"
          description="Add the product you are launching: its domain, endpoints and environments. Launch Ready builds its roadmap from there."
          action={<ButtonLink href={`${base}/projects/new`}>Create your first project</ButtonLink>}
        />
      ) : (
        <>
          <p className="mb-3 text-sm text-fg-muted" role="status">
            {needing === 0
              ? 'Nothing needs your attention: no project is no-go, none has open critical or high findings or a monitor down, and every one was checked in the last 7 days.'
              : `${needing} of ${home.projects.length} project${home.projects.length === 1 ? '' : 's'} need${needing === 1 ? 's' : ''} attention: no-go first, then open critical or high findings and monitors down, then checks not run in 7 days.`}
          </p>
          <ProjectStatusTable projects={home.projects} current={{ sort: home.sort, dir: home.dir }} now={new Date(home.now)} hrefFor={(s) => hrefFor(s)} />
          <p className="mt-4 text-sm">
            <Link className="text-brand-700 hover:underline" href={hrefFor({ sort: home.sort, dir: home.dir }, !includeArchived)}>
              {includeArchived ? 'Hide archived projects' : 'Show archived projects'}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
