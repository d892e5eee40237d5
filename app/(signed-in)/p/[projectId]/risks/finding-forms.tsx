'use client';
/**
 * What an editor does with a finding, in place under its row: accept it as a known risk (a reason
 * and the date it is looked at again), give it an owner and a due date, or take an acceptance back.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';

export type FindingOwner = { ownerUserId: string | null; ownerName: string | null; dueDate: string | null };
export type Member = { userId: string; name: string };

type Props = {
  projectId: string;
  findingId: string;
  title: string;
  /** Accepted (or accepted past its date): it can be reopened; not accepted, or expired: it can be accepted. */
  accepted: boolean;
  canAccept: boolean;
  owner: FindingOwner;
  members: readonly Member[];
};

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function FindingActions({ projectId, findingId, title, accepted, canAccept, owner, members }: Props) {
  const [open, setOpen] = useState<'accept' | 'assign' | null>(null);
  const trpc = useTRPC();
  const reopen = useMutation(trpc.findings.reopen.mutationOptions());
  const { submit } = useFormAction();
  const toggle = (panel: 'accept' | 'assign') => setOpen((current) => (current === panel ? null : panel));
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {canAccept ? (
          <Button size="sm" variant="secondary" aria-expanded={open === 'accept'} onClick={() => toggle('accept')} aria-label={`Accept risk “${title}”`}>
            Accept risk
          </Button>
        ) : null}
        {accepted ? (
          <Button
            size="sm"
            variant="secondary"
            loading={reopen.isPending}
            aria-label={`Reopen “${title}”`}
            onClick={() => submit(() => reopen.mutateAsync({ projectId, findingId }), { success: 'Reopened: it counts as an open risk again' })}
          >
            Reopen
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" aria-expanded={open === 'assign'} onClick={() => toggle('assign')} aria-label={`Owner & due date of “${title}”`}>
          Owner & due date
        </Button>
      </div>
      {open === 'accept' ? <AcceptForm projectId={projectId} findingId={findingId} onDone={() => setOpen(null)} /> : null}
      {open === 'assign' ? <AssignForm projectId={projectId} findingId={findingId} owner={owner} members={members} onDone={() => setOpen(null)} /> : null}
    </div>
  );
}

function FormButtons({ label, pending, onCancel, className }: { label: string; pending: boolean; onCancel: () => void; className?: string }) {
  return (
    <div className={cn('flex items-end gap-2', className)}>
      <Button type="submit" size="sm" loading={pending}>
        {label}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

function AcceptForm({ projectId, findingId, onDone }: { projectId: string; findingId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.findings.accept.mutationOptions());
  const { errors, submit } = useFormAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ok = await submit(() => accept.mutateAsync({ projectId, findingId, reason: String(form.get('reason') ?? ''), until: String(form.get('until') ?? '') }), {
      success: 'Risk accepted',
      successDetail: 'It leaves the open list until the date you chose.',
      failure: 'Could not accept the risk',
    });
    if (ok) onDone();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Accept this risk" className="grid gap-3 rounded-control border border-border bg-surface-muted p-3 sm:grid-cols-[1fr_12rem]">
      <Field label="Why is this acceptable for now?" error={errors.reason} className="sm:col-span-2">
        <Textarea name="reason" rows={2} maxLength={1000} required autoFocus placeholder="e.g. Only affects the old marketing site, which we retire in March." />
      </Field>
      <Field label="Look at it again on" hint="After this date it counts as open again." error={errors.until}>
        <Input name="until" type="date" min={isoDay(1)} defaultValue={isoDay(90)} required />
      </Field>
      <FormButtons label="Accept risk" pending={accept.isPending} onCancel={onDone} />
    </form>
  );
}

function AssignForm({ projectId, findingId, owner, members, onDone }: { projectId: string; findingId: string; owner: FindingOwner; members: readonly Member[]; onDone: () => void }) {
  const trpc = useTRPC();
  const assign = useMutation(trpc.findings.assign.mutationOptions());
  const { errors, submit } = useFormAction();
  const [choice, setChoice] = useState(owner.ownerUserId ? `user:${owner.ownerUserId}` : owner.ownerName ? 'outside' : '');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ok = await submit(
      () =>
        assign.mutateAsync({
          projectId,
          findingId,
          ownerUserId: choice.startsWith('user:') ? choice.slice(5) : null,
          ownerName: choice === 'outside' ? String(form.get('ownerName') ?? '').trim() || null : null,
          dueDate: String(form.get('dueDate') ?? '') || null,
        }),
      { success: 'Owner and due date saved', failure: 'Could not save the owner' },
    );
    if (ok) onDone();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Owner and due date" className="grid gap-3 rounded-control border border-border bg-surface-muted p-3 sm:grid-cols-3">
      <Field label="Owner" error={errors.ownerUserId}>
        <Select name="owner" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Unassigned</option>
          {members.map((m) => (
            <option key={m.userId} value={`user:${m.userId}`}>
              {m.name}
            </option>
          ))}
          <option value="outside">{members.length > 0 ? 'Someone outside the workspace…' : 'Name someone…'}</option>
        </Select>
      </Field>
      {choice === 'outside' ? (
        <Field label="Their name" error={errors.ownerName}>
          <Input name="ownerName" defaultValue={owner.ownerName ?? ''} maxLength={80} />
        </Field>
      ) : null}
      <Field label="Due date" optional error={errors.dueDate}>
        <Input name="dueDate" type="date" defaultValue={owner.dueDate ?? ''} />
      </Field>
      <FormButtons label="Save" pending={assign.isPending} onCancel={onDone} className="sm:col-span-3" />
    </form>
  );
}
