'use client';
/** The environment-variable inventory: a table anyone on the project can read; editors add, edit and remove. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PlusIcon } from '@/components/ui/icons';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { EnvVarForm } from './env-var-form';
import { shortDate } from './format';
import type { EnvVarView, Member } from './types';

type Props = { projectId: string; envVars: EnvVarView[]; environments: string[]; members: Member[]; rotationDueDays: number; canEdit: boolean };

export function EnvVarInventory({ projectId, envVars, environments, members, rotationDueDays, canEdit }: Props) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.deployment.removeEnvVar.mutationOptions());
  const { submit } = useFormAction();
  // null: closed; 'new': adding; otherwise the entry being edited.
  const [editing, setEditing] = useState<EnvVarView | 'new' | null>(null);

  const due = envVars.filter((v) => v.rotationDue).length;

  return (
    <Card>
      <CardHeader
        actions={
          canEdit ? (
            <Button size="sm" variant="secondary" onClick={() => setEditing('new')}>
              <PlusIcon className="size-4" /> Add a variable
            </Button>
          ) : null
        }
      >
        <CardTitle>Environment variables</CardTitle>
        <CardDescription>Every variable the product needs: what it is for, who owns it and where the value is kept. Never the value itself.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {envVars.length === 0 ? (
          <EmptyState
            titleAs="h3"
            title="No variables listed yet"
            description="List each variable by name (DATABASE_URL, STRIPE_SECRET_KEY …) so the next person knows what production needs and where each secret lives."
          />
        ) : (
          <>
            {due > 0 ? (
              <p className="text-sm text-warning-700">
                {due === 1 ? '1 secret is' : `${due} secrets are`} due for rotation: not rotated in the last {rotationDueDays} days, or no date recorded.
              </p>
            ) : null}
            <Table aria-label="Environment variables">
              <THead>
                <TR>
                  <TH>Name</TH>
                  <TH>Used in</TH>
                  <TH>Owner</TH>
                  <TH>Where it is kept</TH>
                  <TH>Last rotated</TH>
                  {canEdit ? (
                    <TH>
                      <span className="sr-only">Actions</span>
                    </TH>
                  ) : null}
                </TR>
              </THead>
              <TBody>
                {envVars.map((v) => (
                  <TR key={v.id}>
                    <TD className="max-w-72">
                      <div className="flex flex-wrap items-center gap-1.5">
                        <span className="font-mono text-[0.8125rem] font-medium break-all">{v.name}</span>
                        {v.isSecret ? <Badge tone="info">Secret</Badge> : <Badge>Public</Badge>}
                      </div>
                      {v.purpose ? <div className="mt-0.5 text-xs text-fg-muted">{v.purpose}</div> : null}
                    </TD>
                    <TD>
                      <div className="flex flex-wrap gap-1">
                        {v.environments.length === 0 ? <span className="text-fg-subtle">—</span> : v.environments.map((e) => <Badge key={e}>{e}</Badge>)}
                      </div>
                    </TD>
                    <TD>{v.owner ?? <span className="text-fg-subtle">No owner</span>}</TD>
                    <TD className="max-w-56">{v.storedIn ?? (v.isSecret ? <span className="text-warning-700">Not recorded</span> : <span className="text-fg-subtle">—</span>)}</TD>
                    <TD className="whitespace-nowrap">
                      {v.lastRotatedOn ? shortDate(v.lastRotatedOn) : <span className="text-fg-subtle">Never recorded</span>}
                      {v.rotationDue ? (
                        <div>
                          <Badge tone="warning">Rotation due</Badge>
                        </div>
                      ) : null}
                    </TD>
                    {canEdit ? (
                      <TD className="text-right whitespace-nowrap">
                        <Button variant="ghost" size="sm" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>
                          Edit
                        </Button>
                        <ConfirmButton
                          label="Remove"
                          aria-label={`Remove ${v.name}`}
                          title={`Remove ${v.name}?`}
                          description="It leaves the inventory and the handover pack. The variable itself, wherever it is set, is not touched."
                          confirmLabel="Remove"
                          pending={remove.isPending}
                          onConfirm={() => submit(() => remove.mutateAsync({ projectId, envVarId: v.id }), { success: `${v.name} removed`, failure: 'Could not remove it' })}
                        />
                      </TD>
                    ) : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          </>
        )}
      </CardContent>
      {canEdit ? (
        <Dialog
          open={editing !== null}
          onOpenChange={(open) => !open && setEditing(null)}
          title={editing === 'new' ? 'Add a variable' : `Edit ${editing?.name ?? ''}`}
          description="Record the name and where the value is kept. If you paste a key or password by mistake, it is refused and nothing is saved."
          size="lg"
        >
          <EnvVarForm
            projectId={projectId}
            initial={editing && editing !== 'new' ? editing : undefined}
            environments={environments}
            members={members}
            onDone={() => setEditing(null)}
          />
        </Dialog>
      ) : null}
    </Card>
  );
}
