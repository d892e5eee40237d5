/**
 * Deployment-stage records: the environment-variable inventory (names only — pasted values are
 * refused and nothing is written), the runbook and rollback path, the release checklist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { activityLog, envVars } from '@/db/schema';
import { STANDARD_RELEASE_STEPS } from '@/server/records/release-steps';
import { envVarFieldsSchema } from '@/server/records/env-var-input';
import { addEnvVar } from '@/server/services/records/env-vars';
import { detectableValues, fakeSecrets } from '@/test/testnet/fake-secrets';
import { refusal } from '@/test/trpc/expect-refusal';
import { fieldErrorsOf, formatted, recordsProject } from '@/test/trpc/records-fixtures';

let app: TestApp;
let world: Awaited<ReturnType<typeof recordsProject>>;
const caller = () => app.caller(world.founder).deployment;
const projectId = () => world.projectId;

// Fake credentials, assembled so no scanner mistakes this file for a leak.
const STRIPE_LIVE = ['sk', 'live', '51HxQz8Kp2Lm9Nv4Rt7Wy3Bc'].join('_');
const DB_PASSWORD = 'Zq8r2Lk9Xv4Tn7Bw';

beforeAll(async () => {
  app = await createTestApp();
  world = await recordsProject(app);
});
afterAll(() => app.close());

async function rowCounts() {
  const [vars] = await app.db.select({ n: count() }).from(envVars).where(eq(envVars.projectId, projectId()));
  const [log] = await app.db.select({ n: count() }).from(activityLog).where(eq(activityLog.projectId, projectId()));
  return { vars: vars!.n, log: log!.n };
}

describe('environment-variable inventory', () => {
  it('keeps names, environments, owners, purpose and where each value lives', async () => {
    const stripe = await caller().addEnvVar({
      projectId: projectId(),
      name: 'STRIPE_SECRET_KEY',
      environments: ['production'],
      ownerUserId: world.member.id,
      purpose: 'Charges and refunds',
      storedIn: 'Vercel project settings',
      lastRotatedOn: '2020-01-31',
    });
    await caller().addEnvVar({ projectId: projectId(), name: 'NEXT_PUBLIC_SITE_URL', environments: ['production', 'preview'], ownerName: 'Sam (client developer)', isSecret: false });

    const inventory = await caller().envVars({ projectId: projectId() });
    expect(inventory.envVars.map((v) => v.name)).toEqual(['NEXT_PUBLIC_SITE_URL', 'STRIPE_SECRET_KEY']);
    const row = inventory.envVars.find((v) => v.id === stripe.id)!;
    expect(row).toMatchObject({ owner: 'Mo Member', environments: ['production'], storedIn: 'Vercel project settings', isSecret: true, rotationDue: true });
    expect(inventory.envVars[0]).toMatchObject({ owner: 'Sam (client developer)', isSecret: false, rotationDue: false });
    expect(inventory.members.map((m) => m.name).sort()).toEqual(['Fiona Founder', 'Mo Member']);
    expect(inventory.environments).toEqual(expect.arrayContaining(['production', 'preview']));

    await caller().updateEnvVar({ projectId: projectId(), envVarId: stripe.id, name: 'STRIPE_API_KEY', environments: ['production', 'preview'], storedIn: '1Password: Ops vault' });
    const renamed = (await caller().envVars({ projectId: projectId() })).envVars.find((v) => v.id === stripe.id)!;
    expect(renamed).toMatchObject({ name: 'STRIPE_API_KEY', owner: null, purpose: null, storedIn: '1Password: Ops vault', rotationDue: true });

    const taken = await refusal(caller().addEnvVar({ projectId: projectId(), name: 'STRIPE_API_KEY' }));
    expect(fieldErrorsOf(taken).name).toMatch(/already in the inventory/);
    const outsiderOwner = await refusal(caller().addEnvVar({ projectId: projectId(), name: 'X_TOKEN_NAME', ownerUserId: world.outsider.id }));
    expect(fieldErrorsOf(outsiderOwner).ownerUserId).toMatch(/member of this workspace/);

    await caller().removeEnvVar({ projectId: projectId(), envVarId: stripe.id });
    expect((await caller().envVars({ projectId: projectId() })).envVars.map((v) => v.name)).toEqual(['NEXT_PUBLIC_SITE_URL']);
    const activity = await app.caller(world.founder).roadmap.activity({ projectId: projectId(), limit: 5 });
    expect(activity.map((a) => a.summary)).toContain('removed “STRIPE_API_KEY” from the environment-variable inventory');
  });

  it.each([
    ['name', { name: `STRIPE_SECRET_KEY=${STRIPE_LIVE}` }, /Only the variable’s name goes here.*looks like a Stripe secret key/, STRIPE_LIVE],
    ['purpose', { name: 'STRIPE_SECRET_KEY', purpose: `Charges, key is ${STRIPE_LIVE}` }, /looks like a Stripe secret key/, STRIPE_LIVE],
    ['storedIn', { name: 'DATABASE_URL', storedIn: `postgres://app:${DB_PASSWORD}@db.internal/app` }, /password inside a link/, DB_PASSWORD],
    ['ownerName', { name: 'DATABASE_URL', ownerName: `DB_PASSWORD=${DB_PASSWORD}` }, /looks like a value for DB_PASSWORD/, DB_PASSWORD],
    ['name', { name: 'NODE_ENV=production' }, /remove “=”/, 'NODE_ENV=production'],
  ])('refuses a pasted value in %s with a field message, writes nothing and never echoes it', async (field, fields, message, pasted) => {
    const before = await rowCounts();
    const error = await refusal(caller().addEnvVar({ projectId: projectId(), environments: ['production'], ...fields }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)[field]).toMatch(message);
    expect(fieldErrorsOf(error)[field]).toMatch(/Nothing was saved|Values are never stored/);
    expect(JSON.stringify(formatted(error))).not.toContain(pasted);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses every kind of credential the bundle scan knows, in any text field', async () => {
    const before = await rowCounts();
    for (const value of detectableValues(fakeSecrets())) {
      const error = await refusal(caller().addEnvVar({ projectId: projectId(), name: 'SOME_KEY', storedIn: `pasted: ${value}` }));
      expect(fieldErrorsOf(error).storedIn).toMatch(/looks like/);
      expect(JSON.stringify(formatted(error))).not.toContain(value);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses at the service too, for callers that skip the input schema', async () => {
    const before = await rowCounts();
    const { openai } = fakeSecrets();
    const fields = envVarFieldsSchema.parse({ name: 'OPENAI_API_KEY' });
    const error = await refusal(addEnvVar(app.db, { projectId: projectId(), actorId: world.founder.id }, { ...fields, purpose: `Chat replies ${openai}` }));
    expect(fieldErrorsOf(error).purpose).toMatch(/Never paste secret values here/);
    expect(JSON.stringify(formatted(error))).not.toContain(openai);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a pasted value on update and leaves the entry as it was', async () => {
    const { id } = await caller().addEnvVar({ projectId: projectId(), name: 'RESEND_API_KEY', purpose: 'Transactional email' });
    const before = await rowCounts();
    const error = await refusal(caller().updateEnvVar({ projectId: projectId(), envVarId: id, name: 'RESEND_API_KEY', purpose: `key ${STRIPE_LIVE}` }));
    expect(fieldErrorsOf(error).purpose).toMatch(/looks like/);
    expect(await rowCounts()).toEqual(before);
    const [row] = await app.db.select().from(envVars).where(eq(envVars.id, id));
    expect(row!.purpose).toBe('Transactional email');
  });

  it('answers with names and facts only: no value field, and nothing value-like stored anywhere', async () => {
    const inventory = await caller().envVars({ projectId: projectId() });
    const keys = ['environments', 'id', 'isSecret', 'lastRotatedOn', 'name', 'owner', 'ownerName', 'ownerUserId', 'purpose', 'rotationDue', 'storedIn', 'updatedAt'];
    for (const row of inventory.envVars) expect(Object.keys(row).sort()).toEqual(keys);
    const stored = JSON.stringify(await app.db.select().from(envVars));
    expect(stored).not.toContain(STRIPE_LIVE);
    expect(stored).not.toContain(DB_PASSWORD);
    const log = JSON.stringify(await app.db.select().from(activityLog));
    expect(log).not.toContain(STRIPE_LIVE);
    expect(log).not.toContain(DB_PASSWORD);
  });
});

describe('runbook and rollback path', () => {
  it('saves, reads back and clears each document, with a prompt to start from', async () => {
    let docs = await caller().documents({ projectId: projectId() });
    expect(docs.deployment_runbook.body).toBeNull();
    expect(docs.rollback_path.prompt).toMatch(/When to roll back/);

    await caller().saveDocument({ projectId: projectId(), kind: 'deployment_runbook', body: '1. Merge to main.\n2. npm run migrate.\n3. Promote in Vercel.' });
    await caller().saveDocument({ projectId: projectId(), kind: 'rollback_path', body: 'Promote the previous deployment.' });
    await caller().saveDocument({ projectId: projectId(), kind: 'rollback_path', body: 'Promote the previous deployment; migrations are additive.' });
    docs = await caller().documents({ projectId: projectId() });
    expect(docs.deployment_runbook).toMatchObject({ body: expect.stringContaining('npm run migrate'), updatedBy: 'Fiona Founder' });
    expect(docs.rollback_path.body).toBe('Promote the previous deployment; migrations are additive.');

    const secret = await refusal(caller().saveDocument({ projectId: projectId(), kind: 'deployment_runbook', body: `export STRIPE_SECRET_KEY=${STRIPE_LIVE}` }));
    expect(fieldErrorsOf(secret).body).toMatch(/looks like a Stripe secret key/);
    expect((await caller().documents({ projectId: projectId() })).deployment_runbook.body).toContain('Promote in Vercel');

    await caller().saveDocument({ projectId: projectId(), kind: 'rollback_path', body: '   ' });
    expect((await caller().documents({ projectId: projectId() })).rollback_path.body).toBeNull();
    const wrongStage = await refusal(caller().saveDocument({ projectId: projectId(), kind: 'incident_template' as 'rollback_path', body: 'x' }));
    expect(wrongStage.code).toBe('BAD_REQUEST');
  });
});

describe('release checklist', () => {
  it('starts from the standard steps, ticks during a release and resets for the next', async () => {
    expect((await caller().addStandardReleaseSteps({ projectId: projectId() })).added).toBe(STANDARD_RELEASE_STEPS.length);
    expect((await caller().addStandardReleaseSteps({ projectId: projectId() })).added).toBe(0);
    const custom = await caller().addReleaseStep({ projectId: projectId(), phase: 'verify', title: 'Book a coaching session end to end' });

    let list = await caller().releaseChecklist({ projectId: projectId() });
    expect(list.phases.map((p) => p.phase)).toEqual(['build', 'migrate', 'verify', 'rollback']);
    expect(list.total).toBe(STANDARD_RELEASE_STEPS.length + 1);
    expect(list.phases[2]!.steps.at(-1)!.title).toBe('Book a coaching session end to end');

    const [first, second] = list.phases[0]!.steps;
    await caller().tickReleaseStep({ projectId: projectId(), stepId: first!.id, done: true });
    await caller().tickReleaseStep({ projectId: projectId(), stepId: second!.id, done: true });
    await caller().tickReleaseStep({ projectId: projectId(), stepId: custom.id, done: true });
    await caller().tickReleaseStep({ projectId: projectId(), stepId: custom.id, done: false });
    list = await caller().releaseChecklist({ projectId: projectId() });
    expect(list.done).toBe(2);
    expect(list.phases[0]!.steps[0]).toMatchObject({ checkedBy: 'Fiona Founder', checkedAt: expect.any(Date) });

    expect(await caller().resetReleaseChecklist({ projectId: projectId() })).toEqual({ unticked: 2 });
    list = await caller().releaseChecklist({ projectId: projectId() });
    expect(list.done).toBe(0);
    expect(list.phases.flatMap((p) => p.steps).every((s) => s.checkedAt === null && s.checkedBy === null)).toBe(true);
    const activity = await app.caller(world.founder).roadmap.activity({ projectId: projectId(), limit: 1 });
    expect(activity[0]!.summary).toBe('reset the release checklist for the next release (2 steps unticked)');

    await caller().updateReleaseStep({ projectId: projectId(), stepId: custom.id, phase: 'rollback', title: 'Know how to refund a test booking' });
    await caller().removeReleaseStep({ projectId: projectId(), stepId: first!.id });
    list = await caller().releaseChecklist({ projectId: projectId() });
    expect(list.phases[3]!.steps.at(-1)!.title).toBe('Know how to refund a test booking');
    expect(list.total).toBe(STANDARD_RELEASE_STEPS.length);
  });
});

describe('who may do what', () => {
  it('clients read the records but cannot change them; outsiders see nothing', async () => {
    const { id } = await caller().addEnvVar({ projectId: projectId(), name: 'SENTRY_DSN', isSecret: false });
    const step = await caller().addReleaseStep({ projectId: projectId(), phase: 'build', title: 'Tag the release' });

    const viewer = app.caller(world.viewer).deployment;
    const seen = await viewer.envVars({ projectId: projectId() });
    expect(seen.envVars.some((v) => v.name === 'SENTRY_DSN')).toBe(true);
    expect(seen.members).toEqual([]);
    expect((await refusal(viewer.addEnvVar({ projectId: projectId(), name: 'NEW_ONE' }))).code).toBe('FORBIDDEN');
    expect((await refusal(viewer.removeEnvVar({ projectId: projectId(), envVarId: id }))).code).toBe('FORBIDDEN');

    const collaborator = app.caller(world.collaborator).deployment;
    expect((await refusal(collaborator.tickReleaseStep({ projectId: projectId(), stepId: step.id, done: true }))).code).toBe('FORBIDDEN');
    expect((await refusal(collaborator.saveDocument({ projectId: projectId(), kind: 'rollback_path', body: 'x' }))).code).toBe('FORBIDDEN');

    const outsider = app.caller(world.outsider).deployment;
    expect((await refusal(outsider.envVars({ projectId: projectId() }))).code).toBe('NOT_FOUND');
    expect((await refusal(outsider.resetReleaseChecklist({ projectId: projectId() }))).code).toBe('NOT_FOUND');

    // A record of one project cannot be reached through another the caller may edit.
    const other = await recordsProject(app);
    const elsewhere = app.caller(other.founder).deployment;
    expect((await refusal(elsewhere.removeEnvVar({ projectId: other.projectId, envVarId: id }))).code).toBe('NOT_FOUND');
    expect((await refusal(elsewhere.tickReleaseStep({ projectId: other.projectId, stepId: step.id, done: true }))).code).toBe('NOT_FOUND');
    expect((await caller().envVars({ projectId: projectId() })).envVars.some((v) => v.id === id)).toBe(true);
  });
});
