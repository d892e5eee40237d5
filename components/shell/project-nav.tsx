'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActivePath } from '@/components/ui/active-path';
import { CheckIcon } from '@/components/ui/icons';
import { clampPercent, ProgressRing } from '@/components/ui/progress';
import { SideNavGroupLabel, sideNavLinkClasses } from './side-nav';
import type { ProjectStageSummary } from './types';

export type ProjectNavProps = {
  projectId: string;
  /** Shown as the section heading; "Project" when omitted. */
  projectName?: string;
  /** The roadmap's stages in order, with their completion. */
  stages: ProjectStageSummary[];
  /** Links to pages the person may open: settings need edit rights, sharing the right to share. */
  canEdit?: boolean;
  canShare?: boolean;
};

/**
 * Sidebar navigation inside one project: overview, each roadmap stage with its progress,
 * settings and sharing (only for those who may use them: a client never meets a dead end). Highlights the current page from the URL, so a layout can render
 * it once for all project pages. Pass it to AppShell's `sidebar` slot.
 */
export function ProjectNav({ projectId, projectName, stages, canEdit = false, canShare = false }: ProjectNavProps) {
  const pathname = usePathname();
  const base = `/p/${encodeURIComponent(projectId)}`;
  const current = (href: string, match: 'exact' | 'prefix' = 'prefix') =>
    isActivePath(pathname, href, match) ? ('page' as const) : undefined;

  return (
    <nav aria-label="Project" className="grid gap-5">
      <div>
        <SideNavGroupLabel>{projectName ?? 'Project'}</SideNavGroupLabel>
        <ul className="grid gap-0.5">
          {[
            { href: base, label: 'Overview', match: 'exact' as const },
            { href: `${base}/risks`, label: 'Risks' },
            { href: `${base}/decision`, label: 'Go / no-go' },
            { href: `${base}/activity`, label: 'Activity' },
            { href: `${base}/handover-pack`, label: 'Handover pack' },
            { href: `${base}/monitors`, label: 'Monitors' },
          ].map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={current(link.href, link.match)} className={sideNavLinkClasses}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>

      {stages.length > 0 ? (
        <div>
          <SideNavGroupLabel>Roadmap</SideNavGroupLabel>
          <ol className="grid gap-0.5">
            {stages.map((stage) => {
              const href = `${base}/stages/${encodeURIComponent(stage.key)}`;
              const progress = clampPercent(stage.progress);
              return (
                <li key={stage.key}>
                  <Link href={href} aria-current={current(href)} className={sideNavLinkClasses}>
                    {progress === 100 ? (
                      <span aria-hidden="true" className="flex size-4 shrink-0 items-center justify-center rounded-full bg-success-600 text-white">
                        <CheckIcon strokeWidth={3.5} className="size-2.5" />
                      </span>
                    ) : (
                      <ProgressRing value={progress} />
                    )}
                    <span className="min-w-0 flex-1 truncate">{stage.label}</span>
                    <span className="text-xs text-fg-subtle tabular-nums">
                      {/* Read as "Perimeter, 40% complete" rather than "Perimeter 40%". */}
                      <span className="sr-only">, </span>
                      {progress === 100 ? 'Done' : `${progress}%`}
                      <span className="sr-only">{progress === 100 ? '' : ' complete'}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}

      {canEdit || canShare ? (
        <ul className="grid gap-0.5">
          {canEdit ? (
            <li>
              <Link href={`${base}/settings`} aria-current={current(`${base}/settings`)} className={sideNavLinkClasses}>
                Settings
              </Link>
            </li>
          ) : null}
          {canShare ? (
            <li>
              <Link href={`${base}/sharing`} aria-current={current(`${base}/sharing`)} className={sideNavLinkClasses}>
                Sharing
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}
