'use client';
/**
 * The shared body of /invite/[token] and /share/[token]: explains what the link opens and,
 * when the right account is signed in, accepts it.
 */
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { authClient } from './auth-client';
import { safeNextPath } from './safe-next';

export type AcceptLinkProps = {
  title: string;
  description: string;
  invitedEmail: string;
  signedInEmail: string | null;
  returnPath: string;
  accept: () => Promise<string>;
};

export function AcceptLink({ title, description, invitedEmail, signedInEmail, returnPath, accept }: AcceptLinkProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const query = `next=${encodeURIComponent(safeNextPath(returnPath))}&email=${encodeURIComponent(invitedEmail)}`;

  async function onAccept() {
    setPending(true);
    setError(null);
    try {
      window.location.assign(safeNextPath(await accept()));
    } catch (failure) {
      setPending(false);
      setError(failure instanceof Error ? failure.message : 'Could not accept. Please try again.');
    }
  }

  async function switchAccount() {
    await authClient.signOut();
    window.location.assign(`/sign-in?${query}`);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {error ? <Alert tone="danger" role="alert">{error}</Alert> : null}
        {!signedInEmail ? (
          <>
            <p className="text-sm text-fg-muted">Sign in or create an account with {invitedEmail} to continue.</p>
            <div className="flex gap-2">
              <ButtonLink href={`/sign-up?${query}`}>Create account</ButtonLink>
              <ButtonLink href={`/sign-in?${query}`} variant="secondary">
                Sign in
              </ButtonLink>
            </div>
          </>
        ) : signedInEmail.toLowerCase() !== invitedEmail ? (
          <>
            <Alert tone="warning">
              This link was sent to {invitedEmail}, but you are signed in as {signedInEmail}.
            </Alert>
            <Button variant="secondary" onClick={switchAccount}>
              Sign in as {invitedEmail}
            </Button>
          </>
        ) : (
          <Button onClick={onAccept} loading={pending} loadingText="Accepting…">
            Accept
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
