/**
 * A short-lived, per-process memory of sessions better-auth has already verified, so that every
 * read does not pay for the signed-cookie check and two session queries (≈ 3.5 ms of CPU each
 * time, measured in docs/performance.md).
 *
 * Safe because: the key is the exact signed session cookie (unguessable); an entry lives at most
 * `ttlMs` and never past the session's own expiry; and every auth request that can end or change
 * a session in this process (sign-out, password change or reset, revocation) clears the memory
 * before it is answered. Another web process learns of a revocation within `ttlMs`.
 */
import type { SessionUser } from './session-user';

type Entry = { user: SessionUser | null; until: number };

export type SessionLookup = (headers: Headers) => Promise<{ user: SessionUser; expiresAt: Date } | null>;

/** better-auth's cookie names (the secure prefix is used when the app runs on https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

export function sessionCookieOf(headers: Headers): string | null {
  return SESSION_COOKIE.exec(headers.get('cookie') ?? '')?.[1] ?? null;
}

export function createSessionCache(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Bumped by clear(): a lookup that started before a sign-out must not store what it found.
  let generation = 0;

  return {
    async get(headers: Headers, lookup: SessionLookup): Promise<SessionUser | null> {
      const token = sessionCookieOf(headers);
      if (!token) return null; // no session cookie: nothing to look up
      const hit = entries.get(token);
      if (hit && hit.until > now()) return hit.user;
      const startedIn = generation;
      const found = await lookup(headers);
      if (options.ttlMs > 0 && startedIn === generation) {
        const until = Math.min(now() + options.ttlMs, found ? found.expiresAt.getTime() : Infinity);
        entries.delete(token);
        if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!); // oldest first
        entries.set(token, { user: found?.user ?? null, until });
      }
      return found?.user ?? null;
    },
    /** Forget every session: called around requests that may end a session or change a user. */
    clear() {
      generation += 1;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
