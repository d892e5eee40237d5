/** Small zod pieces shared by several routers. */
import { z } from 'zod';
import { CLIENT_ROLES, WORKSPACE_ROLES } from './auth/permissions';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const workspaceNameSchema = z.string().trim().min(1, 'Give the workspace a name.').max(80, 'Keep the name under 80 characters.');
export const workspaceRoleSchema = z.enum(WORKSPACE_ROLES, 'Choose owner, admin or member.');
export const clientRoleSchema = z.enum(CLIENT_ROLES, 'Choose what the client may do.');
export const tokenSchema = z.string().min(20, 'This link is not valid.').max(200, 'This link is not valid.');
