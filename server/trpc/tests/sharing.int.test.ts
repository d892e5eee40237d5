import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import type { SessionUser } from '../context';
import { fieldErrorsOf, refusal } from '@/test/trpc/expect-refusal';
import { count, eq } from 'drizzle-orm';
import { outboxMessages, projectShares } from '@/db/schema';

let app: TestApp;
let consultant: SessionUser;
let workspaceId: string;
let sharedId: string;
let privateId: string;

const fields = { productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'idea-prototype', primaryDomain: 'example.com' } as const;

beforeAll(async () => {
  app = await createTestApp();
  consultant = await app.signUp('Connie Consultant');
  workspaceId = (await app.caller(consultant).workspace.create({ name: 'Connie Consulting' })).id;
  sharedId = (await app.caller(consultant).project.create({ workspaceId, name: 'Client A', ...fields })).id;
  privateId = (await app.caller(consultant).project.create({ workspaceId, name: 'Client B', ...fields })).id;
});
afterAll(() => app.close());

describe('sharing a project with a client', () => {
  it('gives the client that one project, with only the access granted, until it is withdrawn', async () => {
    const client = await app.signUp('Cleo Client');
    await app.caller(consultant).project.share({ projectId: sharedId, email: client.email, role: 'commenter' });
    const link = (await app.lastMailTo(client.email))!.link!;
    const token = link.split('/share/')[1]!;

    // Not yet accepted: nothing is visible.
    expect((await refusal(app.caller(client).project.get({ projectId: sharedId }))).code).toBe('NOT_FOUND');
    expect((await app.caller(client).project.acceptShare({ token })).projectId).toBe(sharedId);

    const project = await app.caller(client).project.get({ projectId: sharedId });
    expect(project.access).toEqual({ via: 'client', role: 'commenter', permissions: ['project:read', 'item:comment'] });
    expect((await app.caller(client).project.sharedWithMe()).map((p) => p.name)).toEqual(['Client A']);
    expect((await refusal(app.caller(client).project.get({ projectId: privateId }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(client).workspace.get({ workspaceId }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(client).project.list({ workspaceId }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(client).project.update({ projectId: sharedId, name: 'Hijacked', ...fields }))).code).toBe('FORBIDDEN');

    const [share] = await app.caller(consultant).project.shares({ projectId: sharedId });
    await app.caller(consultant).project.revokeShare({ projectId: sharedId, shareId: share!.id });
    expect((await refusal(app.caller(client).project.get({ projectId: sharedId }))).code).toBe('NOT_FOUND');
    expect(await app.caller(client).project.sharedWithMe()).toEqual([]);
  });

  it('refuses a share link opened by another account', async () => {
    await app.caller(consultant).project.share({ projectId: sharedId, email: 'real.client@example.test', role: 'viewer' });
    const token = (await app.lastMailTo('real.client@example.test'))!.link!.split('/share/')[1]!;
    const intruder = await app.signUp('Ingrid');
    expect((await refusal(app.caller(intruder).project.acceptShare({ token }))).code).toBe('FORBIDDEN');
    expect((await refusal(app.caller(intruder).project.get({ projectId: sharedId }))).code).toBe('NOT_FOUND');
  });

  it('refuses to share with yourself or a workspace member, with a message beside the email field, and changes nothing', async () => {
    const colleague = await app.signUp('Cole League');
    await app.caller(consultant).workspace.invite({ workspaceId, email: colleague.email, role: 'member' });
    const token = (await app.lastMailTo(colleague.email))!.link!.split('/invite/')[1]!;
    await app.caller(colleague).workspace.acceptInvitation({ token });
    const shares = async () => (await app.db.select({ n: count() }).from(projectShares).where(eq(projectShares.projectId, privateId)))[0]!.n;
    const mails = async (to: string) => (await app.db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.to, to)))[0]!.n;
    const [sharesBefore, selfMailsBefore] = [await shares(), await mails(consultant.email)];

    const self = await refusal(app.caller(consultant).project.share({ projectId: privateId, email: consultant.email.toUpperCase(), role: 'viewer' }));
    expect(fieldErrorsOf(self)).toEqual({ email: 'That is your own address: you already see this project. Enter your client’s email.' });
    const member = await refusal(app.caller(consultant).project.share({ projectId: privateId, email: colleague.email, role: 'viewer' }));
    expect(fieldErrorsOf(member).email).toBe(`${colleague.email} is a member of this workspace and already sees this project.`);

    expect(await shares()).toBe(sharesBefore);
    expect(await mails(consultant.email)).toBe(selfMailsBefore);
  });
});
