/** A workspace sends a bounded number of invitation and share emails per hour, counted in the database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { INVITATIONS_PER_HOUR, takeInvitationSend } from '@/server/services/invitation-limit';
import { workspaceInvitationSends } from '@/db/schema';
import type { SessionUser } from '../context';
import { refusal } from '@/test/trpc/expect-refusal';

let app: TestApp;
const fields = { productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'idea-prototype', primaryDomain: 'example.com' } as const;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function workspaceWithProject(owner: SessionUser, name: string) {
  const workspaceId = (await app.caller(owner).workspace.create({ name })).id;
  const projectId = (await app.caller(owner).project.create({ workspaceId, name: `${name} project`, ...fields })).id;
  return { workspaceId, projectId };
}

describe('invitation and share limit per workspace', () => {
  it('refuses the next invitation or share with TOO_MANY_REQUESTS once the hour is used up, sending nothing', { timeout: 90_000 }, async () => {
    const owner = await app.signUp('Spammy Sam');
    const { workspaceId, projectId } = await workspaceWithProject(owner, 'Bulk Mail Ltd');
    // Invitations and shares draw on the same allowance; re-sending to one address counts too.
    for (let i = 0; i < INVITATIONS_PER_HOUR; i++) {
      if (i % 3 === 0) await app.caller(owner).project.share({ projectId, email: 'same.client@example.test', role: 'viewer' });
      else await app.caller(owner).workspace.invite({ workspaceId, email: `invitee${i}@example.test`, role: 'member' });
    }
    const invite = await refusal(app.caller(owner).workspace.invite({ workspaceId, email: 'one.more@example.test', role: 'member' }));
    expect(invite.code).toBe('TOO_MANY_REQUESTS');
    expect(invite.message).toMatch(/invitations and shares per hour/);
    const share = await refusal(app.caller(owner).project.share({ projectId, email: 'another.client@example.test', role: 'viewer' }));
    expect(share.code).toBe('TOO_MANY_REQUESTS');
    expect(await app.lastMailTo('one.more@example.test')).toBeFalsy();
    expect(await app.lastMailTo('another.client@example.test')).toBeFalsy();

    // Another workspace has its own allowance.
    const quinn = await app.signUp('Quiet Quinn');
    const other = await workspaceWithProject(quinn, 'Quiet Co');
    await app.caller(quinn).workspace.invite({ workspaceId: other.workspaceId, email: 'one.more@example.test', role: 'member' });
    expect(await app.lastMailTo('one.more@example.test')).toBeTruthy();
  });

  // Two web processes are two connections; PGlite has one, so this runs on PostgreSQL only.
  it.skipIf(process.env.LR_TEST_DRIVER !== 'postgres')('holds across connections: a second send waits for the first and sees it', { timeout: 60_000 }, async () => {
    const owner = await app.signUp('Racing Rae');
    const { workspaceId } = await workspaceWithProject(owner, 'Race Ltd');
    const now = Date.now();
    await app.db.insert(workspaceInvitationSends).values(Array.from({ length: INVITATIONS_PER_HOUR - 1 }, (_, i) => ({ workspaceId, sentAt: new Date(now - 1000 - i) })));
    let release!: () => void;
    let took!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const firstTook = new Promise<void>((r) => (took = r));
    const first = app.db.transaction(async (tx) => {
      await takeInvitationSend(tx, workspaceId);
      took();
      await held;
    });
    await firstTook;
    const second = refusal(app.db.transaction((tx) => takeInvitationSend(tx, workspaceId))).then((error) => error.code, (error: Error) => error.message);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await first;
    expect(await second).toBe('TOO_MANY_REQUESTS');
  });
});
