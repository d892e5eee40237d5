'use client';
/**
 * Passing an item honestly (docs/decisions/0010): Passed needs evidence, so the dialog either
 * shows the evidence it will rest on or asks for a note or link; an item whose check passed but
 * only supports it shows that result and a Confirm action.
 */
import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { FieldErrors } from '@/app/_lib/trpc';
import type { EvidenceView as Evidence, ItemView } from './checklist-item-card';

function EvidenceLine({ evidence }: { evidence: Evidence }) {
  return (
    <li className="rounded-control bg-surface-muted px-3 py-2 text-sm">
      <p className="text-fg">{evidence.body}</p>
      {evidence.url ? <p className="break-all text-xs text-fg-muted">{evidence.url}</p> : null}
    </li>
  );
}

type PassDialogProps = {
  item: ItemView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  errors: FieldErrors;
  pending: boolean;
  onPass: (evidence: { body: string; url: string | null } | undefined) => void;
};

export function PassDialog({ item, open, onOpenChange, errors, pending, onPass }: PassDialogProps) {
  const relied = item.passEvidence;
  const needsEvidence = relied.length === 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = String(form.get('body') ?? '').trim();
    const url = String(form.get('url') ?? '').trim() || null;
    // A blank form sends no evidence: with evidence already there that is a confirmation; without
    // it, the server's message says what Passed needs.
    onPass(body || url ? { body, url } : undefined);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Mark as passed"
      description={
        needsEvidence
          ? 'Passed needs evidence: say what shows this is done, so anyone can check it later.'
          : item.passBasis === 'check'
            ? 'This confirms the automated check below. Add a note if you looked at more than it tests.'
            : 'This rests on the evidence below. Add more if it helps.'
      }
    >
      <form method="post" onSubmit={submit} className="grid gap-3" noValidate aria-label="Evidence for passed">
        {errors.evidence ? (
          <Alert tone="danger" role="alert">
            {errors.evidence}
          </Alert>
        ) : null}
        {relied.length > 0 ? (
          <section aria-label="Evidence it rests on" className="grid gap-2">
            <ul className="grid gap-2">
              {relied.map((e) => (
                <EvidenceLine key={e.id} evidence={e} />
              ))}
            </ul>
            {item.passBasis === 'check' && item.checkGap ? <p className="text-sm text-fg-muted">Not tested by the check: {item.checkGap}</p> : null}
          </section>
        ) : null}
        <Field label="What shows it is done" optional={!needsEvidence} error={errors['evidence.body']} hint="What you checked, where, and what you saw.">
          <Textarea name="body" rows={3} maxLength={2000} required={needsEvidence} data-autofocus />
        </Field>
        <Field label="Link" optional error={errors['evidence.url']}>
          <Input name="url" type="url" placeholder="https://" />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {item.passBasis === 'check' ? 'Confirm passed' : 'Mark passed'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Check passed — a person confirms": the passing result, what it does not test, and Confirm. */
export function CheckConfirmation({ item, canUpdate, pending, onConfirm }: { item: ItemView; canUpdate: boolean; pending: boolean; onConfirm: () => void }) {
  const check = item.latestCheck;
  return (
    <div className="border-t border-border px-4 py-3">
      <Alert
        tone="success"
        title="Check passed — a person confirms"
        action={
          canUpdate ? (
            <Button size="sm" onClick={onConfirm} loading={pending}>
              Confirm
            </Button>
          ) : null
        }
      >
        {check ? <p>{check.body}</p> : null}
        {item.checkGap ? <p className="mt-1">Not tested by the check: {item.checkGap}</p> : null}
      </Alert>
    </div>
  );
}
