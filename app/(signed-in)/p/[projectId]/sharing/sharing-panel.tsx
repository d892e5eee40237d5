'use client';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { CLIENT_ROLE_LABELS, CLIENT_ROLES, type ClientRole } from '@/server/auth/permissions';

type Share = { id: string; email: string; role: ClientRole; acceptedAt: string | null; expiresAt: string; clientName: string | null };

export function SharingPanel({ projectId, shares }: { projectId: string; shares: Share[] }) {
  const trpc = useTRPC();
  const { errors, submit } = useFormAction();
  const share = useMutation(trpc.project.share.mutationOptions());
  const revoke = useMutation(trpc.project.revokeShare.mutationOptions());

  async function onShare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await submit(() => share.mutateAsync({ projectId, email: String(form.get('email')), role: String(form.get('role')) as ClientRole }), {
      success: 'Shared',
      successDetail: 'The client gets an email with a link to the project.',
      failure: 'Could not share',
      reset: formElement,
    });
  }

  const onRevoke = (shareId: string, email: string) =>
    submit(() => revoke.mutateAsync({ projectId, shareId }), { success: `${email} no longer has access`, failure: 'Could not withdraw access' });

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Invite a client</CardTitle>
          <CardDescription>The link in the email works for 14 days, and only for the address you enter.</CardDescription>
        </CardHeader>
        <CardContent>
          <form method="post" onSubmit={onShare} className="grid gap-3 sm:grid-cols-[1fr_18rem_auto] sm:items-start" noValidate aria-label="Share with a client">
            <Field label="Client email" error={errors.email}>
              <Input name="email" type="email" required autoComplete="off" />
            </Field>
            <Field label="They may" error={errors.role}>
              <Select name="role" defaultValue="commenter">
                {CLIENT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {CLIENT_ROLE_LABELS[role]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" className="sm:mt-6" loading={share.isPending} loadingText="Sharing…">
              Share
            </Button>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Who has access</CardTitle>
        </CardHeader>
        <CardContent>
          {shares.length === 0 ? (
            <EmptyState title="Not shared yet" description="Clients you invite appear here, with whether they have opened the link." />
          ) : (
            <Table aria-label="Clients with access">
              <THead>
                <TR>
                  <TH>Client</TH>
                  <TH>Access</TH>
                  <TH>State</TH>
                  <TH>
                    <span className="sr-only">Actions</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {shares.map((s) => (
                  <TR key={s.id}>
                    <TD>
                      <div className="font-medium">{s.clientName ?? s.email}</div>
                      {s.clientName ? <div className="text-xs text-fg-muted">{s.email}</div> : null}
                    </TD>
                    <TD>{CLIENT_ROLE_LABELS[s.role]}</TD>
                    <TD>
                      {s.acceptedAt ? <Badge tone="success">Joined</Badge> : <Badge tone="info">Invited</Badge>}
                    </TD>
                    <TD className="text-right">
                      <ConfirmButton
                        label="Withdraw access"
                        aria-label={`Withdraw access for ${s.email}`}
                        title={`Withdraw access for ${s.email}?`}
                        description="The project disappears from their account at once; an unused link stops working."
                        confirmLabel="Withdraw access"
                        pending={revoke.isPending}
                        onConfirm={() => onRevoke(s.id, s.email)}
                      />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
