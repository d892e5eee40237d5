import 'server-only';
import { cache, type ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import type { NavGroup } from '@/components/shell/types';
import { serverCaller } from '@/server/trpc/server-caller';
import { loadOrNotFound } from './guard';

type FrameProps = { currentWorkspaceId?: string; nav?: NavGroup[]; sidebar?: ReactNode; children: ReactNode };

/**
 * Once per request: besides the page's own frame, Next renders the not-found page (which has a
 * frame too) for the layouts' not-found boundaries on every request — three reads of two
 * statements each before this (docs/performance.md, "Pages").
 */
const readHome = cache(async () => (await serverCaller()).me.home());

/** The signed-in frame: loads the user's workspaces and shared projects for the shell. */
export async function Frame({ currentWorkspaceId, nav = [], sidebar, children }: FrameProps) {
  const home = await loadOrNotFound(readHome());
  const sharedNav: NavGroup[] =
    home.shared.length > 0 ? [{ label: 'Shared with you', items: [{ href: '/shared', label: 'Client projects', badge: home.shared.length }] }] : [];
  return (
    <AppShell
      user={{ name: home.user.name, email: home.user.email }}
      workspaces={home.workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role }))}
      currentWorkspaceId={currentWorkspaceId}
      nav={[...nav, ...sharedNav]}
      sidebar={sidebar}
    >
      {children}
    </AppShell>
  );
}
