'use client';
/** The playbook's suggested weekly checks the project does not have yet; editors add the ones they want. */
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { SuggestionView } from './types';

type Props = { projectId: string; suggestions: SuggestionView[]; canEdit: boolean; hasChecks: boolean };

export function WeeklySuggestions({ projectId, suggestions, canEdit, hasChecks }: Props) {
  const trpc = useTRPC();
  const add = useMutation(trpc.handover.addWeeklySuggestions.mutationOptions());
  const { errors, submit } = useFormAction();
  // Readers only see what the team has not adopted yet while there is nothing else to show.
  if (suggestions.length === 0 || (!canEdit && hasChecks)) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const keys = new FormData(event.currentTarget).getAll('keys').map(String);
    await submit(() => add.mutateAsync({ projectId, keys }), { success: keys.length === 1 ? 'Weekly check added' : `${keys.length} weekly checks added`, successDetail: 'Edit them to fit how you work.' });
  }

  const list = canEdit ? (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Add suggested weekly checks" className="grid gap-3">
      <div className="grid gap-2.5">
        {suggestions.map((s) => (
          <Checkbox key={s.key} name="keys" value={s.key} label={s.title} hint={s.detail} defaultChecked={!hasChecks} />
        ))}
      </div>
      {errors.keys ? <p className="text-sm text-danger-700">{errors.keys}</p> : null}
      <div>
        <Button type="submit" size="sm" loading={add.isPending}>
          Add the ticked checks
        </Button>
      </div>
    </form>
  ) : (
    <ul className="grid list-disc gap-1.5 pl-5 text-sm text-fg">
      {suggestions.map((s) => (
        <li key={s.key}>{s.title}</li>
      ))}
    </ul>
  );

  // With no checks yet the suggestions are the starting point; afterwards they fold away.
  return hasChecks ? (
    <details className="rounded-control border border-border bg-surface-muted px-3 py-2">
      <summary className="cursor-pointer text-sm text-fg-muted select-none hover:text-fg">More suggestions from your playbook ({suggestions.length})</summary>
      <div className="pt-3">{list}</div>
    </details>
  ) : (
    <div className="grid gap-2 rounded-control border border-brand-200 bg-brand-50/60 px-3 py-3">
      <p className="text-sm font-medium text-fg">Suggested from your playbook</p>
      {list}
    </div>
  );
}
