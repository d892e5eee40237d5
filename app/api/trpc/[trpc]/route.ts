import { createRequestContext } from '@/server/trpc/request-context';
import { trpcHttpHandler } from '@/server/trpc/http-handler';
import { getRuntime } from '@/server/runtime';
import { logProcedureError } from '@/server/trpc/log-errors';

async function handle(request: Request) {
  const { sessions, config } = await getRuntime();
  const isMutation = request.method === 'POST';
  // A mutation may change who the signed-in user is (accepting an invitation verifies the
  // address): forget remembered sessions around it. Reads keep using them.
  if (isMutation) sessions.clear();
  try {
    return await trpcHttpHandler({
      appUrl: config.appUrl,
      createContext: createRequestContext,
      // Logged without query parameter values (they hold user content): server/trpc/log-errors.ts.
      onInternalError: (path, error) => logProcedureError({ error, path }),
    })(request);
  } finally {
    if (isMutation) sessions.clear();
  }
}

export { handle as GET, handle as POST };
