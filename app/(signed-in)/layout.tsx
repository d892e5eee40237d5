import Link from 'next/link';
import type { ReactNode } from 'react';
import { TrpcProvider } from '@/app/_lib/trpc';
import { serverCaller } from '@/server/trpc/server-caller';
import { signInRedirect } from '@/app/_lib/guard';

/** Every page below needs a session; the procedures each page calls check access again. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await (await serverCaller()).me.session();
  if (!user) return signInRedirect();
  return (
    <TrpcProvider>
      {user.emailVerified ? null : (
        // Signing in before confirming is allowed; say so on every page until it is done.
        <p role="note" className="border-b border-warning-200 bg-warning-50 px-4 py-2 text-center text-sm text-fg">
          Confirm your email address: open the link we sent to <span className="font-medium break-all">{user.email}</span>.{' '}
          <Link href="/account" className="font-medium whitespace-nowrap text-brand-700 underline">
            Send a new link
          </Link>
        </p>
      )}
      {children}
    </TrpcProvider>
  );
}
