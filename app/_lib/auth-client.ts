'use client';
import { createAuthClient } from 'better-auth/react';

/** better-auth's browser client; same origin, so no base URL is needed. */
export const authClient = createAuthClient();

/** better-auth answers errors as { message, code }; turn them into sentences for the form. */
export function authErrorMessage(error: { message?: string; status?: number; code?: string } | null | undefined): string {
  if (!error) return 'Something went wrong. Please try again.';
  if (error.status === 429) return 'Too many attempts from this network. Wait a minute, then try again.';
  return error.message || 'Something went wrong. Please try again.';
}
