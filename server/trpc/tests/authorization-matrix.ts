/**
 * Every tRPC procedure, who may call it, and an input that succeeds for those who may.
 * The authorization test fails when a procedure of the app router is missing here.
 *
 * scope 'public'    → anyone;
 * scope 'authed'    → anyone signed in (anonymous: UNAUTHORIZED);
 * scope 'workspace' → workspace roles listed in `allow`; other workspace roles FORBIDDEN;
 *                     clients and outsiders NOT_FOUND;
 * scope 'project'   → roles listed in `allow` (workspace roles and client roles); others with
 *                     any access FORBIDDEN; outsiders NOT_FOUND.
 */
import type { Actor, World } from './authorization-world';

export type MatrixEntry =
  | { scope: 'public'; input?: (world: World) => unknown }
  | { scope: 'authed'; input?: (world: World) => unknown }
  | { scope: 'workspace' | 'project'; allow: readonly Actor[]; input: (world: World) => unknown };

const PROJECT_FIELDS = {
  name: 'Renamed',
  productType: 'ai-chatbot',
  segment: 'coach-consultant',
  maturity: 'demo-launch',
  primaryDomain: 'example.com',
};

const EVERY_PROJECT_ROLE = ['owner', 'admin', 'member', 'viewer', 'commenter', 'collaborator'] as const;
const MANAGERS = ['owner', 'admin'] as const;
const WORKSPACE_ROLES = ['owner', 'admin', 'member'] as const;

export const AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  'me.session': { scope: 'public' },
  'me.home': { scope: 'authed' },

  'workspace.list': { scope: 'authed' },
  'workspace.create': { scope: 'authed', input: () => ({ name: 'Another studio' }) },
  'workspace.get': { scope: 'workspace', allow: WORKSPACE_ROLES, input: (w) => ({ workspaceId: w.workspaceId }) },
  'workspace.rename': { scope: 'workspace', allow: MANAGERS, input: (w) => ({ workspaceId: w.workspaceId, name: 'Renamed studio' }) },
  'workspace.members': { scope: 'workspace', allow: WORKSPACE_ROLES, input: (w) => ({ workspaceId: w.workspaceId }) },
  'workspace.invite': { scope: 'workspace', allow: MANAGERS, input: (w) => ({ workspaceId: w.workspaceId, email: 'new.person@example.test', role: 'member' }) },
  'workspace.revokeInvitation': { scope: 'workspace', allow: MANAGERS, input: (w) => ({ workspaceId: w.workspaceId, invitationId: w.invitationId }) },
  'workspace.changeRole': { scope: 'workspace', allow: MANAGERS, input: (w) => ({ workspaceId: w.workspaceId, userId: w.removableUserId, role: 'admin' }) },
  'workspace.removeMember': { scope: 'workspace', allow: MANAGERS, input: (w) => ({ workspaceId: w.workspaceId, userId: w.removableUserId }) },
  'workspace.leave': { scope: 'workspace', allow: WORKSPACE_ROLES, input: (w) => ({ workspaceId: w.workspaceId }) },
  'workspace.invitationPreview': { scope: 'public', input: (w) => ({ token: w.invitationToken }) },
  'workspace.acceptInvitation': { scope: 'authed', input: (w) => ({ token: w.invitationToken }) },

  'project.list': { scope: 'workspace', allow: WORKSPACE_ROLES, input: (w) => ({ workspaceId: w.workspaceId }) },
  'project.create': { scope: 'workspace', allow: WORKSPACE_ROLES, input: (w) => ({ workspaceId: w.workspaceId, ...PROJECT_FIELDS }) },
  'project.get': { scope: 'project', allow: EVERY_PROJECT_ROLE, input: (w) => ({ projectId: w.projectId }) },
  'project.update': { scope: 'project', allow: WORKSPACE_ROLES, input: (w) => ({ projectId: w.projectId, ...PROJECT_FIELDS }) },
  'project.archive': { scope: 'project', allow: MANAGERS, input: (w) => ({ projectId: w.projectId }) },
  'project.restore': { scope: 'project', allow: MANAGERS, input: (w) => ({ projectId: w.projectId }) },
  'project.sharedWithMe': { scope: 'authed' },
  'project.shares': { scope: 'project', allow: MANAGERS, input: (w) => ({ projectId: w.projectId }) },
  'project.share': { scope: 'project', allow: MANAGERS, input: (w) => ({ projectId: w.projectId, email: 'client.new@example.test', role: 'viewer' }) },
  'project.revokeShare': { scope: 'project', allow: MANAGERS, input: (w) => ({ projectId: w.projectId, shareId: w.shareId }) },
  'project.sharePreview': { scope: 'public', input: (w) => ({ token: w.shareToken }) },
  'project.acceptShare': { scope: 'authed', input: (w) => ({ token: w.shareToken }) },
};
