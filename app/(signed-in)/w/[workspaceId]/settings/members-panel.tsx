'use client';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { WorkspaceRole } from '@/server/auth/permissions';
import { formatDate } from '@/components/ui/dates';

type Member = { userId: string; name: string; email: string; role: WorkspaceRole; joinedAt: string };
type Invitation = { id: string; email: string; role: WorkspaceRole; expiresAt: string };

const ROLE_LABELS: Record<WorkspaceRole, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
const ROLE_HINT = 'Members create and work on projects; admins also manage people, sharing and archiving; owners can do everything.';

export function MembersPanel(props: {
  workspaceId: string;
  myUserId: string;
  myRole: WorkspaceRole;
  canManage: boolean;
  members: Member[];
  invitations: Invitation[];
}) {
  const { workspaceId, canManage } = props;
  const trpc = useTRPC();
  const { errors, submit } = useFormAction();
  const invite = useMutation(trpc.workspace.invite.mutationOptions());
  const changeRole = useMutation(trpc.workspace.changeRole.mutationOptions());
  const remove = useMutation(trpc.workspace.removeMember.mutationOptions());
  const revoke = useMutation(trpc.workspace.revokeInvitation.mutationOptions());
  const leave = useMutation(trpc.workspace.leave.mutationOptions());
  const roles: WorkspaceRole[] = props.myRole === 'owner' ? ['owner', 'admin', 'member'] : ['admin', 'member'];
  const soleOwner = props.myRole === 'owner' && props.members.filter((m) => m.role === 'owner').length === 1;

  const run = (action: () => Promise<unknown>, done: string) => submit(action, { success: done });

  async function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await submit(() => invite.mutateAsync({ workspaceId, email: String(form.get('email')), role: String(form.get('role')) as WorkspaceRole }), {
      success: 'Invitation sent',
      failure: 'Could not invite',
      reset: formElement,
    });
  }

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>People in this workspace see all of its projects.</CardDescription>
        </CardHeader>
        <CardContent>
          <Table aria-label="Members">
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Email</TH>
                <TH>Role</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {props.members.map((member) => (
                <TR key={member.userId}>
                  <TD className="font-medium">{member.name}</TD>
                  <TD>{member.email}</TD>
                  <TD>
                    {canManage && member.userId !== props.myUserId && (props.myRole === 'owner' || member.role !== 'owner') ? (
                      <Select
                        aria-label={`Role of ${member.name}`}
                        defaultValue={member.role}
                        onChange={(e) =>
                          run(
                            () => changeRole.mutateAsync({ workspaceId, userId: member.userId, role: e.target.value as WorkspaceRole }),
                            `${member.name} is now ${e.target.value}`,
                          )
                        }
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <Badge>{member.role}</Badge>
                    )}
                  </TD>
                  <TD className="text-right">
                    {member.userId === props.myUserId ? (
                      soleOwner ? null : (
                        <ConfirmButton
                          label="Leave"
                          title="Leave this workspace?"
                          description="You lose access to all of its projects until someone invites you again."
                          confirmLabel="Leave workspace"
                          pending={leave.isPending}
                          onConfirm={() => run(async () => { await leave.mutateAsync({ workspaceId }); window.location.assign('/app'); }, 'You left the workspace')}
                        />
                      )
                    ) : canManage && (props.myRole === 'owner' || member.role !== 'owner') ? (
                      <ConfirmButton
                        label="Remove"
                        aria-label={`Remove ${member.name}`}
                        title={`Remove ${member.name}?`}
                        description="They lose access to every project in this workspace. You can invite them again later."
                        confirmLabel="Remove member"
                        pending={remove.isPending}
                        onConfirm={() => run(() => remove.mutateAsync({ workspaceId, userId: member.userId }), `${member.name} was removed`)}
                      />
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {soleOwner ? (
            // Leaving would fail: say what to do instead of offering a button that cannot work.
            <p className="mt-3 text-sm text-fg-muted">You are the only owner, so you cannot leave. To leave, make someone else owner first.</p>
          ) : null}
        </CardContent>
      </Card>

      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite someone</CardTitle>
            <CardDescription>They get an email with a link; it works for 7 days. To give a client one project only, share that project instead.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <form method="post" onSubmit={onInvite} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate aria-label="Invite a member">
              <Field label="Email" error={errors.email}>
                <Input name="email" type="email" required autoComplete="off" />
              </Field>
              <Field label="Role" error={errors.role}>
                <Select name="role" defaultValue="member">
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" className="sm:mt-6" loading={invite.isPending} loadingText="Sending…">
                Send invitation
              </Button>
              <p className="text-sm text-fg-muted sm:col-span-3">{ROLE_HINT}</p>
            </form>
            {props.invitations.length > 0 ? (
              <Table aria-label="Pending invitations">
                <THead>
                  <TR>
                    <TH>Invited</TH>
                    <TH>Role</TH>
                    <TH>Expires</TH>
                    <TH>
                      <span className="sr-only">Actions</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {props.invitations.map((invitation) => (
                    <TR key={invitation.id}>
                      <TD>{invitation.email}</TD>
                      <TD>
                        <Badge tone="info">{invitation.role}</Badge>
                      </TD>
                      <TD>{formatDate(invitation.expiresAt)}</TD>
                      <TD className="text-right">
                        <Button
                          variant="ghost"
                          size="sm"
                          onClick={() => run(() => revoke.mutateAsync({ workspaceId, invitationId: invitation.id }), 'Invitation withdrawn')}
                        >
                          Withdraw
                        </Button>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
