/** Builds a tRPC context from an incoming request's headers (session cookie). */
import { getRuntime } from '@/server/runtime';
import type { Context } from './context';
import { appCheckDeps } from '@/server/check-runs/network';
import { createAccessMemo } from './access-memo';

export async function createRequestContext(headers: Headers): Promise<Context> {
  const { db, auth, mailer, config, sessions, reads } = await getRuntime();
  const user = await sessions.get(headers, async (h) => {
    const session = await auth.api.getSession({ headers: h });
    if (!session) return null;
    const { id, email, name, emailVerified } = session.user;
    return { user: { id, email, name, emailVerified }, expiresAt: session.session.expiresAt };
  });
  return { db, user, mailer, appUrl: config.appUrl, checkDeps: () => appCheckDeps(config), reads, access: createAccessMemo() };
}
