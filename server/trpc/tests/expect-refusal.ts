import { TRPCError } from '@trpc/server';
import { DomainError } from '@/server/errors';
import { transportErrorOf } from '../init';

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
