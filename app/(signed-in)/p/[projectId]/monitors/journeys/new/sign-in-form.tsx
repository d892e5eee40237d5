'use client';
/** The sign-in preset: a few answers become the journey's steps (editable afterwards). */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, useTRPC, type FieldErrors } from '@/app/_lib/trpc';

export function SignInJourneyForm({ projectId, origin }: { projectId: string; origin: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const create = useMutation(trpc.journeys.createSignIn.mutationOptions());
  const [mode, setMode] = useState<'json' | 'form'>('form');
  const [errors, setErrors] = useState<FieldErrors>({});
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const saved = await create.mutateAsync({
        projectId,
        name: text(form, 'name'),
        intervalSeconds: Number(text(form, 'intervalMinutes') || '5') * 60,
        preset: {
          mode,
          signInUrl: text(form, 'signInUrl'),
          formActionUrl: text(form, 'formActionUrl') || null,
          usernameField: text(form, 'usernameField') || 'email',
          passwordField: text(form, 'passwordField') || 'password',
          username: text(form, 'username'),
          passwordSecret: text(form, 'passwordSecret'),
          csrfField: mode === 'form' ? text(form, 'csrfField') || null : null,
          tokenPath: mode === 'json' ? text(form, 'tokenPath') || null : null,
          checkUrl: text(form, 'checkUrl'),
          checkKeyword: text(form, 'checkKeyword'),
        },
      });
      toast.success('Sign-in journey created', 'Its first run starts within one interval.');
      router.push(`/p/${projectId}/monitors/journeys/${saved.id}`);
      router.refresh();
    } catch (error) {
      const fields = Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, v]) => [k.replace(/^preset\./, ''), v]));
      setErrors(fields);
      if (Object.keys(fields).length === 0) toast.error('Could not create the journey', messageOf(error));
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="New sign-in journey" className="grid max-w-2xl gap-4">
      {errors._form ? <Alert tone="danger" role="alert">{errors._form}</Alert> : null}
      <Field label="Name" error={errors.name}>
        <Input name="name" required maxLength={120} defaultValue="Test sign-in" />
      </Field>
      <Field label="How people sign in" error={errors.mode}>
        <Select name="mode" value={mode} onChange={(e) => setMode(e.target.value as 'json' | 'form')}>
          <option value="form">A sign-in page with a form (HTML)</option>
          <option value="json">An API that takes JSON</option>
        </Select>
      </Field>
      <Field label={mode === 'form' ? 'Address of the sign-in page' : 'Address the credentials are posted to'} error={errors.signInUrl}>
        <Input name="signInUrl" required inputMode="url" defaultValue={mode === 'form' ? `${origin}/login` : `${origin}/api/login`} key={mode} />
      </Field>
      {mode === 'form' ? (
        <>
          <Field label="Where the form posts to" hint="Empty: the same address as the page." optional error={errors.formActionUrl}>
            <Input name="formActionUrl" inputMode="url" />
          </Field>
          <Field label="Name of the hidden CSRF field" hint="Read from the page and sent back with its cookie. Empty: the form has none." optional error={errors.csrfField}>
            <Input name="csrfField" defaultValue="csrf_token" />
          </Field>
        </>
      ) : (
        <Field label="Where the answer carries a token" hint="A JSON path such as token or data.accessToken; it is sent as a bearer token afterwards. Empty: the session cookie is enough." optional error={errors.tokenPath}>
          <Input name="tokenPath" />
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Test account (email or username)" error={errors.username}>
          <Input name="username" required autoComplete="off" placeholder="qa@yourproduct.com" />
        </Field>
        <Field label="Secret holding its password" hint="The name of a project secret, like QA_PASSWORD. The password itself is never stored here." error={errors.passwordSecret}>
          <Input name="passwordSecret" required defaultValue="QA_PASSWORD" autoComplete="off" />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name of the username field" error={errors.usernameField}>
          <Input name="usernameField" defaultValue="email" />
        </Field>
        <Field label="Name of the password field" error={errors.passwordField}>
          <Input name="passwordField" defaultValue="password" />
        </Field>
      </div>
      <Field label="A page only a signed-in person can open" error={errors.checkUrl}>
        <Input name="checkUrl" required inputMode="url" defaultValue={`${origin}/dashboard`} />
      </Field>
      <Field label="Text it shows only when signed in" hint="The account’s email or “Sign out”: a redirect to the sign-in page answers 200 too, so this is what proves it." error={errors.checkKeyword}>
        <Input name="checkKeyword" required maxLength={200} />
      </Field>
      <Field label="Run every (minutes)" hint="1 to 60" error={errors.intervalSeconds}>
        <Input name="intervalMinutes" type="number" min={1} max={60} defaultValue={5} />
      </Field>
      <div>
        <Button type="submit" loading={create.isPending} loadingText="Creating…">
          Create sign-in journey
        </Button>
      </div>
    </form>
  );
}
