/**
 * Issue #17 part 4: addresses the app will later connect to are judged when they are saved.
 * Project endpoints (also `//host` "paths"), production and environment URLs, monitors and alert
 * channels refuse loopback, private, link-local, metadata and internal-only names with a field
 * message, and nothing is stored. LR_ALLOW_LOOPBACK_TARGETS=on still lets loopback through.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { alertChannels, monitors, projects } from '@/db/schema';
import type { SessionUser } from '../context';
import { refusal } from '@/test/trpc/expect-refusal';
import { fieldErrorsOf } from '@/test/trpc/records-fixtures';

let app: TestApp;
let founder: SessionUser;
let workspaceId: string;
let projectId: string;

const project = {
  name: 'Target Shop',
  productType: 'saas-dashboard' as const,
  segment: 'coach-consultant' as const,
  maturity: 'demo-launch' as const,
  primaryDomain: 'targetshop.com',
  productionUrl: 'https://app.targetshop.com',
  endpoints: [{ kind: 'login' as const, method: 'POST' as const, url: '/api/login' }],
};

beforeAll(async () => {
  app = await createTestApp();
  founder = await app.signUp('Founder');
  workspaceId = (await app.caller(founder).workspace.create({ name: 'Targets' })).id;
  projectId = (await app.caller(founder).project.create({ workspaceId, ...project })).id;
});
afterAll(() => app.close());
afterEach(() => {
  delete process.env.LR_ALLOW_LOOPBACK_TARGETS;
  delete process.env.LR_MONITOR_ALLOW_LOOPBACK;
});

async function rows(table: typeof projects | typeof monitors | typeof alertChannels) {
  const [row] = await app.db.select({ n: count() }).from(table);
  return row!.n;
}

const INWARD: readonly (readonly [string, RegExp])[] = [
  ['http://127.0.0.1:8080/admin', /this server|loopback/i],
  ['http://2130706433/', /this server|loopback/i], // 127.0.0.1 written as one number
  ['http://[::1]/', /this server|loopback/i],
  ['http://[::ffff:127.0.0.1]/', /not a public address/i],
  ['http://10.0.0.5/', /private network/i],
  ['http://192.168.1.1/', /private network/i],
  ['http://169.254.169.254/latest/meta-data/', /metadata/i],
  ['http://localhost:3000/', /inside your own network|this server/i],
  ['https://db.internal/', /inside your own network/i],
  ['http://printer.local/', /inside your own network/i],
  ['http://metadata.google.internal/computeMetadata/v1/', /inside your own network/i],
];

describe('project addresses', () => {
  it.each<readonly [string, RegExp]>([
    ['//127.0.0.1:8080/admin', /single \/|full address/],
    ['/\\127.0.0.1/admin', /single \/|full address/],
    ['//169.254.169.254/latest/meta-data/', /single \/|full address/],
    ...INWARD,
  ])('refuses the endpoint %j at endpoints.0.url and stores nothing', async (url, message) => {
    const before = await rows(projects);
    const error = await refusal(app.caller(founder).project.create({ workspaceId, ...project, name: 'Hostile', endpoints: [{ kind: 'login', method: 'POST', url }] }));
    expect(fieldErrorsOf(error)['endpoints.0.url']).toMatch(message);
    expect(await rows(projects)).toBe(before);
  });

  it('refuses inward production and environment URLs on edit, and keeps what was stored', async () => {
    const error = await refusal(
      app.caller(founder).project.update({
        projectId,
        ...project,
        productionUrl: 'http://10.0.0.5/',
        environments: [{ name: 'staging', url: 'http://[fd00::1]/' }],
        endpoints: [{ kind: 'login', method: 'POST', url: '//127.0.0.1:8080/x' }],
      }),
    );
    const fields = fieldErrorsOf(error);
    expect(fields.productionUrl).toMatch(/private network/i);
    expect(fields['environments.0.url']).toMatch(/private network/i);
    expect(fields['endpoints.0.url']).toMatch(/single \/|full address/);
    const [stored] = await app.db.select().from(projects).where(eq(projects.id, projectId));
    expect(stored!.productionUrl).toBe('https://app.targetshop.com/');
    expect(stored!.endpoints.map((e) => e.url)).toEqual(['/api/login']);
  });

  it('still takes a plain path and a public URL', async () => {
    const updated = await app.caller(founder).project.update({ projectId, ...project, endpoints: [{ kind: 'login', method: 'POST', url: '/api/login?next=//x' }, { kind: 'api-health', method: 'GET', url: 'https://api.targetshop.com/health' }] });
    expect(updated.endpoints.map((e) => e.url)).toEqual(['/api/login?next=//x', 'https://api.targetshop.com/health']);
  });
});

describe('monitors', () => {
  it.each(INWARD)('refuses a monitor of %j at url and stores nothing', async (url, message) => {
    const before = await rows(monitors);
    const error = await refusal(app.caller(founder).monitoring.create({ projectId, name: 'Inward', kind: 'http', url, intervalSeconds: 60 }));
    expect(fieldErrorsOf(error).url).toMatch(message);
    expect(await rows(monitors)).toBe(before);
  });

  it('refuses an inward address on edit at fields.url and keeps the stored one', async () => {
    const monitor = await app.caller(founder).monitoring.create({ projectId, name: 'Home', kind: 'http', url: 'https://app.targetshop.com/', intervalSeconds: 60 });
    const error = await refusal(app.caller(founder).monitoring.update({ projectId, monitorId: monitor.id, fields: { name: 'Home', kind: 'http', url: 'http://169.254.169.254/', intervalSeconds: 60 } }));
    expect(fieldErrorsOf(error)['fields.url']).toMatch(/metadata/i);
    const [stored] = await app.db.select().from(monitors).where(eq(monitors.id, monitor.id));
    expect(stored!.url).toBe('https://app.targetshop.com/');
  });

  it('lets loopback and internal names through when loopback targets are allowed, but never private or metadata addresses', async () => {
    process.env.LR_ALLOW_LOOPBACK_TARGETS = 'on';
    await app.caller(founder).monitoring.create({ projectId, name: 'Local', kind: 'http', url: 'http://127.0.0.1:9/health', intervalSeconds: 60 });
    await app.caller(founder).monitoring.create({ projectId, name: 'Intranet', kind: 'http', url: 'http://status.internal/', intervalSeconds: 60 });
    for (const [url, message] of [['http://10.0.0.5/', /private network/i], ['http://169.254.169.254/', /metadata/i]] as const) {
      const error = await refusal(app.caller(founder).monitoring.create({ projectId, name: 'No', kind: 'http', url, intervalSeconds: 60 }));
      expect(fieldErrorsOf(error).url).toMatch(message);
    }
  });
});

describe('alert channels', () => {
  it.each([
    ['webhook', 'http://127.0.0.1:9000/hook', /this server|loopback/i],
    ['webhook', 'http://169.254.169.254/latest/meta-data/', /metadata/i],
    ['webhook', 'https://hooks.internal/alert', /inside your own network/i],
    ['slack', 'http://localhost/services/T000/B000/XXX', /inside your own network|this server/i],
    ['slack', 'https://10.0.0.8/services/T000/B000/XXX', /private network/i],
  ] as const)('refuses a %s channel to %j at channel.url and stores nothing', async (kind, url, message) => {
    const before = await rows(alertChannels);
    const error = await refusal(app.caller(founder).monitoring.addChannel({ projectId, channel: { kind, name: 'Inward', url } }));
    expect(fieldErrorsOf(error)['channel.url']).toMatch(message);
    expect(await rows(alertChannels)).toBe(before);
  });
});
