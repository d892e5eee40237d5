import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { DEFAULT_DIR, SORT_KEYS, type SortKey } from '@/server/workspace-home/attention';
import { ProjectStatusTable } from './_components/project-status-table';
import { projectRow } from './_components/project-row';
import { sortLink, type SortState } from './_components/sort-header';

export const metadata: Metadata = { title: 'Projects' };

type Search = { archived?: string; sort?: string; dir?: string; page?: string };

/**
 * Rows per page: a consultant's 50 projects in one table made a 134 KB page that took ~0.8 s to
 * render under load (docs/performance.md). The order is over every project; a page is a window on it.
 */
const PAGE_SIZE = 15;

/** ?page= as a page number within 1…pages; anything else is the first page. */
function pageFrom(search: Search, pages: number): number {
  const n = Number(search.page);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, Math.max(1, pages)) : 1;
}

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
  const hrefFor = ({ sort, dir }: SortState<SortKey>, archived = includeArchived, page = 1) => {
    const query = new URLSearchParams();
    if (archived) query.set('archived', '1');
    if (sort !== 'attention' || dir !== 'asc') {
      query.set('sort', sort);
      query.set('dir', dir);
    }
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const current = { sort: home.sort, dir: home.dir };
  const needing = home.projects.filter((p) => p.attention.level !== 'none').length;
  const pages = Math.ceil(home.projects.length / PAGE_SIZE);
  const page = pageFrom(search, pages);
  const first = (page - 1) * PAGE_SIZE;
  const shown = home.projects.slice(first, first + PAGE_SIZE);
  const sortLinks = Object.fromEntries(SORT_KEYS.map((key) => [key, sortLink(key, current, DEFAULT_DIR[key], (s) => hrefFor(s))])) as Record<SortKey, ReturnType<typeof sortLink>>;

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
          <ProjectStatusTable projects={shown.map(projectRow)} sortLinks={sortLinks} now={home.now} />
          {pages > 1 ? (
            <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-fg-muted tabular-nums">
                Projects {first + 1}–{first + shown.length} of {home.projects.length}, in the order above.
              </p>
              <Pagination label="Pages of projects" page={page} pages={pages} hrefFor={(n) => hrefFor(current, includeArchived, n)} />
            </div>
          ) : null}
          <p className="mt-4 text-sm">
            <Link className="text-brand-700 hover:underline" href={hrefFor(current, !includeArchived)}>
              {includeArchived ? 'Hide archived projects' : 'Show archived projects'}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
