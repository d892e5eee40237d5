import type { ReactNode } from 'react';
import { TrpcProvider } from '@/app/_lib/trpc';
import { serverCaller } from '@/server/trpc/server-caller';
import { signInRedirect } from '@/app/_lib/guard';

/** Every page below needs a session; the procedures each page calls check access again. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await (await serverCaller()).me.session();
  if (!user) await signInRedirect();
  return <TrpcProvider>{children}</TrpcProvider>;
}
