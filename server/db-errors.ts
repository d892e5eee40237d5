/**
 * Database errors without the values that were sent. drizzle's DrizzleQueryError message is
 * "Failed query: … params: …" (the user's text), and PostgreSQL's own message often quotes the
 * offending value (`invalid input syntax for type date: "…"`), its `detail` too. What may be
 * logged: the SQL statement (placeholders only), the SQLSTATE code and the reason with quoted
 * values removed.
 */
import { DrizzleQueryError } from 'drizzle-orm/errors';

/** The query error somewhere in an error's cause chain, if any. */
export function findQueryError(error: unknown): DrizzleQueryError | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth += 1) {
    if (e instanceof DrizzleQueryError) return e;
  }
  return null;
}

/** `date/time field value out of range: "0000-01-01"` → `date/time field value out of range`; quoted non-identifiers → "…". */
export function reasonWithoutValues(message: string): string {
  return message
    .replace(/:\s*["'].*$/s, '')
    .replace(/"([^"]*)"/g, (quoted, inner: string) => (/^[a-z_][a-z0-9_.]*$/.test(inner) ? quoted : '"…"'))
    .slice(0, 300);
}

/** One line for the log: statement, SQLSTATE and reason, never the parameters. */
export function describeQueryError(error: DrizzleQueryError): string {
  const cause = error.cause as (Error & { code?: unknown }) | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : 'unknown';
  const reason = cause instanceof Error ? reasonWithoutValues(cause.message) : 'no reason given';
  const statement = error.query.replace(/\s+/g, ' ').slice(0, 500);
  return `database query failed (SQLSTATE ${code}: ${reason}): ${statement}`;
}

/** Stands in for a query error once its parameters are dropped: carries the safe description only. */
export class DatabaseQueryError extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'DatabaseQueryError';
  }
}

/** A message for any error that is safe to log: query errors are described without values. */
export function loggableMessage(error: unknown): string {
  const query = findQueryError(error);
  if (query) return describeQueryError(query);
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (cause: ${loggableMessage(error.cause)})` : error.message;
  return String(error);
}
