import Link from 'next/link';
import { BrandName } from '@/components/shell/brand';
import { Frame } from '@/app/_lib/frame';
import { NotFoundMessage } from '@/app/_lib/not-found-message';
import { serverCaller } from '@/server/trpc/server-caller';

/**
 * Any unknown address, and anything a person may not see. Signed in, it keeps the app's frame
 * (workspaces, account, navigation) so a wrong link is never a dead end; signed out, a plain page.
 */
export default async function NotFound() {
  const user = await (await serverCaller()).me.session().catch(() => null);
  if (user) {
    return (
      <Frame>
        <NotFoundMessage />
      </Frame>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col bg-canvas px-4">
      <header className="py-4">
        <Link href="/" className="inline-flex rounded-control p-1">
          <BrandName />
        </Link>
      </header>
      <main id="main-content" className="flex flex-1 items-center justify-center">
        <NotFoundMessage backHref="/sign-in" backLabel="Sign in" description="This page does not exist, or you need to sign in to see it." />
      </main>
    </div>
  );
}
