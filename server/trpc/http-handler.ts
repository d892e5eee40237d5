/**
 * The tRPC endpoint over HTTP (app/api/trpc), with the edge rules a browser-facing API needs:
 * - a POST (every mutation) must carry our own Origin: browsers always send it on POST, and a
 *   page on another site cannot forge it, so a signed-in visitor's cookies cannot be used from
 *   there (CSRF). Reads are GETs and change nothing.
 * - a body larger than TRPC_MAX_BODY_BYTES is refused (413) from its Content-Length, or when the
 *   stream passes the limit; a batch of more than TRPC_MAX_BATCH calls is refused (400).
 * - every answer is `Cache-Control: no-store`: they are per-user and must not sit in a shared cache.
 * The refusals are thrown from createContext, so tRPC shapes them like any other error.
 */
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './root';
import type { Context } from './context';

/** Same limit as the browser client's batch link (app/_lib/trpc.tsx). */
export const TRPC_MAX_BATCH = 25;
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

export type TrpcHttpOptions = {
  appUrl: string;
  createContext: (headers: Headers) => Promise<Context>;
  onInternalError?: (path: string | undefined, error: TRPCError) => void;
};

const FOREIGN_ORIGIN = 'This request did not come from a Launch Ready page (its Origin header is missing or names another site), so it was refused. Reload the page and try again.';
const TOO_LARGE = `The request is too large (more than ${TRPC_MAX_BODY_BYTES / 1024 / 1024} MB). Shorten the text you entered and try again.`;

/** Passes the body through, failing the stream once it has carried more than `max` bytes. */
function capped(body: ReadableStream<Uint8Array>, max: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) controller.error(new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: TOO_LARGE }));
        else controller.enqueue(chunk);
      },
    }),
  );
}

export function trpcHttpHandler(options: TrpcHttpOptions) {
  const ownOrigin = new URL(options.appUrl).origin;
  return async (incoming: Request): Promise<Response> => {
    let refusal: TRPCError | null = null;
    let request = incoming;
    if (incoming.method === 'POST') {
      const length = Number(incoming.headers.get('content-length') ?? '0');
      if (incoming.headers.get('origin') !== ownOrigin) refusal = new TRPCError({ code: 'FORBIDDEN', message: FOREIGN_ORIGIN });
      else if (length > TRPC_MAX_BODY_BYTES) refusal = new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: TOO_LARGE });
      else if (incoming.body) {
        const body = capped(incoming.body, TRPC_MAX_BODY_BYTES);
        // `duplex` is required by Node's fetch for a streamed body; the DOM typings lack it.
        request = new Request(incoming.url, { method: 'POST', headers: incoming.headers, body, signal: incoming.signal, duplex: 'half' } as RequestInit);
      }
    }
    if (refusal) request = new Request(incoming.url, { method: incoming.method, headers: incoming.headers, signal: incoming.signal });
    return fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      maxBatchSize: TRPC_MAX_BATCH,
      createContext: () => {
        if (refusal) throw refusal;
        return options.createContext(incoming.headers);
      },
      responseMeta: () => ({ headers: { 'cache-control': 'no-store' } }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') options.onInternalError?.(path, error);
      },
    });
  };
}
