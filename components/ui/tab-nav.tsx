'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { isActivePath, type PathMatch } from './active-path';
import { cn } from './cn';

export type TabNavItem = {
  href: string;
  label: ReactNode;
  /** Overrides the automatic check against the current URL. */
  active?: boolean;
  match?: PathMatch;
  /** A count or small badge after the label. */
  badge?: ReactNode;
};

export type TabNavProps = {
  items: TabNavItem[];
  /** Accessible name of the navigation, e.g. "Project sections". */
  label: string;
  className?: string;
};

/**
 * Tabs that are links between sub-pages (the URL is the state), styled as an underlined
 * tab bar. The current one is marked aria-current="page". Scrolls sideways on phones.
 */
export function TabNav({ items, label, className }: TabNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={cn('border-b border-border', className)}>
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item) => {
          const active = item.active ?? isActivePath(pathname, item.href, item.match);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex h-10 items-center gap-2 border-b-2 px-3 text-sm font-medium transition-colors',
                  active
                    ? 'border-brand-600 text-fg'
                    : 'border-transparent text-fg-muted hover:border-border-strong hover:text-fg',
                )}
              >
                {item.label}
                {item.badge}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
