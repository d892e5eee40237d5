'use client';
/** Add or edit an escalation contact; inside the dialog, so field messages start fresh each time. */
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { ContactView } from './types';

type Props = { projectId: string; initial?: ContactView; fallbackName: string | null; onDone: () => void };

export function ContactForm({ projectId, initial, fallbackName, onDone }: Props) {
  const trpc = useTRPC();
  const add = useMutation(trpc.handover.addContact.mutationOptions());
  const update = useMutation(trpc.handover.updateContact.mutationOptions());
  const { errors, submit } = useFormAction();
  const otherFallback = fallbackName !== null && !initial?.isFallback ? fallbackName : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '');
    const fields = { name: text('name'), role: text('role'), email: text('email'), phone: text('phone'), notes: text('notes'), isFallback: form.get('isFallback') === 'on' };
    const ok = await submit(() => (initial ? update.mutateAsync({ projectId, contactId: initial.id, ...fields }) : add.mutateAsync({ projectId, ...fields })), {
      success: initial ? `${fields.name} saved` : `${fields.name} added`,
    });
    if (ok) onDone();
  }

  return (
    <form method="post" onSubmit={onSubmit} className="grid items-start gap-4 sm:grid-cols-2" noValidate aria-label={initial ? `Edit ${initial.name}` : 'Add a contact'}>
      <Field label="Name" error={errors.name}>
        <Input name="name" defaultValue={initial?.name ?? ''} maxLength={80} autoComplete="off" required data-autofocus />
      </Field>
      <Field label="Role" optional error={errors.role}>
        <Input name="role" defaultValue={initial?.role ?? ''} maxLength={80} placeholder="e.g. Developer on call" />
      </Field>
      <Field label="Email" optional error={errors.email}>
        <Input name="email" type="email" defaultValue={initial?.email ?? ''} maxLength={200} autoComplete="off" />
      </Field>
      <Field label="Phone" optional error={errors.phone}>
        <Input name="phone" type="tel" defaultValue={initial?.phone ?? ''} maxLength={40} autoComplete="off" />
      </Field>
      <Field label="When and how to reach them" optional error={errors.notes} className="sm:col-span-2">
        <Textarea name="notes" defaultValue={initial?.notes ?? ''} rows={2} maxLength={500} placeholder="e.g. Weekdays 9–18; call, do not text." />
      </Field>
      <div className="grid gap-1 sm:col-span-2">
        <Checkbox
          name="isFallback"
          label="Fallback contact"
          hint={errors.isFallback ? undefined : otherFallback ? `${otherFallback} is the fallback now. Only one person can be; use “Make fallback” in the list to switch.` : 'Called when nobody earlier in the order answers. Only one person can be the fallback.'}
          defaultChecked={initial?.isFallback ?? false}
          aria-invalid={errors.isFallback ? true : undefined}
        />
        {errors.isFallback ? <p className="pl-6.5 text-sm text-danger-700">{errors.isFallback}</p> : null}
      </div>
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={add.isPending || update.isPending} loadingText="Saving…">
          {initial ? 'Save' : 'Add contact'}
        </Button>
      </div>
    </form>
  );
}
