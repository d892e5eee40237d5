import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { user, workspaceInvitations, workspaceMembers } from '@/db/schema';
import type { SessionUser } from '../context';
import { refusal } from '@/test/trpc/expect-refusal';

let app: TestApp;
let owner: SessionUser;
let workspaceId: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp('Olive Owner');
  workspaceId = (await app.caller(owner).workspace.create({ name: 'Olive & Co' })).id;
});
afterAll(() => app.close());

const tokenOf = (link: string | null) => link!.split('/invite/')[1]!;

describe('workspaces', () => {
  it('invites by email; the invitee accepts with the emailed link and becomes a member with the role given', async () => {
    const invitee = await app.signUp('Ivan Invitee');
    await app.caller(owner).workspace.invite({ workspaceId, email: invitee.email.toUpperCase(), role: 'admin' });
    const mail = await app.lastMailTo(invitee.email);
    expect(mail?.subject).toBe('Olive Owner invited you to Olive & Co on Launch Ready');
    const token = tokenOf(mail!.link);

    expect(await app.caller(null).workspace.invitationPreview({ token })).toEqual({ workspaceName: 'Olive & Co', email: invitee.email, role: 'admin' });
    const accepted = await app.caller(invitee).workspace.acceptInvitation({ token });
    expect(accepted.workspaceId).toBe(workspaceId);
    expect((await app.caller(invitee).workspace.get({ workspaceId })).role).toBe('admin');
    // Holding the emailed token proved the address.
    const [row] = await app.db.select({ verified: user.emailVerified }).from(user).where(eq(user.id, invitee.id));
    expect(row?.verified).toBe(true);
    // A used link is dead.
    expect((await refusal(app.caller(invitee).workspace.acceptInvitation({ token }))).code).toBe('NOT_FOUND');
  });

  it('refuses an invitation link used by a different account', async () => {
    const intended = 'someone.else@example.test';
    await app.caller(owner).workspace.invite({ workspaceId, email: intended, role: 'member' });
    const token = tokenOf((await app.lastMailTo(intended))!.link);
    const other = await app.signUp('Mallory');
    const error = await refusal(app.caller(other).workspace.acceptInvitation({ token }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain(intended);
    expect((await refusal(app.caller(other).workspace.get({ workspaceId }))).code).toBe('NOT_FOUND');
  });

  it('refuses an unknown role with a field message and writes nothing', async () => {
    const [before] = await app.db.select({ n: count() }).from(workspaceInvitations);
    const error = await refusal(
      app.caller(owner).workspace.invite({ workspaceId, email: 'x@example.test', role: 'superuser' as unknown as 'member' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const [after] = await app.db.select({ n: count() }).from(workspaceInvitations);
    expect(after?.n).toBe(before?.n);
  });

  it('keeps at least one owner and lets only owners grant ownership', async () => {
    const adminUser = await app.signUp('Ada Admin');
    await app.db.insert(workspaceMembers).values({ workspaceId, userId: adminUser.id, role: 'admin' });
    expect((await refusal(app.caller(adminUser).workspace.changeRole({ workspaceId, userId: adminUser.id, role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await refusal(app.caller(adminUser).workspace.removeMember({ workspaceId, userId: owner.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(app.caller(owner).workspace.leave({ workspaceId }))).message).toMatch(/last owner/);
    const demote = await refusal(app.caller(owner).workspace.changeRole({ workspaceId, userId: owner.id, role: 'member' }));
    expect(demote.code).toBe('BAD_REQUEST');
    await app.caller(owner).workspace.changeRole({ workspaceId, userId: adminUser.id, role: 'owner' });
    await app.caller(owner).workspace.leave({ workspaceId });
    expect((await refusal(app.caller(owner).workspace.get({ workspaceId }))).code).toBe('NOT_FOUND');
  });

  it('does not invite someone who is already a member', async () => {
    const other = await app.signUp('Solo');
    const own = (await app.caller(other).workspace.create({ name: 'Solo' })).id;
    const error = await refusal(app.caller(other).workspace.invite({ workspaceId: own, email: other.email, role: 'member' }));
    expect(error.code).toBe('BAD_REQUEST');
  });
});
