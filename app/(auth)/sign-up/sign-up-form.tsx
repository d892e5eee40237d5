'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { authClient, authErrorMessage } from '@/app/_lib/auth-client';
import { safeNextPath } from '@/app/_lib/safe-next';

const MIN_PASSWORD = 10;

export function SignUpForm({ next, email }: { next: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password.length < MIN_PASSWORD) {
      setPasswordError(`Use at least ${MIN_PASSWORD} characters.`);
      return;
    }
    setPasswordError(null);
    setPending(true);
    setError(null);
    const address = String(form.get('email')).trim();
    const { error: failure } = await authClient.signUp.email({
      name: String(form.get('name')).trim(),
      email: address,
      password,
      callbackURL: safeNextPath(next),
    });
    setPending(false);
    if (failure) setError(authErrorMessage(failure));
    // The same answer whether or not the address already has an account (no enumeration): the
    // emailed link confirms the address and signs the new user in, then opens `next`.
    else setSentTo(address);
  }

  if (sentTo) {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1">Check your inbox</CardTitle>
          <CardDescription>One more step to create your account.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Alert tone="success" role="status">
            We sent an email to {sentTo}. Open the link in it to confirm your address and sign in. If the address already has an
            account, the email says so and you can sign in with your password instead.
          </Alert>
          <p className="text-sm text-fg-muted">
            <Link className="text-brand-700 hover:underline" href={`/sign-in${next !== '/app' ? `?next=${encodeURIComponent(next)}` : ''}`}>
              Go to sign in
            </Link>
          </p>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your account</CardTitle>
        <CardDescription>Free and open source. We send one email to confirm your address.</CardDescription>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-4" noValidate>
          {error ? <Alert tone="danger" role="alert">{error}</Alert> : null}
          <Field label="Your name">
            <Input name="name" autoComplete="name" required maxLength={80} />
          </Field>
          <Field label="Email">
            <Input name="email" type="email" autoComplete="email" defaultValue={email} required />
          </Field>
          <Field label="Password" hint={`At least ${MIN_PASSWORD} characters.`} error={passwordError}>
            <Input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} />
          </Field>
          <Button type="submit" loading={pending} loadingText="Creating account…">
            Create account
          </Button>
          <p className="text-sm text-fg-muted">
            Already have an account?{' '}
            <Link className="text-brand-700 hover:underline" href={`/sign-in${next !== '/app' ? `?next=${encodeURIComponent(next)}` : ''}`}>
              Sign in
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
