'use client';
/**
 * Project secrets: add, replace, remove. Values go in and never come back — the list shows
 * names, who set them and when, and the placeholder that sends each one.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { formatDateTime } from '@/components/ui/dates';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';

export type SecretRow = { name: string; createdAt: Date; createdByName: string | null; updatedAt: Date; updatedByName: string | null };

const placeholder = (name: string) => `{{secret.${name}}}`;

export function SecretsCard({ projectId, secrets }: { projectId: string; secrets: SecretRow[] }) {
  const trpc = useTRPC();
  const set = useMutation(trpc.secrets.set.mutationOptions());
  const remove = useMutation(trpc.secrets.remove.mutationOptions());
  const { errors, submit } = useFormAction();
  const removal = useFormAction();
  const [name, setName] = useState('');
  const valueRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const replacing = secrets.some((s) => s.name === name.trim());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = valueRef.current?.value ?? '';
    const saved = await submit(() => set.mutateAsync({ projectId, name: name.trim(), value }), {
      success: replacing ? `${name.trim()} replaced` : `${name.trim()} saved`,
      successDetail: `Use ${placeholder(name.trim())} in a monitor’s headers or body.`,
      failure: 'Could not save the secret',
    });
    // The value leaves the page once sent, saved or not, so nothing lingers in the form.
    if (valueRef.current) valueRef.current.value = '';
    if (saved) setName('');
  }

  function startReplacing(secretName: string) {
    setName(secretName);
    formRef.current?.scrollIntoView({ block: 'nearest' });
    valueRef.current?.focus();
  }

  return (
    <Card id="secrets" className="scroll-mt-20 target:ring-2 target:ring-brand-200">
      <CardHeader>
        <CardTitle>Secrets</CardTitle>
        <CardDescription>
          API keys, test-account passwords and webhook signing secrets that monitors send. They are stored encrypted and are never shown again, here or anywhere
          else: in results, emails and the handover pack they appear as ••••. Write {placeholder('NAME')} in a monitor’s headers or body to send one.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {secrets.length === 0 ? (
          <p className="text-sm text-fg-muted">No secrets yet.</p>
        ) : (
          <ul className="grid divide-y divide-border rounded-card border border-border" aria-label="Stored secrets">
            {secrets.map((secret) => (
              <li key={secret.name} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium break-all">{secret.name}</p>
                  <p className="text-sm text-fg-muted">
                    <code className="break-all">{placeholder(secret.name)}</code> · set {formatDateTime(secret.updatedAt)}
                    {secret.updatedByName ? ` by ${secret.updatedByName}` : ''}
                  </p>
                </div>
                <div className="flex shrink-0 gap-2">
                  <Button variant="secondary" size="sm" onClick={() => startReplacing(secret.name)} aria-label={`Replace ${secret.name}`}>
                    Replace
                  </Button>
                  <ConfirmButton
                    label="Remove"
                    aria-label={`Remove ${secret.name}`}
                    title={`Remove ${secret.name}?`}
                    description={`Monitors that send ${placeholder(secret.name)} will fail and say this secret is missing until you add it again.`}
                    confirmLabel="Remove secret"
                    pending={remove.isPending}
                    onConfirm={() => removal.submit(() => remove.mutateAsync({ projectId, name: secret.name }), { success: `${secret.name} removed`, failure: 'Could not remove the secret' })}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <form ref={formRef} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 sm:items-start" autoComplete="off">
          <Field label="Name" error={errors.name} hint="Letters, digits, “_” and “-”, e.g. STRIPE_WEBHOOK_SECRET.">
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={64} spellCheck={false} autoCapitalize="off" />
          </Field>
          <Field label={replacing ? 'New value' : 'Value'} error={errors.value} hint="At least 8 characters. Not shown again after saving.">
            <Input ref={valueRef} type="password" autoComplete="new-password" spellCheck={false} />
          </Field>
          <div className="sm:col-span-2">
            <Button type="submit" loading={set.isPending} loadingText="Saving…">
              {replacing ? `Replace ${name.trim()}` : 'Save secret'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
