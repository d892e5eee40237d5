/** Builds a tRPC context from an incoming request's headers (session cookie). */
import { getRuntime } from '@/server/runtime';
import type { Context } from './context';
import { appCheckDeps } from '@/server/check-runs/network';

export async function createRequestContext(headers: Headers): Promise<Context> {
  const { db, auth, mailer, config } = await getRuntime();
  const session = await auth.api.getSession({ headers });
  const user = session
    ? { id: session.user.id, email: session.user.email, name: session.user.name, emailVerified: session.user.emailVerified }
    : null;
  return { db, user, mailer, appUrl: config.appUrl, checkDeps: () => appCheckDeps(config) };
}
