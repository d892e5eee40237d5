import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/trpc/root';
import { createRequestContext } from '@/server/trpc/request-context';
import { getRuntime } from '@/server/runtime';
import { logProcedureError } from '@/server/trpc/log-errors';

async function handle(request: Request) {
  const isMutation = request.method === 'POST';
  // A mutation may change who the signed-in user is (accepting an invitation verifies the
  // address): forget remembered sessions around it. Reads keep using them.
  const sessions = isMutation ? (await getRuntime()).sessions : null;
  sessions?.clear();
  try {
    return await respond(request);
  } finally {
    sessions?.clear();
  }
}

function respond(request: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers),
    onError: ({ error, path }) => logProcedureError({ error, path }),
  });
}

export { handle as GET, handle as POST };
