import { describe, expect, it } from 'vitest';
import { createSessionCache, sessionCookieOf, type SessionLookup } from './session-cache';

const dana = { id: 'u1', email: 'dana@example.com', name: 'Dana', emailVerified: true };
const headersWith = (cookie: string) => new Headers({ cookie });

function countingLookup(result: Awaited<ReturnType<SessionLookup>>) {
  const calls: string[] = [];
  const lookup: SessionLookup = async (headers) => {
    calls.push(headers.get('cookie') ?? '');
    return result;
  };
  return { calls, lookup };
}

describe('session cache', () => {
  it('reads the session cookie, with or without the secure prefix, among other cookies', () => {
    expect(sessionCookieOf(headersWith('theme=dark; better-auth.session_token=abc.def%3D; x=1'))).toBe('abc.def%3D');
    expect(sessionCookieOf(headersWith('__Secure-better-auth.session_token=tok'))).toBe('tok');
    expect(sessionCookieOf(headersWith('not-better-auth.session_token_x=1'))).toBeNull();
    expect(sessionCookieOf(new Headers())).toBeNull();
  });

  it('asks better-auth once per cookie within the time limit, then again after it', async () => {
    let clock = 1_000;
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 10, now: () => clock });
    const { calls, lookup } = countingLookup({ user: dana, expiresAt: new Date(1e12) });
    const headers = headersWith('better-auth.session_token=one');
    expect(await cache.get(headers, lookup)).toEqual(dana);
    clock += 9_999;
    expect(await cache.get(headers, lookup)).toEqual(dana);
    expect(calls).toHaveLength(1);
    clock += 1;
    await cache.get(headers, lookup);
    expect(calls).toHaveLength(2);
    await cache.get(headersWith('better-auth.session_token=two'), lookup);
    expect(calls).toHaveLength(3);
  });

  it('never remembers a session past its own expiry', async () => {
    let clock = 0;
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 10, now: () => clock });
    const { calls, lookup } = countingLookup({ user: dana, expiresAt: new Date(2_000) });
    const headers = headersWith('better-auth.session_token=short');
    await cache.get(headers, lookup);
    clock = 2_000;
    await cache.get(headers, lookup);
    expect(calls).toHaveLength(2);
  });

  it('does not look anything up without a session cookie', async () => {
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 10 });
    const { calls, lookup } = countingLookup({ user: dana, expiresAt: new Date(1e12) });
    expect(await cache.get(headersWith('theme=dark'), lookup)).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('forgets everything on clear, and drops a lookup that was under way when it was cleared', async () => {
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 10 });
    const headers = headersWith('better-auth.session_token=one');
    let release!: () => void;
    const slow: SessionLookup = () => new Promise((resolve) => (release = () => resolve({ user: dana, expiresAt: new Date(1e12) })));
    const pending = cache.get(headers, slow);
    cache.clear(); // a sign-out is answered while the lookup is still in flight
    release();
    expect(await pending).toEqual(dana);
    expect(cache.size).toBe(0);

    const { calls, lookup } = countingLookup(null); // the session is gone now
    expect(await cache.get(headers, lookup)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = createSessionCache({ ttlMs: 10_000, maxEntries: 2 });
    const { calls, lookup } = countingLookup({ user: dana, expiresAt: new Date(1e12) });
    for (const t of ['a', 'b', 'c']) await cache.get(headersWith(`better-auth.session_token=${t}`), lookup);
    expect(cache.size).toBe(2);
    await cache.get(headersWith('better-auth.session_token=a'), lookup);
    expect(calls).toHaveLength(4);
  });

  it('remembers nothing when turned off', async () => {
    const cache = createSessionCache({ ttlMs: 0, maxEntries: 10 });
    const { calls, lookup } = countingLookup({ user: dana, expiresAt: new Date(1e12) });
    const headers = headersWith('better-auth.session_token=one');
    await cache.get(headers, lookup);
    await cache.get(headers, lookup);
    expect(calls).toHaveLength(2);
  });
});
