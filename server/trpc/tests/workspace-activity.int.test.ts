/** Membership changes are logged in the workspace's activity, which owners and admins read (docs/decisions/0017). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
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

const summaries = async (who: SessionUser) =>
  (await app.caller(who).workspace.activity({ workspaceId })).map((e) => `${e.actor ?? '?'} ${e.summary}`).reverse();

it('logs invitations, joining, role changes, removal and leaving, in order, for owners and admins only', async () => {
  const ivan = await app.signUp('Ivan Invitee');
  const mia = await app.signUp('Mia Member');
  await app.caller(owner).workspace.invite({ workspaceId, email: ivan.email, role: 'admin' });
  await app.caller(owner).workspace.invite({ workspaceId, email: 'nobody@example.test', role: 'member' });
  const open = (await app.caller(owner).workspace.members({ workspaceId })).invitations.find((i) => i.email === 'nobody@example.test')!;
  await app.caller(owner).workspace.revokeInvitation({ workspaceId, invitationId: open.id });
  await app.caller(ivan).workspace.acceptInvitation({ token: (await app.lastMailTo(ivan.email))!.link!.split('/invite/')[1]! });
  await app.caller(owner).workspace.invite({ workspaceId, email: mia.email, role: 'member' });
  await app.caller(mia).workspace.acceptInvitation({ token: (await app.lastMailTo(mia.email))!.link!.split('/invite/')[1]! });
  await app.caller(ivan).workspace.changeRole({ workspaceId, userId: mia.id, role: 'admin' });
  await app.caller(owner).workspace.removeMember({ workspaceId, userId: mia.id });
  await app.caller(ivan).workspace.leave({ workspaceId });

  expect(await summaries(owner)).toEqual([
    'Olive Owner created the workspace “Olive & Co”',
    `Olive Owner invited ${ivan.email} as admin`,
    'Olive Owner invited nobody@example.test as member',
    'Olive Owner withdrew the invitation to nobody@example.test',
    'Ivan Invitee accepted the invitation and joined as admin',
    `Olive Owner invited ${mia.email} as member`,
    'Mia Member accepted the invitation and joined as member',
    `Ivan Invitee changed Mia Member (${mia.email}) from member to admin`,
    `Olive Owner removed Mia Member (${mia.email}) (admin)`,
    'Ivan Invitee left the workspace (was admin)',
  ]);
});

it('refuses members, and a refused change logs nothing', async () => {
  const max = await app.signUp('Max Member');
  await app.caller(owner).workspace.invite({ workspaceId, email: max.email, role: 'member' });
  await app.caller(max).workspace.acceptInvitation({ token: (await app.lastMailTo(max.email))!.link!.split('/invite/')[1]! });
  expect((await refusal(app.caller(max).workspace.activity({ workspaceId }))).code).toBe('FORBIDDEN');
  const before = await summaries(owner);
  expect((await refusal(app.caller(owner).workspace.leave({ workspaceId }))).message).toMatch(/last owner/);
  expect(await summaries(owner)).toEqual(before);
});
