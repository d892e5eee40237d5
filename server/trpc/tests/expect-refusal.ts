import { TRPCError } from '@trpc/server';

/** Awaits a call that must be refused and returns the tRPC error it was refused with. */
export async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
