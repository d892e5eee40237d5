'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { isActivePath } from '@/components/ui/active-path';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { NavGroup, NavItem } from './types';

/** Shared look of sidebar links, also used by ProjectNav. */
export const sideNavLinkClasses = cn(
  'flex min-h-9 items-center gap-2.5 rounded-control px-2.5 py-1.5 text-sm text-fg-muted transition-colors',
  'hover:bg-surface-sunken hover:text-fg',
  'aria-[current=page]:bg-surface aria-[current=page]:font-medium aria-[current=page]:text-fg aria-[current=page]:shadow-card aria-[current=page]:ring-1 aria-[current=page]:ring-border',
);

/** A group's heading; a long name (a workspace, a project) takes two lines at most, whole on hover. */
export function SideNavGroupLabel({ children }: { children: ReactNode }) {
  return (
    <h2 title={typeof children === 'string' ? children : undefined} className="line-clamp-2 px-2.5 pb-1 text-xs font-medium break-words text-fg-subtle">
      {children}
    </h2>
  );
}

/** The sidebar's main navigation, drawn from data; the current page is marked automatically. */
export function SideNav({ groups, label = 'Main' }: { groups: NavGroup[]; label?: string }) {
  const pathname = usePathname();
  if (groups.length === 0) return null;
  return (
    <nav aria-label={label} className="grid gap-5">
      {groups.map((group, index) => (
        <div key={group.label ?? index}>
          {group.label ? <SideNavGroupLabel>{group.label}</SideNavGroupLabel> : null}
          <ul className="grid gap-0.5">
            {group.items.map((item) => (
              <li key={item.href}>
                <SideNavLink item={item} active={item.active ?? isActivePath(pathname, item.href, item.match)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function SideNavLink({ item, active }: { item: NavItem; active: boolean }) {
  const badge =
    typeof item.badge === 'string' || typeof item.badge === 'number' ? <Badge>{item.badge}</Badge> : item.badge;
  return (
    <Link href={item.href} aria-current={active ? 'page' : undefined} className={sideNavLinkClasses}>
      {item.icon ? <span className="shrink-0 text-fg-subtle [&_svg]:size-4">{item.icon}</span> : null}
      <span className="min-w-0 flex-1 truncate">{item.label}</span>
      {badge ?? null}
    </Link>
  );
}
