/**
 * Who may do what. Workspace roles cover everything in a workspace; a client's role covers
 * only the one project shared with them. Procedures ask for a permission, never a role.
 */
export const WORKSPACE_ROLES = ['owner', 'admin', 'member'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];
export const CLIENT_ROLES = ['viewer', 'commenter', 'collaborator'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

export type WorkspacePermission = 'workspace:read' | 'workspace:rename' | 'workspace:manage-members' | 'project:create';
export type ProjectPermission = 'project:read' | 'project:edit' | 'project:archive' | 'project:share' | 'item:update' | 'item:comment';

const WORKSPACE_GRANTS: Record<WorkspaceRole, readonly WorkspacePermission[]> = {
  owner: ['workspace:read', 'workspace:rename', 'workspace:manage-members', 'project:create'],
  admin: ['workspace:read', 'workspace:rename', 'workspace:manage-members', 'project:create'],
  member: ['workspace:read', 'project:create'],
};

const ALL_PROJECT: readonly ProjectPermission[] = ['project:read', 'project:edit', 'project:archive', 'project:share', 'item:update', 'item:comment'];

const PROJECT_GRANTS_BY_WORKSPACE_ROLE: Record<WorkspaceRole, readonly ProjectPermission[]> = {
  owner: ALL_PROJECT,
  admin: ALL_PROJECT,
  member: ['project:read', 'project:edit', 'item:update', 'item:comment'],
};

const PROJECT_GRANTS_BY_CLIENT_ROLE: Record<ClientRole, readonly ProjectPermission[]> = {
  viewer: ['project:read'],
  commenter: ['project:read', 'item:comment'],
  collaborator: ['project:read', 'item:comment', 'item:update'],
};

export function workspaceAllows(role: WorkspaceRole, permission: WorkspacePermission): boolean {
  return WORKSPACE_GRANTS[role].includes(permission);
}

export type ProjectGrant = { via: 'workspace'; role: WorkspaceRole } | { via: 'client'; role: ClientRole };

export function projectPermissions(grant: ProjectGrant): ReadonlySet<ProjectPermission> {
  return new Set(grant.via === 'workspace' ? PROJECT_GRANTS_BY_WORKSPACE_ROLE[grant.role] : PROJECT_GRANTS_BY_CLIENT_ROLE[grant.role]);
}

export const CLIENT_ROLE_LABELS: Record<ClientRole, string> = {
  viewer: 'Can view',
  commenter: 'Can view and comment',
  collaborator: 'Can view, comment and tick items',
};
