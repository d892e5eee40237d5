/**
 * What the server logs when a procedure fails, and the middleware that drops a failed query's
 * parameter values before anything (the HTTP handler, a server component, Next's own logger)
 * can print them: a DB error becomes an INTERNAL_SERVER_ERROR whose message and cause hold
 * only the statement, the SQLSTATE and the reason (server/db-errors.ts).
 */
import { TRPCError } from '@trpc/server';
import { DatabaseQueryError, describeQueryError, findQueryError, loggableMessage } from '@/server/db-errors';

/** The same error with its query parameters gone, or null when it carries no query error. */
export function withoutQueryValues(error: TRPCError): TRPCError | null {
  const query = findQueryError(error);
  if (!query) return null;
  const description = describeQueryError(query);
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: description, cause: new DatabaseQueryError(description) });
}

type Log = (...parts: unknown[]) => void;

/** The tRPC handler's onError: internal errors only (4xx are the caller's, and answered with field messages). */
export function logProcedureError({ error, path }: { error: TRPCError; path: string | undefined }, log: Log = console.error): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return;
  const query = findQueryError(error);
  if (query || error.cause instanceof DatabaseQueryError) {
    log(`[trpc] ${path ?? '?'} failed: ${query ? describeQueryError(query) : loggableMessage(error.cause)}`);
    return;
  }
  log(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error);
}
