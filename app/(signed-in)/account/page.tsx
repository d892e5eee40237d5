import type { Metadata } from 'next';
import { Frame } from '@/app/_lib/frame';
import { PageHeader } from '@/components/ui/page-header';
import { serverCaller } from '@/server/trpc/server-caller';
import { signInRedirect } from '@/app/_lib/guard';
import { AccountPanel } from './account-panel';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await (await serverCaller()).me.session();
  if (!user) return signInRedirect();
  return (
    <Frame>
      <div className="mx-auto grid max-w-2xl gap-8">
        <PageHeader title="Account" description={`Signed in as ${user.email}.`} />
        <AccountPanel email={user.email} emailVerified={user.emailVerified} />
      </div>
    </Frame>
  );
}
