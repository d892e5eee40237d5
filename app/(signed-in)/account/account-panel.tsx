'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { authClient, authErrorMessage } from '@/app/_lib/auth-client';

export function AccountPanel({ email, emailVerified }: { email: string; emailVerified: boolean }) {
  const toast = useToast();
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [pending, setPending] = useState(false);
  const [sending, setSending] = useState(false);

  async function onChangePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('newPassword'));
    if (newPassword.length < 10) return setErrors({ next: 'Use at least 10 characters.' });
    setPending(true);
    const { error } = await authClient.changePassword({
      currentPassword: String(form.get('currentPassword')),
      newPassword,
      revokeOtherSessions: form.get('revokeOtherSessions') === 'on',
    });
    setPending(false);
    if (error) {
      setErrors(error.status === 400 || error.status === 401 ? { current: 'That is not your current password.' } : { next: authErrorMessage(error) });
      return;
    }
    setErrors({});
    formElement.reset();
    toast.success('Password changed');
  }

  async function resendVerification() {
    setSending(true);
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: `/email-confirmed?next=${encodeURIComponent('/account')}` });
    setSending(false);
    if (error) toast.error('Could not send', authErrorMessage(error));
    else toast.success('Confirmation email sent', `Check the inbox of ${email}.`);
  }

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Email</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          {emailVerified ? (
            <Alert tone="success">{email} is confirmed.</Alert>
          ) : (
            <Alert
              tone="warning"
              title="Confirm your email"
              action={
                <Button size="sm" variant="secondary" loading={sending} onClick={resendVerification}>
                  Send the link again
                </Button>
              }
            >
              We sent a confirmation link to {email}. Confirmed addresses receive alerts and password resets reliably.
            </Alert>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>You stay signed in here; you can sign out everywhere else at the same time.</CardDescription>
        </CardHeader>
        <CardContent>
          <form method="post" onSubmit={onChangePassword} className="grid gap-4" noValidate aria-label="Change password">
            <Field label="Current password" error={errors.current}>
              <Input name="currentPassword" type="password" autoComplete="current-password" required />
            </Field>
            <Field label="New password" hint="At least 10 characters." error={errors.next}>
              <Input name="newPassword" type="password" autoComplete="new-password" required />
            </Field>
            <Checkbox name="revokeOtherSessions" label="Sign out my other devices" defaultChecked />
            <div>
              <Button type="submit" loading={pending} loadingText="Saving…">
                Change password
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </>
  );
}
