/**
 * Issue 17, items 1 and 7 at the tRPC level: secrets through side fields (the inventory's
 * environments), NUL bytes and year 0000 (400 with field messages, never a 500, nothing
 * written), and database errors logged without the values of their parameters.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { activityLog, envVars, itemComments, monitors, projectShares } from '@/db/schema';
import { newToken } from '@/server/services/tokens';
import { logProcedureError } from '@/server/trpc/log-errors';
import { refusal } from '@/test/trpc/expect-refusal';
import { fieldErrorsOf, formatted, recordsProject } from '@/test/trpc/records-fixtures';
import { hex64, issueSecrets } from '@/test/trpc/hostile-secrets';

let app: TestApp;
let world: Awaited<ReturnType<typeof recordsProject>>;
let commenter: Awaited<ReturnType<TestApp['signUp']>>;
let itemId: string;
const projectId = () => world.projectId;

beforeAll(async () => {
  app = await createTestApp();
  world = await recordsProject(app);
  commenter = await app.signUp('Cam Commenter');
  await app.db
    .insert(projectShares)
    .values({ projectId: projectId(), email: commenter.email, role: 'commenter', userId: commenter.id, tokenHash: newToken().hash, expiresAt: new Date(Date.now() + 1e7), acceptedAt: new Date() });
  itemId = (await app.caller(world.founder).audit.get({ projectId: projectId() })).items[0]!.id;
});
afterAll(() => app.close());

async function writes() {
  const [vars] = await app.db.select({ n: count() }).from(envVars).where(eq(envVars.projectId, projectId()));
  const [log] = await app.db.select({ n: count() }).from(activityLog).where(eq(activityLog.projectId, projectId()));
  const [comments] = await app.db.select({ n: count() }).from(itemComments).where(eq(itemComments.projectId, projectId()));
  const [mons] = await app.db.select({ n: count() }).from(monitors).where(eq(monitors.projectId, projectId()));
  return { vars: vars!.n, log: log!.n, comments: comments!.n, monitors: mons!.n };
}

describe('secrets through side fields (issue 17.1)', () => {
  it('refuses a Stripe live key, an AWS key, a database URL with its password and a JWT in environments[]: 400 per entry, nothing stored, nothing shown to a commenter', async () => {
    const pasted = issueSecrets();
    const databaseUrl = pasted[2];
    expect(pasted.every((p) => p.length <= 40)).toBe(true);
    const before = await writes();
    const error = await refusal(app.caller(world.founder).deployment.addEnvVar({ projectId: projectId(), name: 'STRIPE_SECRET_KEY', environments: pasted }));
    const fields = fieldErrorsOf(error);
    for (const i of [0, 1, 2, 3]) expect(fields[`environments.${i}`]).toMatch(/looks like .*Nothing was saved/);
    expect(JSON.stringify(formatted(error))).not.toMatch(new RegExp(pasted.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')));
    expect(await writes()).toEqual(before);

    // Nor on update of an entry that exists.
    const { id } = await app.caller(world.founder).deployment.addEnvVar({ projectId: projectId(), name: 'DATABASE_URL', environments: ['production'] });
    const update = await refusal(app.caller(world.founder).deployment.updateEnvVar({ projectId: projectId(), envVarId: id, name: 'DATABASE_URL', environments: ['production', databaseUrl] }));
    expect(fieldErrorsOf(update)['environments.1']).toMatch(/password inside a link/);

    const seen = JSON.stringify([
      await app.caller(commenter).deployment.envVars({ projectId: projectId() }),
      await app.caller(commenter).deployment.get({ projectId: projectId() }),
    ]);
    for (const secret of pasted) expect(seen).not.toContain(secret);
    expect(seen).toContain('DATABASE_URL');
  });

  it.each([
    ['Authorization: token=…', () => `curl -H "Authorization: token=${hex64().slice(0, 24)}"`, /Authorization header/],
    ['a bare 64-hex secret', () => `SESSION key is ${hex64()}`, /random hex key/],
  ])('refuses %s in a client commenter’s comment', async (_name, value, message) => {
    const before = await writes();
    const error = await refusal(app.caller(commenter).audit.comment({ projectId: projectId(), itemId, body: value() }));
    expect(fieldErrorsOf(error).body).toMatch(message);
    expect(await writes()).toEqual(before);
  });

  it('still takes labelled checksums and ordinary prose', async () => {
    await app.caller(commenter).audit.comment({ projectId: projectId(), itemId, body: `Deployed ghcr.io/acme/app@sha256:${hex64()} — Authorization: handled by the gateway.` });
  });
});

describe('NUL bytes and year 0000 (issue 17.7)', () => {
  const NUL = 'evil\u0000name';

  it.each([
    ['a comment', () => app.caller(commenter).audit.comment({ projectId: projectId(), itemId, body: `hi ${NUL}` }), 'body'],
    ['a project name', () => app.caller(world.founder).project.update({ projectId: projectId(), name: NUL, productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'idea-prototype', primaryDomain: 'example.com' }), 'name'],
    ['a workspace name', () => app.caller(world.founder).workspace.rename({ workspaceId: world.workspaceId, name: NUL }), 'name'],
    ['an env var environment', () => app.caller(world.founder).deployment.addEnvVar({ projectId: projectId(), name: 'NUL_TEST', environments: [NUL] }), 'environments.0'],
    ['an env var purpose', () => app.caller(world.founder).deployment.addEnvVar({ projectId: projectId(), name: 'NUL_TEST', purpose: NUL }), 'purpose'],
    ['a monitor name', () => app.caller(world.founder).monitoring.create({ projectId: projectId(), name: NUL, kind: 'http', url: 'https://example.com/' }), 'name'],
    ['a risk title', () => app.caller(world.founder).roadmap.addRisk({ projectId: projectId(), title: NUL, severity: 'low', impact: 'operations' }), 'title'],
    ['item notes', () => app.caller(world.founder).audit.updateItem({ projectId: projectId(), itemId, notes: `line one\n${NUL}` }), 'notes'],
    ['a due date in year 0000', () => app.caller(world.founder).audit.updateItem({ projectId: projectId(), itemId, dueDate: '0000-01-01' }), 'dueDate'],
    ['a risk deadline in year 0000', () => app.caller(world.founder).roadmap.addRisk({ projectId: projectId(), title: 'Backups', severity: 'low', impact: 'operations', deadline: '0000-01-01' }), 'deadline'],
    ['a rotation date in year 0000', () => app.caller(world.founder).deployment.addEnvVar({ projectId: projectId(), name: 'OLD_KEY', lastRotatedOn: '0000-01-01' }), 'lastRotatedOn'],
    ['a due date in year 9999', () => app.caller(world.founder).audit.updateItem({ projectId: projectId(), itemId, dueDate: '9999-12-31' }), 'dueDate'],
  ])('%s → 400 with a field message, nothing written', async (_name, call, field) => {
    const before = await writes();
    const error = await refusal(call());
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)[field]).toMatch(/control characters|between the years 2000 and 2100/);
    expect(await writes()).toEqual(before);
  });

  it('keeps tabs and line breaks where text may span lines, and refuses a line break in a name', async () => {
    await app.caller(world.founder).audit.updateItem({ projectId: projectId(), itemId, notes: 'Step 1:\tdone\nStep 2:\tnext' });
    const error = await refusal(app.caller(world.founder).roadmap.addRisk({ projectId: projectId(), title: 'Two\nlines', severity: 'low', impact: 'operations' }));
    expect(fieldErrorsOf(error).title).toMatch(/one line/);
  });
});

describe('database errors are logged without parameter values (issue 17.7)', () => {
  it('a failing insert logs the statement and the database’s reason, never the comment that was sent', async () => {
    // Break the comments table for this test file's own database: the body column now takes dates only.
    await app.db.execute(sql`alter table item_comments alter column body drop not null, alter column body type date using null`);
    const canary = `Canary-${hex64().slice(0, 12)}`;
    const error = await refusal(app.caller(world.founder).audit.comment({ projectId: projectId(), itemId, body: canary }));
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');

    const logged: string[] = [];
    logProcedureError({ error, path: 'audit.comment' }, (...parts) => logged.push(parts.map((p) => (typeof p === 'string' ? p : inspect(p, { depth: 10 }))).join(' ')));
    const text = logged.join('\n');
    expect(text).toMatch(/audit\.comment/);
    expect(text).toMatch(/insert into "item_comments"/);
    expect(text).toMatch(/22007/); // invalid_datetime_format: the reason stays
    expect(text).not.toContain(canary);
    // What a server component would print when the same call throws through the server caller.
    expect(inspect(error, { depth: 10 })).not.toContain(canary);
    expect(error.message).not.toContain(canary);
  });
});
