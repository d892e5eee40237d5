'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { authClient, authErrorMessage } from '@/app/_lib/auth-client';

export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('password'));
    if (newPassword.length < 10) return setFieldError('Use at least 10 characters.');
    if (newPassword !== String(form.get('confirm'))) return setFieldError('The two passwords differ.');
    setFieldError(null);
    setPending(true);
    const { error: failure } = await authClient.resetPassword({ newPassword, token });
    if (failure) {
      setPending(false);
      setError(authErrorMessage(failure));
      return;
    }
    window.location.assign('/sign-in?reset=1');
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Choose a new password</CardTitle>
        <CardDescription>Saving it signs you out on every other device.</CardDescription>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-4" noValidate>
          {error ? <Alert tone="danger" role="alert">{error}</Alert> : null}
          <Field label="New password" hint="At least 10 characters." error={fieldError}>
            <Input name="password" type="password" autoComplete="new-password" required />
          </Field>
          <Field label="Repeat the new password">
            <Input name="confirm" type="password" autoComplete="new-password" required />
          </Field>
          <Button type="submit" loading={pending} loadingText="Saving…">
            Save new password
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
