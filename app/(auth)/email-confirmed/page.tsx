/**
 * Where an emailed confirmation link lands. better-auth verifies the token and redirects here:
 * on success signed in (the link signs the new user in), on failure with `?error=<code>`.
 * Either way the person is told what happened and what to do next, instead of a silent redirect.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { safeNextPath } from '@/app/_lib/safe-next';
import { serverCaller } from '@/server/trpc/server-caller';

export const metadata: Metadata = { title: 'Email confirmation' };

const PROBLEMS: Record<string, { title: string; text: string }> = {
  TOKEN_EXPIRED: { title: 'This confirmation link has expired', text: 'Links work for 24 hours. Sign in, then send yourself a new one from your account page.' },
  USER_NOT_FOUND: { title: 'This link belongs to no account', text: 'The account it was sent for no longer exists. Create an account again if you still need one.' },
};
const INVALID = { title: 'This confirmation link is not valid', text: 'It may have been cut short when it was copied, or a newer link replaced it. Sign in, then send yourself a new one from your account page.' };

export default async function EmailConfirmedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const error = typeof params.error === 'string' ? params.error : null;
  if (error) {
    const problem = PROBLEMS[error] ?? INVALID;
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1">Email not confirmed</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Alert tone="danger" title={problem.title} role="alert">
            {problem.text}
          </Alert>
          <ButtonLink href={`/sign-in?next=${encodeURIComponent('/account')}`}>Sign in</ButtonLink>
        </CardContent>
      </Card>
    );
  }
  const user = await (await serverCaller()).me.session();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Email confirmed</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Alert tone="success" role="status">
          {user ? `${user.email} is confirmed and you are signed in.` : 'Your email address is confirmed. Sign in to continue.'}
        </Alert>
        {user ? (
          <ButtonLink href={next}>Continue</ButtonLink>
        ) : (
          <ButtonLink href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</ButtonLink>
        )}
        <p className="text-sm text-fg-muted">
          <Link className="text-brand-700 hover:underline" href="/app">
            Go to your workspaces
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
