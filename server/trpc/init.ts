/**
 * tRPC setup: the error formatter and the layered procedures every router builds on:
 * public → signed in → workspace member (with a permission) → project access (with a permission).
 * Outsiders get NOT_FOUND (nothing about the workspace or project leaks); insiders lacking
 * a permission get FORBIDDEN.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
// Before any schema parses: zod's default wording is replaced by sentences for people.
import '@/server/validation-messages';
import type { Context } from './context';
import { DomainError, type DomainErrorKind } from '@/server/errors';
import { transformer } from './transformer';
import { askEveryTime } from './access-memo';
import { withoutQueryValues } from './log-errors';
import {
  projectPermissions,
  workspaceAllows,
  type ProjectPermission,
  type WorkspacePermission,
} from '@/server/auth/permissions';

/** `endpoints.0.url` → first message for that path; `_form` for messages about the whole input. */
function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    fields[key] ??= issue.message;
  }
  return fields;
}

const CODE_OF: Record<DomainErrorKind, TRPCError['code']> = {
  'bad-input': 'BAD_REQUEST',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  'too-many': 'TOO_MANY_REQUESTS',
  precondition: 'PRECONDITION_FAILED',
};

/** The one place domain errors become transport errors. */
export function transportErrorOf(error: DomainError): TRPCError {
  return new TRPCError({ code: CODE_OF[error.kind], message: error.message, cause: error });
}

function asTransportError(error: TRPCError): TRPCError {
  return error.cause instanceof DomainError ? transportErrorOf(error.cause) : error;
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors = cause instanceof ZodError ? zodFieldErrors(cause) : cause instanceof DomainError ? cause.fields : null;
    const message = cause instanceof ZodError ? 'Some fields need attention.' : shape.message;
    // Internal errors never reach the client with their details.
    const safeMessage = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on our side. Please try again.' : message;
    return { ...shape, message: safeMessage, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Every procedure: a failed query's parameters (user content) never leave the procedure. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const error = asTransportError(result.error);
  return { ...result, error: withoutQueryValues(error) ?? error };
});

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const idSchema = z.uuid('This link is not valid.');

export function workspaceProcedure(permission: WorkspacePermission) {
  return authedProcedure.input(z.object({ workspaceId: idSchema })).use(async ({ ctx, input, next, type }) => {
    const access = await (ctx.access ?? askEveryTime).workspace(ctx.db, input.workspaceId, ctx.user.id, type === 'query');
    if (!access) throw new TRPCError({ code: 'NOT_FOUND', message: 'Workspace not found.' });
    const { role } = access;
    if (!workspaceAllows(role, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role in this workspace does not allow this.' });
    }
    return next({ ctx: { ...ctx, workspace: { id: input.workspaceId, role, listRevision: access.listRevision } } });
  });
}

export function projectProcedure(permission: ProjectPermission) {
  return authedProcedure.input(z.object({ projectId: idSchema })).use(async ({ ctx, input, next, type }) => {
    const access = await (ctx.access ?? askEveryTime).project(ctx.db, input.projectId, ctx.user.id, type === 'query');
    if (!access) throw new TRPCError({ code: 'NOT_FOUND', message: 'Project not found.' });
    const permissions = projectPermissions(access.grant);
    if (!permissions.has(permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your access to this project does not allow this.' });
    }
    return next({ ctx: { ...ctx, project: { ...access, permissions } } });
  });
}
