'use client';
/**
 * Add or edit one inventory entry: the name and facts about the value, never the value.
 * Lives inside the dialog, so its field messages start fresh each time the dialog opens.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { EnvVarView, Member } from './types';

type Props = { projectId: string; initial?: EnvVarView; environments: string[]; members: Member[]; onDone: () => void };

export function EnvVarForm({ projectId, initial, environments, members, onDone }: Props) {
  const trpc = useTRPC();
  const add = useMutation(trpc.deployment.addEnvVar.mutationOptions());
  const update = useMutation(trpc.deployment.updateEnvVar.mutationOptions());
  const { errors, submit: run } = useFormAction();
  const [owner, setOwner] = useState(initial?.ownerUserId ? `user:${initial.ownerUserId}` : initial?.ownerName ? 'outside' : '');
  const choices = [...new Set([...environments, ...(initial?.environments ?? [])])];
  const environmentError = Object.entries(errors).find(([key]) => key.startsWith('environments'))?.[1];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '');
    const input = {
      name: text('name'),
      environments: form.getAll('environments').map(String),
      ownerUserId: owner.startsWith('user:') ? owner.slice(5) : null,
      ownerName: owner === 'outside' ? text('ownerName') : null,
      purpose: text('purpose'),
      isSecret: form.get('isSecret') === 'on',
      storedIn: text('storedIn'),
      lastRotatedOn: text('lastRotatedOn') || null,
    };
    const ok = await run(() => (initial ? update.mutateAsync({ projectId, envVarId: initial.id, ...input }) : add.mutateAsync({ projectId, ...input })), {
      success: initial ? `${input.name} saved` : `${input.name} added to the inventory`,
    });
    if (ok) onDone();
  }

  return (
    <form method="post" onSubmit={submit} className="grid items-start gap-4 sm:grid-cols-2" noValidate aria-label={initial ? `Edit ${initial.name}` : 'Add a variable'}>
      {errors._form ? (
        <Alert tone="danger" role="alert" className="sm:col-span-2">
          {errors._form}
        </Alert>
      ) : null}
      <Field label="Variable name" hint="The name only. Never paste the value itself." error={errors.name} className="sm:col-span-2">
        <Input name="name" defaultValue={initial?.name ?? ''} placeholder="STRIPE_SECRET_KEY" maxLength={120} autoComplete="off" spellCheck={false} className="font-mono" required data-autofocus />
      </Field>
      <fieldset className="grid gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-fg">Used in</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {choices.map((env) => (
            <Checkbox key={env} name="environments" value={env} label={env} defaultChecked={initial ? initial.environments.includes(env) : env === choices[0]} />
          ))}
        </div>
        {environmentError ? <p className="text-sm text-danger-700">{environmentError}</p> : null}
      </fieldset>
      <Checkbox
        name="isSecret"
        label="The value is a secret"
        hint="Keys, passwords, tokens, connection strings. Untick for public values such as the site address."
        defaultChecked={initial?.isSecret ?? true}
        className="sm:col-span-2"
      />
      <Field label="Owner" optional error={errors.ownerUserId}>
        <Select name="owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">No owner yet</option>
          {members.map((m) => (
            <option key={m.userId} value={`user:${m.userId}`}>
              {m.name}
            </option>
          ))}
          <option value="outside">Someone outside the workspace…</option>
        </Select>
      </Field>
      {owner === 'outside' ? (
        <Field label="Their name" error={errors.ownerName}>
          <Input name="ownerName" defaultValue={initial?.ownerName ?? ''} maxLength={80} />
        </Field>
      ) : (
        <div className="hidden sm:block" />
      )}
      <Field label="What it is for" optional error={errors.purpose} className="sm:col-span-2">
        <Input name="purpose" defaultValue={initial?.purpose ?? ''} placeholder="Charges and refunds" maxLength={300} autoComplete="off" />
      </Field>
      <Field label="Where the value is kept" optional hint="e.g. Vercel project settings, 1Password: Ops vault." error={errors.storedIn}>
        <Input name="storedIn" defaultValue={initial?.storedIn ?? ''} maxLength={200} autoComplete="off" />
      </Field>
      <Field label="Last rotated" optional error={errors.lastRotatedOn}>
        <Input name="lastRotatedOn" type="date" defaultValue={initial?.lastRotatedOn ?? ''} />
      </Field>
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={add.isPending || update.isPending} loadingText="Saving…">
          {initial ? 'Save' : 'Add variable'}
        </Button>
      </div>
    </form>
  );
}
