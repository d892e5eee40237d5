export { AppShell, type AppShellProps } from './app-shell';
export { BrandMark, BrandName } from './brand';
export { MobileNav } from './mobile-nav';
export { ProjectNav, type ProjectNavProps } from './project-nav';
export { SideNav } from './side-nav';
export type { NavGroup, NavItem, ProjectStageSummary, ShellUser, WorkspaceSummary } from './types';
export { UserMenu, type UserMenuProps } from './user-menu';
export { WorkspaceSwitcher, type WorkspaceSwitcherProps } from './workspace-switcher';
