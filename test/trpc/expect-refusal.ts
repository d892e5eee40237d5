import { TRPCError } from '@trpc/server';
import { DomainError } from '@/server/errors';
import { transportErrorOf } from '@/server/trpc/init';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { expect } from 'vitest';
import { appRouter } from '@/server/trpc/root';

/**
 * Awaits a call that must be refused and returns the tRPC error it was refused with; a service
 * called directly throws a domain error, shown here as the procedure would answer it.
 */
export async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    if (error instanceof DomainError) return transportErrorOf(error);
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** A 400 run through the router's error formatter, as the HTTP handler would: the field messages a form shows. */
export function fieldErrorsOf(error: TRPCError): Record<string, string> {
  expect(getHTTPStatusCodeFromError(error)).toBe(400);
  const shape = appRouter._def._config.errorFormatter({
    error,
    type: 'mutation',
    path: undefined,
    input: undefined,
    ctx: undefined,
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400, path: undefined } },
  });
  return (shape.data as { fieldErrors: Record<string, string> }).fieldErrors;
}
