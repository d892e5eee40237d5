import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { projects } from '@/db/schema';
import type { SessionUser } from '../context';
import { fieldErrorsOf, refusal } from '@/test/trpc/expect-refusal';

let app: TestApp;
let founder: SessionUser;
let workspaceId: string;

const validProject = {
  name: 'Cohort Club',
  productType: 'membership-community' as const,
  segment: 'membership-community' as const,
  maturity: 'customers-growth' as const,
  primaryDomain: 'cohortclub.co.uk',
  canonicalHost: 'www' as const,
  subdomains: ['app', 'api.cohortclub.co.uk'],
  mailDomain: 'mail.cohortclub.co.uk',
  dkimSelectors: ['resend'],
  productionUrl: 'https://www.cohortclub.co.uk',
  endpoints: [{ kind: 'login' as const, method: 'POST' as const, url: '/api/auth/sign-in' }],
  environments: [{ name: 'production', url: 'https://www.cohortclub.co.uk' }, { name: 'preview' }],
};


async function projectCount() {
  const [row] = await app.db.select({ n: count() }).from(projects);
  return row!.n;
}

beforeAll(async () => {
  app = await createTestApp();
  founder = await app.signUp('Founder');
  workspaceId = (await app.caller(founder).workspace.create({ name: 'Studio' })).id;
});
afterAll(() => app.close());

describe('projects', () => {
  it('creates a project with normalised domains and lists it in the workspace', async () => {
    const created = await app.caller(founder).project.create({ workspaceId, ...validProject });
    expect(created.subdomains).toEqual(['app', 'api']);
    expect(created.primaryDomain).toBe('cohortclub.co.uk');
    const listed = await app.caller(founder).project.list({ workspaceId });
    expect(listed.map((p) => p.name)).toContain('Cohort Club');
  });

  it.each([
    ['primaryDomain', 'exa mple..com', /spaces|empty parts/],
    ['primaryDomain', 'https://example.com/path', /without https/],
    ['primaryDomain', 'co.uk', /public suffix|registered domain/],
    ['primaryDomain', 'app.example.com', /registered domain \(example\.com\)/],
    ['primaryDomain', '203.0.113.7', /not an IP address|known public suffix/],
    ['primaryDomain', 'example.notarealtld', /known public suffix/],
    ['name', 'x'.repeat(81), /under 80 characters/],
    ['productionUrl', 'ftp://example.com', /https:\/\//],
  ])('refuses %s = %j with a field message and writes nothing', async (field, value, message) => {
    const before = await projectCount();
    const error = await refusal(app.caller(founder).project.create({ workspaceId, ...validProject, [field]: value }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(await projectCount()).toBe(before);
    const fieldErrors = fieldErrorsOf(error);
    expect(fieldErrors[field]).toMatch(message);
  });

  it('reports a bad subdomain against its position', async () => {
    const error = await refusal(app.caller(founder).project.create({ workspaceId, ...validProject, subdomains: ['app', 'bad_label'] }));
    expect(fieldErrorsOf(error)['subdomains.1']).toMatch(/not a valid subdomain/);
  });

  it('edits, archives and restores a project', async () => {
    const created = await app.caller(founder).project.create({ workspaceId, ...validProject, name: 'Edit me' });
    const updated = await app.caller(founder).project.update({ projectId: created.id, ...validProject, name: 'Edited' });
    expect(updated.name).toBe('Edited');
    await app.caller(founder).project.archive({ projectId: created.id });
    expect((await app.caller(founder).project.list({ workspaceId })).map((p) => p.id)).not.toContain(created.id);
    expect((await app.caller(founder).project.list({ workspaceId, includeArchived: true })).find((p) => p.id === created.id)?.status).toBe('archived');
    await app.caller(founder).project.restore({ projectId: created.id });
    expect((await app.caller(founder).project.get({ projectId: created.id })).status).toBe('active');
  });

  it('hides a project from a signed-in outsider as not found', async () => {
    const created = await app.caller(founder).project.create({ workspaceId, ...validProject, name: 'Private' });
    const outsider = await app.signUp('Outsider');
    const error = await refusal(app.caller(outsider).project.get({ projectId: created.id }));
    expect(error.code).toBe('NOT_FOUND');
  });
});
