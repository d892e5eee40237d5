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

type FieldErrors = { name?: string; email?: string; password?: string };

/** Every empty or malformed field is flagged at once, not only the password. */
function checkFields(name: string, email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!name) errors.name = 'Enter your name.';
  if (!email) errors.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Enter an email address like name@example.com.';
  if (!password) errors.password = 'Choose a password.';
  else if (password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  return errors;
}

export function SignUpForm({ next, email }: { next: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const address = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const problems = checkFields(name, address, password);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signUp.email({
      name,
      email: address,
      password,
      // The emailed link lands on a page that says whether the confirmation worked, then goes on to `next`.
      callbackURL: `/email-confirmed?next=${encodeURIComponent(safeNextPath(next))}`,
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
            We sent an email to {sentTo}. Open the link in it to confirm your address: it signs you in and works for 24 hours. If the
            address already has an account, the email says so and you can sign in with your password instead.
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
          <Field label="Your name" error={fieldErrors.name}>
            <Input name="name" autoComplete="name" required maxLength={80} />
          </Field>
          <Field label="Email" error={fieldErrors.email}>
            <Input name="email" type="email" autoComplete="email" defaultValue={email} required />
          </Field>
          <Field label="Password" hint={`At least ${MIN_PASSWORD} characters.`} error={fieldErrors.password}>
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
