/** Errors a service throws when input is well-formed but not acceptable, tied to a form field. */
import { TRPCError } from '@trpc/server';

export class FieldError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join(' '));
    this.name = 'FieldError';
  }
}

/** A 400 carrying field messages, shown beside the form fields they belong to. */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new FieldError({ [field]: message }) });
}

export const notFound = (what: string) => new TRPCError({ code: 'NOT_FOUND', message: `${what} not found.` });
export const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });
