/**
 * The vault through its procedures: values go in and never come out (not in the list, the
 * table, the activity log or an error), clients and outsiders are refused, bad input changes
 * nothing, and a probe's box fills and masks with what was stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createTestApp, type TestApp } from '@/test/harness';
import { activityLog, projectSecrets } from '@/db/schema';
import { refusal } from '@/test/trpc/expect-refusal';
import { fieldErrorsOf, recordsProject } from '@/test/trpc/records-fixtures';
import { rowsOf } from '@/server/monitoring/sql-rows';
import { randomBytes } from 'node:crypto';
import { MASK, openProjectSecrets } from '.';
import { keyringOf, processKeyring, useKeyring, vaultKey, type Keyring } from './keyring';
import { resealSecrets } from './rotate';

let app: TestApp;
let world: Awaited<ReturnType<typeof recordsProject>>;
let otherProjectId: string;
const secrets = (who = world.founder) => app.caller(who).secrets;
const projectId = () => world.projectId;

const WEBHOOK_SECRET = ['whsec', 'canary', 'Q7vK2mPz9XcR4tLw8NbY'].join('_');
const REPLACED = ['whsec', 'rotated', 'H3jD6sFa1GkU5yTe0OiP'].join('_');

beforeAll(async () => {
  app = await createTestApp();
  world = await recordsProject(app);
  const other = await app.caller(world.founder).project.create({
    workspaceId: world.workspaceId,
    name: 'Other product',
    productType: 'saas-dashboard',
    segment: 'coach-consultant',
    maturity: 'idea-prototype',
    primaryDomain: 'example.org',
  });
  otherProjectId = other.id;
});
afterAll(() => app.close());

async function state() {
  const rows = await app.db.select().from(projectSecrets).where(eq(projectSecrets.projectId, projectId())).orderBy(projectSecrets.name);
  const [log] = await app.db.select({ n: count() }).from(activityLog).where(eq(activityLog.projectId, projectId()));
  return { rows, log: log!.n };
}

/** Everything the database holds as text, to prove a value is nowhere in it. */
async function wholeDatabaseText(): Promise<string> {
  const tables = await rowsOf<{ table_name: string }>(app.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await rowsOf<{ row: string }>(app.db, sql`select t::text as row from ${sql.identifier(table_name)} t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

describe('project secrets', () => {
  it('stores a value sealed, lists names and dates only, and logs the name, never the value', async () => {
    expect(await secrets().set({ projectId: projectId(), name: 'STRIPE_WEBHOOK_SECRET', value: `  ${WEBHOOK_SECRET}\n` })).toEqual({ name: 'STRIPE_WEBHOOK_SECRET', replaced: false });
    await secrets(world.member).set({ projectId: projectId(), name: 'TEST_PASSWORD', value: 'correct horse battery staple' });

    const list = await secrets().list({ projectId: projectId() });
    expect(list.map((s) => s.name)).toEqual(['STRIPE_WEBHOOK_SECRET', 'TEST_PASSWORD']);
    expect(list[0]).toMatchObject({ createdByName: 'Fiona Founder', updatedByName: 'Fiona Founder' });
    expect(list[1]).toMatchObject({ createdByName: 'Mo Member' });
    expect(list[0]!.updatedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(list)).not.toContain('whsec');

    const { rows } = await state();
    expect(rows[0]).toMatchObject({ name: 'STRIPE_WEBHOOK_SECRET', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const everything = await wholeDatabaseText();
    expect(everything).not.toContain('canary_Q7vK');
    expect(everything).not.toContain('horse battery');
    expect(everything).toContain('added the secret “STRIPE_WEBHOOK_SECRET”');

    const box = await openProjectSecrets(app.db, projectId());
    // Trimmed on the way in: the spaces and line break around a pasted value were an accident.
    expect(box.fill('Stripe-Signature: {{secret.STRIPE_WEBHOOK_SECRET}}')).toBe(`Stripe-Signature: ${WEBHOOK_SECRET}`);
    expect(box.mask(`echo ${WEBHOOK_SECRET} and correct horse battery staple`)).toBe(`echo ${MASK} and ${MASK}`);
  });

  it('replaces a value in place and says so in the activity log', async () => {
    const before = await state();
    expect(await secrets(world.member).set({ projectId: projectId(), name: 'STRIPE_WEBHOOK_SECRET', value: REPLACED })).toEqual({ name: 'STRIPE_WEBHOOK_SECRET', replaced: true });
    const after = await state();
    expect(after.rows).toHaveLength(2);
    expect(after.rows[0]!.id).toBe(before.rows[0]!.id);
    expect(after.rows[0]!.ciphertext).not.toBe(before.rows[0]!.ciphertext);
    expect((await secrets().list({ projectId: projectId() }))[0]).toMatchObject({ createdByName: 'Fiona Founder', updatedByName: 'Mo Member' });
    const box = await openProjectSecrets(app.db, projectId());
    expect(box.fill('{{secret.STRIPE_WEBHOOK_SECRET}}')).toBe(REPLACED);
    expect(box.values).not.toContain(WEBHOOK_SECRET);
    const [entry] = await app.db.select().from(activityLog).where(eq(activityLog.action, 'secret.replace'));
    expect(entry).toMatchObject({ summary: 'replaced the value of the secret “STRIPE_WEBHOOK_SECRET”', details: { name: 'STRIPE_WEBHOOK_SECRET' } });
  });

  it('keeps each project’s secrets to itself', async () => {
    const other = await openProjectSecrets(app.db, otherProjectId);
    expect(other.names).toEqual([]);
    expect(() => other.fill('{{secret.STRIPE_WEBHOOK_SECRET}}')).toThrow(/The secret STRIPE_WEBHOOK_SECRET is not set for this project/);
    expect(await secrets().list({ projectId: otherProjectId })).toEqual([]);
    // A row copied into another project does not open there: the project is sealed into it.
    const [row] = await app.db.select().from(projectSecrets).where(eq(projectSecrets.name, 'TEST_PASSWORD'));
    await app.db.insert(projectSecrets).values({ ...row!, id: crypto.randomUUID(), projectId: otherProjectId });
    await expect(openProjectSecrets(app.db, otherProjectId).then((box) => box.fill('{{secret.TEST_PASSWORD}}'))).rejects.toThrow(/cannot be read on this server/);
    await app.db.delete(projectSecrets).where(eq(projectSecrets.projectId, otherProjectId));
  });

  it('refuses clients (even collaborators) and outsiders, who change nothing', async () => {
    const before = await state();
    for (const who of [world.viewer, world.collaborator]) {
      expect((await refusal(secrets(who).list({ projectId: projectId() }))).code).toBe('FORBIDDEN');
      expect((await refusal(secrets(who).set({ projectId: projectId(), name: 'TEST_PASSWORD', value: 'taken-over-by-client' }))).code).toBe('FORBIDDEN');
      expect((await refusal(secrets(who).remove({ projectId: projectId(), name: 'TEST_PASSWORD' }))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(secrets(world.outsider).list({ projectId: projectId() }))).code).toBe('NOT_FOUND');
    expect((await refusal(secrets(world.outsider).set({ projectId: projectId(), name: 'X_KEY', value: 'outsider-writes-here' }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(null).secrets.list({ projectId: projectId() }))).code).toBe('UNAUTHORIZED');
    expect(await state()).toEqual(before);
  });

  it('answers bad input with a 400 naming the field, and changes nothing', async () => {
    const before = await state();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'has space', value: 'long-enough-value' }, 'name', /letters, digits/],
      [{ name: 'x'.repeat(65), value: 'long-enough-value' }, 'name', /64 characters/],
      [{ name: '', value: 'long-enough-value' }, 'name', /Name the secret/],
      [{ name: 'SHORT', value: 'abc1234' }, 'value', /at least 8 characters/],
      [{ name: 'NUL', value: 'before\u0000after-value' }, 'value', /control characters/],
      [{ name: 'HUGE', value: 'x'.repeat(8193) }, 'value', /under 8,192 characters/],
      [{ name: 'NUMBER', value: 12345678 }, 'value', /./],
    ];
    for (const [input, field, message] of cases) {
      const error = await refusal(secrets().set({ projectId: projectId(), ...input } as never));
      expect(getHTTPStatusCodeFromError(error)).toBe(400);
      expect(fieldErrorsOf(error)[field]).toMatch(message);
    }
    expect((await refusal(secrets().remove({ projectId: projectId(), name: 'NEVER_SET' }))).code).toBe('NOT_FOUND');
    expect((await refusal(secrets().remove({ projectId: projectId(), name: '../etc' }))).code).toBe('BAD_REQUEST');
    expect(await state()).toEqual(before);
  });

  it('the table itself refuses a name no placeholder could use', async () => {
    const [row] = await app.db.select().from(projectSecrets).limit(1);
    await expect(app.db.insert(projectSecrets).values({ ...row!, id: crypto.randomUUID(), name: 'bad name' })).rejects.toThrow();
  });

  it('removes a secret: later work that names it is told which one is missing', async () => {
    expect(await secrets(world.member).remove({ projectId: projectId(), name: 'TEST_PASSWORD' })).toEqual({ name: 'TEST_PASSWORD' });
    expect((await secrets().list({ projectId: projectId() })).map((s) => s.name)).toEqual(['STRIPE_WEBHOOK_SECRET']);
    const box = await openProjectSecrets(app.db, projectId());
    expect(() => box.fill('{"password":"{{secret.TEST_PASSWORD}}"}')).toThrow(/TEST_PASSWORD is not set/);
    const [entry] = await app.db.select().from(activityLog).where(eq(activityLog.action, 'secret.remove'));
    expect(entry!.summary).toBe('removed the secret “TEST_PASSWORD”');
  });
});

describe('key rotation', () => {
  it('re-seals rows under the new key, reads old rows until then, and reports rows no key opens', async () => {
    // The rows of the tests above were sealed with this process's test key: it stays readable as an old key.
    const first = processKeyring().current;
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const ringOf = (current: string, previous: string[]): Keyring => ({ current: vaultKey(current), previous: [...previous.map(vaultKey), first] });
    useKeyring(ringOf(oldKey, []));
    await secrets().set({ projectId: projectId(), name: 'ROTATE_ME', value: 'value-before-rotation' });

    // The new key is current; the old one still opens what it sealed.
    const ring = ringOf(newKey, [oldKey]);
    useKeyring(ring);
    expect((await openProjectSecrets(app.db, projectId())).fill('{{secret.ROTATE_ME}}')).toBe('value-before-rotation');
    const report = await resealSecrets(app.db, ring);
    expect(report.resealed).toBeGreaterThanOrEqual(1);
    const keyIds = (await app.db.select({ keyId: projectSecrets.keyId }).from(projectSecrets)).map((r) => r.keyId);
    expect(new Set(keyIds)).toEqual(new Set([ring.current.id]));

    // The old key can go now.
    useKeyring(keyringOf({ current: newKey, previous: [] }));
    expect((await openProjectSecrets(app.db, projectId())).fill('{{secret.ROTATE_ME}}')).toBe('value-before-rotation');
    expect(await resealSecrets(app.db, keyringOf({ current: newKey, previous: [] }))).toEqual({ resealed: 0, unreadable: [] });

    // A row sealed with a key nobody configured is reported, not lost or overwritten.
    const lostKey = randomBytes(32).toString('base64');
    useKeyring(keyringOf({ current: lostKey, previous: [] }));
    await secrets().set({ projectId: projectId(), name: 'LOST_KEY_ROW', value: 'sealed-with-a-lost-key' });
    useKeyring(keyringOf({ current: newKey, previous: [] }));
    const lost = await resealSecrets(app.db, keyringOf({ current: newKey, previous: [] }));
    expect(lost.unreadable).toEqual([{ projectId: projectId(), name: 'LOST_KEY_ROW', reason: expect.stringMatching(/key this server does not have/) }]);
    await expect(openProjectSecrets(app.db, projectId()).then((box) => box.fill('{{secret.LOST_KEY_ROW}}'))).rejects.toThrow(/cannot be read on this server/);
  });
});
