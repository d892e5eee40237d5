'use client';
/**
 * The workspace home's table. A client component on purpose: the page's flight data then carries
 * each row's values once (~300 bytes), not the rendered cells with their classes, which the HTML
 * already has (docs/performance.md, "Pages").
 */
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ageLabel } from '@/components/ui/age';
import { cn } from '@/components/ui/cn';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { VerdictBadge } from '@/components/roadmap/verdict-badge';
import type { AttentionLevel, SortKey } from '@/server/workspace-home/attention';
import { SortHeader, type SortLink } from './sort-header';
import type { ProjectRow } from './project-row';

const ATTENTION: Record<AttentionLevel, { label: string; tone: BadgeTone } | null> = {
  'no-go': { label: 'Blocked', tone: 'danger' },
  urgent: { label: 'Act now', tone: 'warning' },
  stale: { label: 'Checks stale', tone: 'info' },
  none: null,
};

const sticky = 'sticky left-0 z-10 bg-surface';

export function ProjectStatusTable({ projects, sortLinks, now: nowIso }: { projects: readonly ProjectRow[]; sortLinks: Record<SortKey, SortLink>; now: string }) {
  const now = new Date(nowIso);
  const header = (column: SortKey, label: string, className?: string) => <SortHeader label={label} link={sortLinks[column]} className={className} />;
  return (
    <Table aria-label="Projects" className="min-w-[46rem]">
      <THead>
        <TR>
          {header('name', 'Project', cn(sticky, 'bg-surface-muted'))}
          {header('attention', 'Attention')}
          <TH>Verdict</TH>
          {header('readiness', 'Readiness', 'text-right')}
          {header('findings', 'Critical / high')}
          <TH>Monitors down</TH>
          {header('lastRun', 'Last full check')}
        </TR>
      </THead>
      <TBody>
        {projects.map((p) => {
          const attention = ATTENTION[p.attention.level];
          const { critical, high } = p.openFindings;
          return (
            <TR key={p.id}>
              <TD className={cn(sticky, 'min-w-[9rem] max-w-[11rem] sm:max-w-[16rem]')}>
                <Link href={`/p/${p.id}`} className="font-medium text-fg hover:text-brand-700 hover:underline">
                  {p.name}
                </Link>
                {p.archived ? <span className="ml-2 text-xs text-fg-muted">(archived)</span> : null}
                <div className="truncate font-mono text-xs text-fg-muted">{p.primaryDomain}</div>
              </TD>
              <TD className="min-w-[12rem] max-w-[16rem]">
                {attention ? (
                  <>
                    <Badge tone={attention.tone}>{attention.label}</Badge>
                    {p.attention.reason ? (
                      <p className="mt-1 line-clamp-2 text-xs text-fg-muted" title={p.attention.reason}>
                        {p.attention.reason}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <span className="text-fg-subtle">
                    —<span className="sr-only">Nothing urgent</span>
                  </span>
                )}
              </TD>
              <TD>
                <VerdictBadge verdict={p.verdict} />
              </TD>
              <TD className="text-right tabular-nums">{p.readiness === null ? <span className="text-fg-subtle">—<span className="sr-only">No score yet</span></span> : `${p.readiness}`}</TD>
              <TD className="whitespace-nowrap tabular-nums">
                {critical + high === 0 ? (
                  <span className="text-fg-muted">None</span>
                ) : (
                  <span className="flex gap-1">
                    {critical > 0 ? <Badge tone="danger">{critical} critical</Badge> : null}
                    {high > 0 ? <Badge tone="warning">{high} high</Badge> : null}
                  </span>
                )}
              </TD>
              <TD className="whitespace-nowrap">{p.monitorsDown > 0 ? <Badge tone="danger" dot>{p.monitorsDown} down</Badge> : <span className="text-fg-muted">None</span>}</TD>
              <TD className="whitespace-nowrap text-fg-muted">
                {p.lastRunAt === null ? 'Never' : <time dateTime={p.lastRunAt}>{ageLabel(p.lastRunAt, now)}</time>}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
