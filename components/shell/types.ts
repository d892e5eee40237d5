import type { ReactNode } from 'react';
import type { PathMatch } from '@/components/ui/active-path';

/** Shapes the shell is drawn from. Pages map their own data onto these; the shell never loads any. */

export type ShellUser = {
  name: string;
  email: string;
};

export type WorkspaceSummary = {
  id: string;
  name: string;
  /** The signed-in user's role in it, e.g. "owner", "consultant", "client". */
  role: string;
};

export type NavItem = {
  href: string;
  label: string;
  /** Overrides the automatic check against the current URL. */
  active?: boolean;
  /** 'exact' (default) or 'prefix' to stay highlighted on sub-pages. */
  match?: PathMatch;
  /** A count or small status after the label; strings and numbers render as a Badge. */
  badge?: ReactNode;
  /** Decorative icon before the label. */
  icon?: ReactNode;
};

export type NavGroup = {
  /** Optional heading shown above the group. */
  label?: string;
  items: NavItem[];
};

export type ProjectStageSummary = {
  /** Stage key as used in the URL: /p/{projectId}/stages/{key}. */
  key: string;
  label: string;
  /** 0–100. */
  progress: number;
};
