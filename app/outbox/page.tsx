import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listOutbox } from '@/db/queries/outbox';
import { getRuntime } from '@/server/runtime';
import { clientAddress } from '@/server/http/client-address';
import { outboxView } from '@/server/mail/outbox-access';
import { serverCaller } from '@/server/trpc/server-caller';
import { signInRedirect } from '@/app/_lib/guard';
import { linkify } from './linkify';
import { formatDateTime } from '@/components/ui/dates';

export const metadata: Metadata = { title: 'Outbox' };
export const dynamic = 'force-dynamic';

/**
 * Where mail goes when no SMTP server is configured, so a local user can follow verification,
 * reset and invitation links. It does not exist once SMTP_URL is set. Who sees what:
 * server/mail/outbox-access.ts.
 */
export default async function OutboxPage() {
  const { config, db } = await getRuntime();
  const requestHeaders = await headers();
  const client = clientAddress(requestHeaders, config.trustedProxies);
  const user = client.loopback && config.mode === 'embedded' ? null : await (await serverCaller()).me.session();
  const view = outboxView(config, client, user);
  if (view.show === 'nothing') notFound();
  if (view.show === 'sign-in') return signInRedirect();
  const messages = await listOutbox(db, { limit: 50, ...(view.show === 'addressed-to' ? { to: view.email } : {}) });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <PageHeader title="Outbox" description="Emails Launch Ready would have sent, newest first." />
      <Alert tone="warning" className="mb-6">
        No mail server is configured (SMTP_URL is not set), so messages are kept here instead of being sent.{' '}
        {view.show === 'all'
          ? 'You see every message because you opened this page on the machine Launch Ready runs on.'
          : 'You see the messages sent to your own address.'}
      </Alert>
      {messages.length === 0 ? (
        <EmptyState title="No emails yet" description="Sign-up confirmations, password resets and invitations will appear here." />
      ) : (
        <ol className="grid gap-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-border bg-surface p-4">
              <article aria-label={message.subject}>
                <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-medium text-fg">{message.subject}</h2>
                  <time className="text-xs text-fg-muted" dateTime={message.createdAt.toISOString()}>
                    {formatDateTime(message.createdAt)}
                  </time>
                </header>
                <p className="mb-3 text-sm text-fg-muted">To: {message.to}</p>
                <div className="text-sm whitespace-pre-wrap text-fg">{linkify(message.text)}</div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
