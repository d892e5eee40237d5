'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { authClient, authErrorMessage } from '@/app/_lib/auth-client';

export default function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email')).trim();
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setPending(false);
    if (failure) setError(authErrorMessage(failure));
    else setSentTo(email);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Reset your password</CardTitle>
        <CardDescription>We email you a link that lets you choose a new password.</CardDescription>
      </CardHeader>
      <CardContent>
        {sentTo ? (
          <Alert tone="success" role="status" title="Check your inbox">
            If an account exists for {sentTo}, a reset link is on its way. It works once and expires in an hour.
          </Alert>
        ) : (
          <form method="post" onSubmit={onSubmit} className="grid gap-4" noValidate>
            {error ? <Alert tone="danger" role="alert">{error}</Alert> : null}
            <Field label="Email">
              <Input name="email" type="email" autoComplete="email" required />
            </Field>
            <Button type="submit" loading={pending} loadingText="Sending…">
              Send reset link
            </Button>
          </form>
        )}
        <p className="mt-4 text-sm">
          <Link className="text-brand-700 hover:underline" href="/sign-in">
            Back to sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
