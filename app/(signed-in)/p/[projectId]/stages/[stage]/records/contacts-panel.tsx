'use client';
/** Escalation contacts in the order they are called, the fallback marked; editors reorder and edit. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PlusIcon } from '@/components/ui/icons';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { ContactForm } from './contact-form';
import type { ContactView } from './types';

type Props = { projectId: string; contacts: ContactView[]; canEdit: boolean };

export function ContactsPanel({ projectId, contacts, canEdit }: Props) {
  const trpc = useTRPC();
  const move = useMutation(trpc.handover.moveContact.mutationOptions());
  const fallback = useMutation(trpc.handover.setFallbackContact.mutationOptions());
  const remove = useMutation(trpc.handover.removeContact.mutationOptions());
  const { submit } = useFormAction();
  const [editing, setEditing] = useState<ContactView | 'new' | null>(null);
  const fallbackName = contacts.find((c) => c.isFallback)?.name ?? null;

  return (
    <Card>
      <CardHeader
        actions={
          canEdit ? (
            <Button size="sm" variant="secondary" onClick={() => setEditing('new')}>
              <PlusIcon className="size-4" /> Add a contact
            </Button>
          ) : null
        }
      >
        <CardTitle>Escalation contacts</CardTitle>
        <CardDescription>Who to call when something breaks, in order. The fallback is called when nobody earlier answers.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {contacts.length === 0 ? (
          <EmptyState titleAs="h3" title="No contacts yet" description="Add the people to call when the product is down, first to last, and mark one as the fallback." />
        ) : (
          <>
            {fallbackName === null ? <p className="text-sm text-warning-700">No fallback yet: mark the person to call when nobody else answers.</p> : null}
            <ol className="grid gap-2" aria-label="Escalation order">
              {contacts.map((c, index) => (
                <li key={c.id} className="flex flex-col gap-2 rounded-control border border-border px-3 py-2.5 sm:flex-row sm:items-start sm:justify-between">
                  <div className="flex min-w-0 gap-3">
                    <span aria-hidden="true" className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-surface-sunken text-xs font-semibold text-fg-muted tabular-nums">
                      {index + 1}
                    </span>
                    <div className="grid min-w-0 gap-0.5">
                      <p className="flex flex-wrap items-center gap-1.5 font-medium text-fg">
                        <span className="sr-only">Number {index + 1}: </span>
                        {c.name}
                        {c.role ? <span className="font-normal text-fg-muted">· {c.role}</span> : null}
                        {c.isFallback ? <Badge tone="warning">Fallback</Badge> : null}
                      </p>
                      <p className="flex flex-wrap gap-x-3 text-sm">
                        {c.email ? (
                          <a className="break-all text-brand-700 underline" href={`mailto:${c.email}`}>
                            {c.email}
                          </a>
                        ) : null}
                        {c.phone ? (
                          <a className="text-brand-700 underline" href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>
                            {c.phone}
                          </a>
                        ) : null}
                      </p>
                      {c.notes ? <p className="text-sm whitespace-pre-wrap text-fg-muted">{c.notes}</p> : null}
                    </div>
                  </div>
                  {canEdit ? (
                    <div className="flex shrink-0 flex-wrap items-center">
                      <Button variant="ghost" size="sm" disabled={index === 0} aria-label={`Call ${c.name} earlier`} onClick={() => submit(() => move.mutateAsync({ projectId, contactId: c.id, direction: 'up' }))}>
                        ↑
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={index === contacts.length - 1}
                        aria-label={`Call ${c.name} later`}
                        onClick={() => submit(() => move.mutateAsync({ projectId, contactId: c.id, direction: 'down' }))}
                      >
                        ↓
                      </Button>
                      {c.isFallback ? null : (
                        <Button variant="ghost" size="sm" loading={fallback.isPending && fallback.variables?.contactId === c.id} onClick={() => submit(() => fallback.mutateAsync({ projectId, contactId: c.id }), { success: `${c.name} is now the fallback` })}>
                          Make fallback
                        </Button>
                      )}
                      <Button variant="ghost" size="sm" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                        Edit
                      </Button>
                      <ConfirmButton
                        label="Remove"
                        aria-label={`Remove ${c.name}`}
                        title={`Remove ${c.name}?`}
                        description="They leave the escalation order; the people after them move up."
                        confirmLabel="Remove"
                        pending={remove.isPending}
                        onConfirm={() => submit(() => remove.mutateAsync({ projectId, contactId: c.id }), { success: `${c.name} removed` })}
                      />
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </CardContent>
      {canEdit ? (
        <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={editing === 'new' ? 'Add a contact' : `Edit ${editing?.name ?? ''}`} size="lg">
          <ContactForm projectId={projectId} initial={editing && editing !== 'new' ? editing : undefined} fallbackName={fallbackName} onDone={() => setEditing(null)} />
        </Dialog>
      ) : null}
    </Card>
  );
}
