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

export function SignInForm({ next, email, reset }: { next: string; email: string; reset: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({ email: String(form.get('email')), password: String(form.get('password')) });
    if (failure) {
      setPending(false);
      setError(failure.status === 401 ? 'That email and password do not match an account.' : authErrorMessage(failure));
      return;
    }
    // A full navigation so server components render with the new session cookie.
    window.location.assign(safeNextPath(next));
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in</CardTitle>
        <CardDescription>Welcome back. Pick up your launch where you left it.</CardDescription>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-4" noValidate>
          {reset ? <Alert tone="success">Your password was changed. Sign in with the new one.</Alert> : null}
          {error ? <Alert tone="danger" role="alert">{error}</Alert> : null}
          <Field label="Email">
            <Input name="email" type="email" autoComplete="email" defaultValue={email} required />
          </Field>
          <Field label="Password">
            <Input name="password" type="password" autoComplete="current-password" required />
          </Field>
          <Button type="submit" loading={pending} loadingText="Signing in…">
            Sign in
          </Button>
          <div className="flex justify-between text-sm">
            <Link className="text-brand-700 hover:underline" href="/forgot-password">
              Forgot your password?
            </Link>
            <Link className="text-brand-700 hover:underline" href={`/sign-up${next !== '/app' ? `?next=${encodeURIComponent(next)}` : ''}`}>
              Create an account
            </Link>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
