'use client';
/** One list of handover entries (limitations, ranked improvements or weekly checks) with its add form. */
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { BUSINESS_VALUE_LABELS, type EntryKind } from '@/server/records/vocabulary';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { EntryForm } from './entry-form';
import type { EntryView } from './types';

const VALUE_TONES: Record<number, BadgeTone> = { 5: 'danger', 4: 'warning', 3: 'info', 2: 'neutral', 1: 'neutral' };

type Props = {
  projectId: string;
  kind: EntryKind;
  title: string;
  description: string;
  noun: string;
  placeholder: string;
  empty: string;
  entries: EntryView[];
  canEdit: boolean;
  /** Extra content under the list, e.g. the playbook's suggestions. */
  children?: ReactNode;
};

export function EntriesCard({ projectId, kind, title, description, noun, placeholder, empty, entries, canEdit, children }: Props) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.handover.removeEntry.mutationOptions());
  const { submit } = useFormAction();
  const [editing, setEditing] = useState<EntryView | null>(null);
  const List = kind === 'known_limitation' ? 'ul' : 'ol';

  return (
    <Card className="flex flex-col">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid flex-1 content-start gap-3">
        {entries.length === 0 ? <p className="text-sm text-fg-muted">{empty}</p> : null}
        <List className="grid gap-2" aria-label={title}>
          {entries.map((e) => (
            <li key={e.id} className="flex items-start justify-between gap-2 rounded-control border border-border px-3 py-2">
              <div className="grid min-w-0 gap-0.5">
                <p className="text-sm font-medium text-fg">{e.title}</p>
                {e.businessValue !== null ? (
                  <div>
                    <Badge tone={VALUE_TONES[e.businessValue]}>
                      Value {e.businessValue} of 5 · {BUSINESS_VALUE_LABELS[e.businessValue]}
                    </Badge>
                  </div>
                ) : null}
                {e.detail ? <p className="text-sm whitespace-pre-wrap text-fg-muted">{e.detail}</p> : null}
              </div>
              {canEdit ? (
                <div className="flex shrink-0">
                  <Button variant="ghost" size="sm" onClick={() => setEditing(e)} aria-label={`Edit “${e.title}”`}>
                    Edit
                  </Button>
                  <ConfirmButton
                    label="Remove"
                    aria-label={`Remove “${e.title}”`}
                    title={`Remove this ${noun}?`}
                    description={e.title}
                    confirmLabel="Remove"
                    pending={remove.isPending}
                    onConfirm={() => submit(() => remove.mutateAsync({ projectId, entryId: e.id }), { success: 'Removed' })}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </List>
        {children}
        {canEdit ? <EntryForm projectId={projectId} kind={kind} noun={noun} placeholder={placeholder} /> : null}
      </CardContent>
      {canEdit ? (
        <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={`Edit the ${noun}`} size="lg">
          {editing ? <EntryForm projectId={projectId} kind={kind} noun={noun} placeholder={placeholder} entry={editing} onDone={() => setEditing(null)} /> : null}
        </Dialog>
      ) : null}
    </Card>
  );
}
