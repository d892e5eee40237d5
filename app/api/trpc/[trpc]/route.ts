import { createRequestContext } from '@/server/trpc/request-context';
import { trpcHttpHandler } from '@/server/trpc/http-handler';
import { getRuntime } from '@/server/runtime';

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
      onInternalError: (path, error) => console.error(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error),
    })(request);
  } finally {
    if (isMutation) sessions.clear();
  }
}

export { handle as GET, handle as POST };
