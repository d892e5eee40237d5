import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { serverCaller } from '@/server/trpc/server-caller';

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Loads what an emailed link points at, plus who is signed in; a dead link becomes a message. */
export async function loadLinkPage<T>(preview: (caller: Caller) => Promise<T>) {
  const caller = await serverCaller();
  const session = await caller.me.session();
  try {
    return { ok: true as const, preview: await preview(caller), signedInEmail: session?.email ?? null };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) {
      return { ok: false as const, message: error.code === 'NOT_FOUND' ? error.message : 'This link is not valid.' };
    }
    throw error;
  }
}

export function LinkProblem({ message }: { message: string }) {
  return (
    <Alert tone="danger" title="This link cannot be used">
      {message} Ask the person who sent it for a new one, or <Link className="underline" href="/app">go to your workspaces</Link>.
    </Alert>
  );
}
