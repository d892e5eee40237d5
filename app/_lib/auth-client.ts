'use client';
import { createAuthClient } from 'better-auth/react';

/** better-auth's browser client; same origin, so no base URL is needed. */
export const authClient = createAuthClient();

/** better-auth answers errors as { message, code }; turn them into sentences for the form. */
export function authErrorMessage(error: { message?: string; status?: number; code?: string } | null | undefined): string {
  if (!error) return 'Something went wrong. Please try again.';
  if (error.status === 429) return 'Too many attempts from this network. Wait a minute, then try again.';
  // Validation messages arrive as "[body.email] Invalid email address": keep the sentence.
  const message = error.message?.replace(/^\[[^\]]+\]\s*/, '');
  return message ? `${message.charAt(0).toUpperCase()}${message.slice(1)}.`.replace(/\.\.$/, '.') : 'Something went wrong. Please try again.';
}
