'use client';
/** Adds a handover entry (under its list) or edits one (in a dialog). Improvements also get a business value. */
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { BUSINESS_VALUE_LABELS, BUSINESS_VALUES, type EntryKind } from '@/server/records/vocabulary';
import type { EntryView } from './types';

type Props = { projectId: string; kind: EntryKind; noun: string; placeholder: string; entry?: EntryView; onDone?: () => void };

export function EntryForm({ projectId, kind, noun, placeholder, entry, onDone }: Props) {
  const trpc = useTRPC();
  const add = useMutation(trpc.handover.addEntry.mutationOptions());
  const update = useMutation(trpc.handover.updateEntry.mutationOptions());
  const { errors, submit } = useFormAction();
  const rated = kind === 'improvement';
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = String(form.get('businessValue') ?? '');
    const fields = { kind, title: String(form.get('title') ?? ''), detail: String(form.get('detail') ?? ''), businessValue: rated && value ? Number(value) : null };
    const ok = await submit(() => (entry ? update.mutateAsync({ projectId, entryId: entry.id, ...fields }) : add.mutateAsync({ projectId, ...fields })), {
      success: entry ? 'Saved' : `Added to the ${noun}s`,
      reset: entry ? undefined : formElement,
    });
    if (ok) onDone?.();
  }

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={entry ? `Edit the ${noun}` : `Add ${article} ${noun}`}
      className={cn('grid gap-3', entry ? '' : 'border-t border-border pt-4')}
    >
      <Field label={entry ? 'Title' : `New ${noun}`} error={errors.title}>
        <Input name="title" defaultValue={entry?.title ?? ''} maxLength={200} placeholder={placeholder} required data-autofocus={entry ? true : undefined} />
      </Field>
      {rated ? (
        <Field label="Business value" error={errors.businessValue}>
          <Select name="businessValue" defaultValue={String(entry?.businessValue ?? '')} containerClassName="sm:max-w-xs">
            <option value="" disabled>
              Choose 1–5…
            </option>
            {BUSINESS_VALUES.map((v) => (
              <option key={v} value={v}>
                {v} · {BUSINESS_VALUE_LABELS[v]}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="Details" optional error={errors.detail}>
        <Textarea name="detail" defaultValue={entry?.detail ?? ''} rows={2} maxLength={2000} />
      </Field>
      <div className={cn('flex gap-2', entry && 'justify-end')}>
        {entry ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" size={entry ? 'md' : 'sm'} variant={entry ? 'primary' : 'secondary'} loading={add.isPending || update.isPending}>
          {entry ? 'Save' : 'Add'}
        </Button>
      </div>
    </form>
  );
}
