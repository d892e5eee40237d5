'use client';
/**
 * One checklist item: status at a glance and changeable in one step; details (owner, due date,
 * notes, evidence, comments) open below. What a person may change follows their permissions.
 */
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { Alert } from '@/components/ui/alert';
import { IMPACT_LABELS, SEVERITY_LABELS, SEVERITY_TONES, STATUS_OPTIONS, statusOption, type ImpactValue, type ItemStatusValue, type SeverityValue } from '@/components/roadmap/labels';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { StageKey } from '@/lib/vocabulary/projects';
import { useStageMutations } from './use-stage-mutations';
import { ItemFindings } from './item-findings';
import { CheckConfirmation, PassDialog } from './pass-controls';
import { formatDate } from '@/components/ui/dates';

export type ItemView = {
  id: string;
  kind: 'check' | 'deliverable';
  title: string;
  detail: string | null;
  severity: SeverityValue;
  impact: ImpactValue;
  automatedCheck: string | null;
  /** Whether a passing result of that check passes the item, or waits for a person to confirm. */
  checkRole: 'verifies' | 'supports' | null;
  status: ItemStatusValue;
  notApplicableReason: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerLabel: string | null;
  dueDate: string | null;
  notes: string | null;
  statusSource: 'person' | 'check';
  overrideReason: string | null;
  updatedAt: string;
  evidence: { id: string; kind: 'note' | 'link' | 'check'; body: string; url: string | null; checkStatus: 'pass' | 'warn' | 'fail' | 'error' | 'skipped' | null; author: string | null; createdAt: string }[];
  /** What a Passed would rest on; null: the person must give a note or link. */
  passBasis: 'record' | 'check' | null;
  /** Its check passed but only supports it. */
  awaitingConfirmation: boolean;
  /** What the check does not test (supported items). */
  checkGap: string | null;
  comments: { id: string; body: string; author: string | null; createdAt: string }[];
};

type Props = {
  projectId: string;
  stageKey: StageKey;
  item: ItemView;
  members: { userId: string; name: string }[];
  canUpdate: boolean;
  canComment: boolean;
};

/** Passed and failed items look it in the editor too, not only in the read-only badge. */
const STATUS_BORDERS: Partial<Record<ItemStatusValue, string>> = { passed: 'border-success-200', failed: 'border-danger-200' };
const STATUS_CONTROLS: Partial<Record<ItemStatusValue, string>> = {
  passed: 'border-success-600 bg-success-50 font-medium text-success-700',
  failed: 'border-danger-600 bg-danger-50 font-medium text-danger-700',
};

export function ChecklistItemCard({ projectId, stageKey, item, members, canUpdate, canComment }: Props) {
  const mutations = useStageMutations(stageKey);
  const [naOpen, setNaOpen] = useState(false);
  const [passOpen, setPassOpen] = useState(false);
  const { errors, submit: run } = useFormAction();
  const status = statusOption(item.status);
  const today = new Date().toISOString().slice(0, 10);
  const overdue = item.dueDate !== null && item.dueDate < today && item.status !== 'passed' && item.status !== 'not_applicable';

  function onStatusChange(next: ItemStatusValue) {
    if (next === 'not_applicable') return setNaOpen(true);
    if (next === 'passed') return setPassOpen(true);
    void run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: next }), { success: `Marked as ${statusOption(next).label.toLowerCase()}` });
  }

  async function onPass(evidence: { body: string; url: string | null } | undefined) {
    const ok = await run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: 'passed', ...(evidence ? { evidence } : {}) }), { success: 'Marked as passed' });
    if (ok) setPassOpen(false);
  }

  function onConfirm() {
    void run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: 'passed' }), { success: 'Confirmed as passed' });
  }

  async function onNotApplicable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason'));
    const ok = await run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: 'not_applicable', notApplicableReason: reason }), { success: 'Marked as not applicable' });
    if (ok) setNaOpen(false);
  }

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

  const [ownerChoice, setOwnerChoice] = useState(item.ownerUserId ? `user:${item.ownerUserId}` : item.ownerName ? 'outside' : '');

  return (
    <article aria-labelledby={`item-${item.id}`} className={cn('rounded-lg border bg-surface', STATUS_BORDERS[item.status] ?? 'border-border')}>
      <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1.5">
          <h3 id={`item-${item.id}`} className={cn('font-medium text-fg', item.status === 'not_applicable' && 'text-fg-muted line-through')}>
            {item.title}
          </h3>
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <Badge tone={SEVERITY_TONES[item.severity]}>{SEVERITY_LABELS[item.severity]}</Badge>
            <Badge>{item.kind === 'check' ? 'Check' : 'Deliverable'}</Badge>
            <span className="text-fg-muted">{IMPACT_LABELS[item.impact]}</span>
            {item.automatedCheck ? (
              <span className="text-fg-muted">
                · {item.overrideReason
                  ? `kept by a person over the ${item.automatedCheck} check`
                  : item.checkRole === 'verifies'
                    ? item.statusSource === 'check'
                      ? `set by the ${item.automatedCheck} check`
                      : `settled by the ${item.automatedCheck} check`
                    : `the ${item.automatedCheck} check supports it; a person confirms`}
              </span>
            ) : null}
            {item.ownerLabel ? <span className="text-fg-muted">· {item.ownerLabel}</span> : null}
            {item.dueDate ? <span className={overdue ? 'font-medium text-danger-700' : 'text-fg-muted'}>· due {formatDate(item.dueDate)}{overdue ? ' (overdue)' : ''}</span> : null}
          </div>
          {item.status === 'not_applicable' && item.notApplicableReason ? <p className="text-sm text-fg-muted">Not applicable: {item.notApplicableReason}</p> : null}
          <ItemFindings checkId={item.automatedCheck} />
        </div>
        {canUpdate ? (
          <Select
            aria-label={`Status of “${item.title}”`}
            value={item.status}
            onChange={(e) => onStatusChange(e.target.value as ItemStatusValue)}
            containerClassName="w-40! shrink-0"
            className={STATUS_CONTROLS[item.status]}
          >
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        ) : (
          <Badge tone={status.tone} dot className="shrink-0 self-start">
            {status.label}
          </Badge>
        )}
      </div>

      {item.awaitingConfirmation ? <CheckConfirmation item={item} canUpdate={canUpdate} pending={mutations.updateItem.isPending} onConfirm={onConfirm} /> : null}

      <details className="group border-t border-border">
        <summary className="cursor-pointer px-4 py-2 text-sm text-fg-muted select-none hover:text-fg">
          Details{item.evidence.length > 0 ? ` · ${item.evidence.length} evidence` : ''}
          {item.comments.length > 0 ? ` · ${item.comments.length} comment${item.comments.length === 1 ? '' : 's'}` : ''}
        </summary>
        <div className="grid gap-5 px-4 pb-4">
          {item.detail ? <p className="text-sm text-fg">{item.detail}</p> : null}

          {canUpdate ? (
            <form method="post" onSubmit={onDetails} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="Owner, due date and notes">
              <Field label="Owner" error={errors.ownerUserId}>
                <Select name="owner" value={ownerChoice} onChange={(e) => setOwnerChoice(e.target.value)}>
                  <option value="">Unassigned</option>
                  {members.map((m) => (
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
                <Textarea name="notes" defaultValue={item.notes ?? ''} rows={2} maxLength={5000} />
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
          ) : item.notes ? (
            <p className="text-sm text-fg whitespace-pre-wrap">{item.notes}</p>
          ) : null}

          <section aria-label="Evidence" className="grid gap-2">
            <h4 className="text-sm font-medium text-fg">Evidence</h4>
            {item.evidence.length === 0 ? <p className="text-sm text-fg-muted">No evidence yet.</p> : null}
            <ul className="grid gap-2">
              {item.evidence.map((e) => (
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
            {item.comments.length === 0 ? <p className="text-sm text-fg-muted">No comments yet.</p> : null}
            <ul className="grid gap-2">
              {item.comments.map((c) => (
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
      </details>

      <PassDialog item={item} open={passOpen} onOpenChange={setPassOpen} errors={errors} pending={mutations.updateItem.isPending} onPass={(evidence) => void onPass(evidence)} />

      <Dialog
        open={naOpen}
        onOpenChange={setNaOpen}
        title="Mark as not applicable"
        description="Items that do not apply leave the readiness score. Say why, so the next person understands."
      >
        <form method="post" onSubmit={onNotApplicable} className="grid gap-3" noValidate>
          {errors.notApplicableReason ? <Alert tone="danger" role="alert">{errors.notApplicableReason}</Alert> : null}
          <Field label="Reason">
            <Textarea name="reason" rows={3} maxLength={500} required data-autofocus />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setNaOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={mutations.updateItem.isPending}>
              Mark not applicable
            </Button>
          </div>
        </form>
      </Dialog>
    </article>
  );
}
