import 'server-only';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { safeNextPath } from './safe-next';

/** Where a signed-out visitor goes: sign-in, then back to the page they asked for. */
export async function signInRedirect(): Promise<never> {
  const path = safeNextPath((await headers()).get('x-lr-path'));
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}

/**
 * Runs a read for a page and turns refusals into what a person should see: signed out →
 * sign-in; anything they may not see, or a malformed id → the not-found page (no hint it exists).
 */
export async function loadOrNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') return signInRedirect();
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST') notFound();
    }
    throw error;
  }
}
