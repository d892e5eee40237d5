'use client';
/**
 * One text document (runbook, rollback path, incident template). Editors write in a textarea;
 * everyone else reads it. A starter text (the incident template) fills an empty document.
 */
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { dateTime } from './format';
import type { DocumentView } from './types';

type Props = { projectId: string; title: string; description: string; document: DocumentView; canEdit: boolean };

export function DocumentCard({ projectId, title, description, document, canEdit }: Props) {
  const trpc = useTRPC();
  const deployment = useMutation(trpc.deployment.saveDocument.mutationOptions());
  const observability = useMutation(trpc.observability.saveDocument.mutationOptions());
  const { errors, submit } = useFormAction();
  const suggested = document.body === null && document.starter !== null;
  const text = document.body ?? document.starter;

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get('body') ?? '');
    await submit(
      () =>
        document.kind === 'incident_template'
          ? observability.mutateAsync({ projectId, kind: document.kind, body })
          : deployment.mutateAsync({ projectId, kind: document.kind, body }),
      { success: body.trim() ? `${title} saved` : `${title} cleared`, failure: `Could not save the ${title.toLowerCase()}` },
    );
  }

  const saved = document.updatedAt ? `Last saved ${dateTime(document.updatedAt)}${document.updatedBy ? ` by ${document.updatedBy}` : ''}.` : null;

  return (
    <Card className="flex flex-col">
      <CardHeader actions={suggested ? <Badge tone="info">Suggested</Badge> : null}>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid flex-1 gap-3">
        {canEdit ? (
          <form method="post" onSubmit={onSave} className="grid gap-3" noValidate aria-label={title}>
            <Field
              label={<span className="sr-only">{title}</span>}
              hint={suggested ? 'A starting point: adjust it to how you work, then save it to make it yours.' : (saved ?? 'Not written yet: the grey text only suggests what to cover.')}
              error={errors.body}
            >
              <Textarea name="body" defaultValue={text ?? ''} placeholder={document.prompt} rows={8} maxLength={20_000} className="font-mono text-[0.8125rem]" />
            </Field>
            <div>
              <Button type="submit" size="sm" variant="secondary" loading={deployment.isPending || observability.isPending}>
                {suggested ? 'Save as our template' : 'Save'}
              </Button>
            </div>
          </form>
        ) : text ? (
          <>
            <pre tabIndex={0} className="max-h-96 overflow-auto rounded-control bg-surface-muted px-3 py-2 font-mono text-[0.8125rem] whitespace-pre-wrap text-fg">{text}</pre>
            <p className="text-xs text-fg-muted">{suggested ? 'Suggested template; the team has not adapted it yet.' : saved}</p>
          </>
        ) : (
          <p className="text-sm text-fg-muted">Not written yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
