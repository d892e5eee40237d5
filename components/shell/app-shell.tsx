import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from './brand';
import { MobileNav } from './mobile-nav';
import { SideNav } from './side-nav';
import type { NavGroup, ShellUser, WorkspaceSummary } from './types';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

export type AppShellProps = {
  user: ShellUser;
  workspaces: WorkspaceSummary[];
  currentWorkspaceId?: string;
  /** Sidebar navigation groups. */
  nav?: NavGroup[];
  /** Extra sidebar content under the nav groups, e.g. <ProjectNav />. */
  sidebar?: ReactNode;
  /** See UserMenu: defaults to POST /api/auth/sign-out. */
  onSignOut?: () => void | Promise<void>;
  children: ReactNode;
};

/**
 * Frame of every signed-in page: top bar (product, workspace switcher, user menu), a left
 * sidebar that becomes a drawer below `lg`, and the main content area. Purely
 * presentational: the page or layout passes all data in.
 */
export function AppShell({
  user,
  workspaces,
  currentWorkspaceId,
  nav = [],
  sidebar,
  onSignOut,
  children,
}: AppShellProps) {
  const hasSidebar = nav.length > 0 || Boolean(sidebar);
  const sidebarContent = hasSidebar ? (
    <>
      <SideNav groups={nav} />
      {sidebar}
    </>
  ) : null;

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-control bg-surface px-3 py-2 text-sm font-medium shadow-overlay focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b border-border bg-surface/90 px-3 backdrop-blur sm:px-4">
        {sidebarContent ? <MobileNav>{sidebarContent}</MobileNav> : null}
        <Link href="/app" className="flex items-center gap-2 rounded-control px-1 py-1 text-sm font-semibold tracking-tight text-fg">
          <BrandMark />
          <span className="hidden sm:inline">Launch Ready</span>
          <span className="sr-only sm:hidden">Launch Ready home</span>
        </Link>
        <span aria-hidden="true" className="text-lg font-light text-border-strong">
          /
        </span>
        <WorkspaceSwitcher workspaces={workspaces} currentWorkspaceId={currentWorkspaceId} />
        <div className="ml-auto">
          <UserMenu user={user} onSignOut={onSignOut} />
        </div>
      </header>

      <div className="flex flex-1">
        {sidebarContent ? (
          <aside className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-64 shrink-0 overflow-y-auto border-r border-border bg-surface-muted lg:block">
            <div className="grid gap-6 p-3 pt-5">{sidebarContent}</div>
          </aside>
        ) : null}
        {/* tabIndex lets the skip link move focus here, not only scroll. */}
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
