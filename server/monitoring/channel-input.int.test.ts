/**
 * What the alert and monitor forms are told when input is wrong: a 400 with a sentence beside the
 * field, and nothing saved. A Slack channel must be a Slack webhook; monitor numbers say what to enter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import type { SessionUser } from '@/server/trpc/context';
import { fieldErrorsOf, refusal } from '@/test/trpc/expect-refusal';

let app: TestApp;
let owner: SessionUser;
let projectId: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp('Olive Owner');
  const workspace = await app.caller(owner).workspace.create({ name: 'Olive studio' });
  const fields = { productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' } as const;
  projectId = (await app.caller(owner).project.create({ workspaceId: workspace.id, name: 'Olive app', ...fields })).id;
});
afterAll(() => app.close());

describe('alert channel input', () => {
  it('refuses an address that is not Slack’s as a Slack webhook, and keeps nothing', async () => {
    const caller = app.caller(owner);
    for (const url of ['https://example.com/services/T000/B000/XXXX', 'http://hooks.slack.com/services/T000/B000/XXXX', 'https://hooks.slack.com.example.com/services/T0/B0/X', 'https://hooks.slack.com/']) {
      const error = await refusal(caller.monitoring.addChannel({ projectId, channel: { kind: 'slack', name: '#ops', url } }));
      expect(fieldErrorsOf(error)['channel.url'], url).toBe('This is not a Slack webhook address: those start with https://hooks.slack.com/services/. For another service, choose “Webhook”.');
    }
    expect((await caller.monitoring.channels({ projectId })).channels).toEqual([]);
  });

  it('takes a Slack webhook address, and any https address as a plain webhook', async () => {
    const caller = app.caller(owner);
    await caller.monitoring.addChannel({ projectId, channel: { kind: 'slack', name: '#ops', url: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX' } });
    await caller.monitoring.addChannel({ projectId, channel: { kind: 'webhook', name: 'Pager', url: 'https://example.com/services/alerts' } });
    expect((await caller.monitoring.channels({ projectId })).channels.map((c) => c.kind).sort()).toEqual(['slack', 'webhook']);
  });
});

describe('monitor input', () => {
  it('answers out-of-range numbers with what to enter, and creates nothing', async () => {
    const caller = app.caller(owner);
    const error = await refusal(caller.monitoring.create({ projectId, name: 'Home', kind: 'http', url: 'https://example.com/', failThreshold: 0, recoverThreshold: 0, intervalSeconds: 60 }));
    expect(fieldErrorsOf(error)).toMatchObject({ failThreshold: 'At least 1 failed check.', recoverThreshold: 'At least 1 good check.' });
    expect((await caller.monitoring.list({ projectId })).monitors).toEqual([]);
  });
});
