'use client';

import { Dropdown, DropdownLabel, DropdownLink, DropdownSeparator } from '@/components/ui/dropdown';
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from '@/components/ui/icons';
import type { WorkspaceSummary } from './types';

export type WorkspaceSwitcherProps = {
  workspaces: WorkspaceSummary[];
  /** The workspace being viewed, if any; shown on the button and ticked in the list. */
  currentWorkspaceId?: string;
};

/** Top-bar dropdown to jump between workspaces (/w/{id}) or create one. */
export function WorkspaceSwitcher({ workspaces, currentWorkspaceId }: WorkspaceSwitcherProps) {
  const current = workspaces.find((workspace) => workspace.id === currentWorkspaceId);

  return (
    <Dropdown
      triggerLabel={current ? `${current.name}: switch workspace` : 'Workspaces: choose one'}
      triggerClassName="h-9 max-w-[14rem] px-2.5 sm:max-w-[18rem]"
      trigger={
        <>
          <span className="truncate">{current ? current.name : 'Workspaces'}</span>
          <ChevronUpDownIcon className="size-4 shrink-0 text-fg-subtle" />
        </>
      }
    >
      {workspaces.length > 0 ? <DropdownLabel>Workspaces</DropdownLabel> : null}
      {workspaces.map((workspace) => {
        const isCurrent = workspace.id === currentWorkspaceId;
        return (
          <DropdownLink
            key={workspace.id}
            href={`/w/${encodeURIComponent(workspace.id)}`}
            aria-current={isCurrent ? 'true' : undefined}
          >
            <span className="grid min-w-0 flex-1">
              <span className="truncate font-medium">{workspace.name}</span>
              <span className="text-xs text-fg-muted capitalize">{workspace.role}</span>
            </span>
            {isCurrent ? <CheckIcon className="size-4 shrink-0 text-brand-600" /> : null}
          </DropdownLink>
        );
      })}
      {workspaces.length > 0 ? <DropdownSeparator /> : null}
      <DropdownLink href="/app/new-workspace">
        <PlusIcon className="size-4 text-fg-subtle" />
        New workspace
      </DropdownLink>
    </Dropdown>
  );
}
