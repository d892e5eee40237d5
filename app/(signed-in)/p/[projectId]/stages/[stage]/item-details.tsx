'use client';
/**
 * An item's details — owner, due date, notes, evidence, comments — loaded when a person opens
 * them, not sent with the stage page (docs/performance.md, "Pages": a stage with every item's
 * forms, evidence and comments made a 180 KB page).
 */
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { Textarea } from '@/components/ui/textarea';
import { formatDate } from '@/components/ui/dates';
import { messageOf, useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { StageKey } from '@/lib/vocabulary/projects';
import { useStageMutations } from './use-stage-mutations';
import type { ItemView } from './checklist-item-card';

type Props = { projectId: string; stageKey: StageKey; item: ItemView; canUpdate: boolean; canComment: boolean };

/** The query key of an item's details, so a change made elsewhere on the card can refresh them. */
export function useItemDetailsKey(projectId: string, stageKey: StageKey, itemId: string) {
  const trpc = useTRPC();
  return trpc[stageKey].item.queryKey({ projectId, itemId });
}

export function ItemDetails({ projectId, stageKey, item, canUpdate, canComment }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc[stageKey].item.queryOptions({ projectId, itemId: item.id }));
  const key = trpc[stageKey].item.queryKey({ projectId, itemId: item.id });
  const mutations = useStageMutations(stageKey);
  const { errors, submit } = useFormAction();
  const [ownerChoice, setOwnerChoice] = useState(item.ownerUserId ? `user:${item.ownerUserId}` : item.ownerName ? 'outside' : '');

  // Every change here also refreshes these details (the page itself refreshes through useFormAction).
  const run: typeof submit = async (action, options) => {
    const ok = await submit(action, options);
    if (ok) await queryClient.invalidateQueries({ queryKey: key });
    return ok;
  };

  if (query.isPending) {
    return (
      <p className="flex items-center gap-2 px-4 pb-4 text-sm text-fg-muted" role="status">
        <Spinner /> Loading details…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="px-4 pb-4">
        <Alert tone="danger" role="alert" action={<Button size="sm" variant="secondary" onClick={() => void query.refetch()}>Try again</Button>}>
          The details did not load: {messageOf(query.error)}
        </Alert>
      </div>
    );
  }
  const details = query.data;

  async function onDetails(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const owner = String(form.get('owner') ?? '');
    await run(
      () =>
        mutations.updateItem.mutateAsync({
          projectId,
          itemId: item.id,
          ownerUserId: owner.startsWith('user:') ? owner.slice(5) : null,
          ownerName: owner === 'outside' ? String(form.get('ownerName') ?? '') : null,
          dueDate: String(form.get('dueDate') ?? '') || null,
          notes: String(form.get('notes') ?? ''),
          ...(item.automatedCheck ? { overrideReason: String(form.get('overrideReason') ?? '') || null } : {}),
        }),
      { success: 'Item saved' },
    );
  }

  async function onEvidence(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await run(
      () => mutations.addEvidence.mutateAsync({ projectId, itemId: item.id, body: String(form.get('body')), url: String(form.get('url') ?? '') || null }),
      { success: 'Evidence added', reset: formElement },
    );
  }

  async function onComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    await run(() => mutations.comment.mutateAsync({ projectId, itemId: item.id, body: String(new FormData(formElement).get('comment')) }), { success: 'Comment posted', reset: formElement });
  }

  return (
    <div className="grid gap-5 px-4 pb-4">
      {details.detail ? <p className="text-sm text-fg">{details.detail}</p> : null}

      {canUpdate ? (
        <form method="post" onSubmit={onDetails} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="Owner, due date and notes">
          <Field label="Owner" error={errors.ownerUserId}>
            <Select name="owner" value={ownerChoice} onChange={(e) => setOwnerChoice(e.target.value)}>
              <option value="">Unassigned</option>
              {details.members.map((m) => (
                <option key={m.userId} value={`user:${m.userId}`}>
                  {m.name}
                </option>
              ))}
              <option value="outside">Someone outside the workspace…</option>
            </Select>
          </Field>
          {ownerChoice === 'outside' ? (
            <Field label="Their name" error={errors.ownerName}>
              <Input name="ownerName" defaultValue={item.ownerName ?? ''} maxLength={80} />
            </Field>
          ) : (
            <div className="hidden sm:block" />
          )}
          <Field label="Due date" optional error={errors.dueDate}>
            <Input name="dueDate" type="date" defaultValue={item.dueDate ?? ''} />
          </Field>
          <Field label="Notes" optional error={errors.notes} className="sm:col-span-2">
            <Textarea name="notes" defaultValue={details.notes ?? ''} rows={2} maxLength={5000} />
          </Field>
          {item.automatedCheck ? (
            <Field
              label="Keep my status over the automated check"
              optional
              hint="Fill in why, and check runs will no longer change this item's status (they still attach evidence). Leave empty to let the check decide."
              error={errors.overrideReason}
              className="sm:col-span-2"
            >
              <Input name="overrideReason" defaultValue={item.overrideReason ?? ''} maxLength={500} />
            </Field>
          ) : null}
          <div>
            <Button type="submit" size="sm" variant="secondary" loading={mutations.updateItem.isPending}>
              Save
            </Button>
          </div>
        </form>
      ) : details.notes ? (
        <p className="text-sm text-fg whitespace-pre-wrap">{details.notes}</p>
      ) : null}

      <section aria-label="Evidence" className="grid gap-2">
        <h4 className="text-sm font-medium text-fg">Evidence</h4>
        {details.evidence.length === 0 ? <p className="text-sm text-fg-muted">No evidence yet.</p> : null}
        <ul className="grid gap-2">
          {details.evidence.map((e) => (
            <li key={e.id} className="rounded-control bg-surface-muted px-3 py-2 text-sm">
              <p className="text-fg">{e.body}</p>
              {e.url?.startsWith('/') ? (
                <Link className="font-medium text-brand-700 underline" href={e.url}>
                  {e.kind === 'check' ? 'See the check run' : 'Open'}
                </Link>
              ) : e.url ? (
                <a className="break-all text-brand-700 underline" href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                  {e.url}
                </a>
              ) : null}
              <p className="text-xs text-fg-muted">
                {e.author ?? 'Automated check'} · {formatDate(e.createdAt)}
              </p>
            </li>
          ))}
        </ul>
        {canUpdate ? (
          <form method="post" onSubmit={onEvidence} className="grid gap-2 sm:grid-cols-[1fr_16rem_auto] sm:items-start" noValidate aria-label="Add evidence">
            <Field label="What shows it is done" error={errors.body}>
              <Input name="body" maxLength={2000} required />
            </Field>
            <Field label="Link" optional error={errors.url}>
              <Input name="url" type="url" placeholder="https://" />
            </Field>
            <Button type="submit" size="sm" variant="secondary" className="sm:mt-6" loading={mutations.addEvidence.isPending}>
              Add
            </Button>
          </form>
        ) : null}
      </section>

      <section aria-label="Comments" className="grid gap-2">
        <h4 className="text-sm font-medium text-fg">Comments</h4>
        {details.comments.length === 0 ? <p className="text-sm text-fg-muted">No comments yet.</p> : null}
        <ul className="grid gap-2">
          {details.comments.map((c) => (
            <li key={c.id} className="text-sm">
              <span className="font-medium text-fg">{c.author ?? 'Former member'}</span> <span className="text-xs text-fg-muted">{formatDate(c.createdAt)}</span>
              <p className="whitespace-pre-wrap text-fg">{c.body}</p>
            </li>
          ))}
        </ul>
        {canComment ? (
          <form method="post" onSubmit={onComment} className="flex flex-col gap-2 sm:flex-row sm:items-start" noValidate aria-label="Add a comment">
            <Field label="Comment" error={errors.body && !canUpdate ? errors.body : undefined} className="grow">
              <Input name="comment" maxLength={2000} required />
            </Field>
            <Button type="submit" size="sm" variant="secondary" className="sm:mt-6" loading={mutations.comment.isPending}>
              Post
            </Button>
          </form>
        ) : null}
      </section>
    </div>
  );
}
