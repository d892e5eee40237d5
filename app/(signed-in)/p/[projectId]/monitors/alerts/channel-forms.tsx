'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, useTRPC, type FieldErrors } from '@/app/_lib/trpc';

type Kind = 'email' | 'slack' | 'webhook';
const TARGET_PLACEHOLDERS: Record<Kind, string> = { email: 'you@example.com', slack: 'https://hooks.slack.com/services/…', webhook: 'https://example.com/hooks/alerts' };

function strip(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^channel\./, ''), v]));
}

export function AddChannelForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const add = useMutation(trpc.monitoring.addChannel.mutationOptions());
  const [kind, setKind] = useState<Kind>('email');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [secret, setSecret] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    const form = new FormData(el);
    const name = String(form.get('name') ?? '');
    const target = String(form.get('target') ?? '');
    try {
      const result = await add.mutateAsync({
        projectId,
        channel: kind === 'email' ? { kind, name, email: target } : { kind, name, url: target },
      });
      setErrors({});
      el.reset();
      setSecret(result.secret ?? null);
      toast.success('Alert channel added');
      router.refresh();
    } catch (error) {
      const fields = strip(fieldErrorsOf(error));
      const target = fields.email ?? fields.url;
      setErrors(target ? { ...fields, target } : fields);
      if (Object.keys(fields).length === 0) toast.error('Could not add the channel', messageOf(error));
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Add an alert channel" className="grid gap-3">
      {secret ? (
        <Alert tone="success">
          Webhook signing secret (shown once — copy it into your receiver): <code className="break-all font-mono">{secret}</code>. Each request carries{' '}
          <code>X-LaunchReady-Timestamp</code> and <code>X-LaunchReady-Signature: v1=HMAC-SHA256(secret, timestamp + &quot;.&quot; + body)</code>.
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Kind">
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="email">Email</option>
            <option value="slack">Slack (incoming webhook)</option>
            <option value="webhook">Webhook (signed)</option>
          </Select>
        </Field>
        <Field label="Name" error={errors.name}>
          <Input name="name" required maxLength={120} placeholder={kind === 'email' ? 'e.g. Founder' : 'e.g. #ops'} />
        </Field>
        <Field label={kind === 'email' ? 'Email address' : 'Webhook address'} error={errors.target}>
          <Input name="target" required inputMode={kind === 'email' ? 'email' : 'url'} placeholder={TARGET_PLACEHOLDERS[kind]} />
        </Field>
      </div>
      <div>
        <Button type="submit" loading={add.isPending} loadingText="Adding…">
          Add channel
        </Button>
      </div>
    </form>
  );
}

export function ChannelButtons({ projectId, channelId, name }: { projectId: string; channelId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const test = useMutation(trpc.monitoring.testAlert.mutationOptions());
  const remove = useMutation(trpc.monitoring.removeChannel.mutationOptions());
  return (
    <div className="flex justify-end gap-2">
      <Button
        size="sm"
        variant="secondary"
        loading={test.isPending}
        loadingText="Sending…"
        onClick={async () => {
          try {
            const result = await test.mutateAsync({ projectId, channelId });
            if (result.ok) toast.success('Test alert sent', `Check that it arrived at “${name}”.`);
            else toast.error('The test alert did not go out', result.error ?? undefined);
            router.refresh();
          } catch (error) {
            toast.error('Could not send the test alert', messageOf(error));
          }
        }}
      >
        Send test alert
      </Button>
      <ConfirmButton
        label="Remove"
        title={`Stop sending alerts to “${name}”?`}
        description="The channel is removed; alerts already sent stay in the history."
        confirmLabel="Remove channel"
        pending={remove.isPending}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ projectId, channelId });
            router.refresh();
            return true;
          } catch (error) {
            toast.error('Could not remove the channel', messageOf(error));
            return false;
          }
        }}
      />
    </div>
  );
}

export function FallbackForm({ projectId, current }: { projectId: string; current: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const save = useMutation(trpc.monitoring.setFallback.mutationOptions());
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      method="post"
      noValidate
      aria-label="Fallback contact"
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
        try {
          await save.mutateAsync({ projectId, email: email || null });
          setError(undefined);
          toast.success(email ? 'Fallback contact saved' : 'Fallback contact removed');
          router.refresh();
        } catch (err) {
          setError(fieldErrorsOf(err).email ?? messageOf(err));
        }
      }}
    >
      <Field label="Fallback contact (email)" hint="Told when no channel is set up or a channel keeps failing." error={error} className="min-w-72 flex-1">
        <Input name="email" type="email" defaultValue={current ?? ''} placeholder="backup@example.com" />
      </Field>
      <Button type="submit" variant="secondary" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}
