import { getRuntime } from '@/server/runtime';
import { authRequestHandler } from '@/server/auth/route-handler';

async function handle(request: Request) {
  const { auth, sessions, config } = await getRuntime();
  // Any auth request may end a session or change its user (sign-out, password reset, email
  // verification): forget remembered sessions before and after it runs.
  sessions.clear();
  try {
    return await authRequestHandler(auth, config.trustedProxies)(request);
  } finally {
    sessions.clear();
  }
}

export { handle as GET, handle as POST };
