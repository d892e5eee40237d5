import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { seedDemoMonitoring } from './monitoring';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

it('seeds seven days of panels, an outage and alert routing for the demo projects', async () => {
  const owner = await app.signUp('Demo');
  const caller = app.caller(owner);
  const ws = await caller.workspace.create({ name: 'Demo studio' });
  const project = await caller.project.create({
    workspaceId: ws.id,
    name: 'Cohort Club',
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'customers-growth',
    primaryDomain: 'example.org',
    productionUrl: 'https://www.example.org',
    endpoints: [{ kind: 'login', method: 'POST', url: '/api/auth/sign-in' }],
  });
  await seedDemoMonitoring(app.db, [{ ...project, endpoints: project.endpoints }], owner.id);
  const list = await caller.monitoring.list({ projectId: project.id });
  expect(list.monitors.map((m) => m.name)).toEqual(['Homepage', 'Login', 'Certificate expiry']);
  const home = await caller.monitoring.get({ projectId: project.id, monitorId: list.monitors[0]!.id });
  expect(home.panel.hourly.filter((p) => p.checks > 0).length).toBeGreaterThanOrEqual(167);
  expect(home.panel.last7d.p95Ms).toBeGreaterThan(50);
  expect(home.panel.last7d.uptimePercent).toBeLessThan(100);
  expect(home.incidents).toHaveLength(1);
  const panel = await caller.monitoring.projectPanel({ projectId: project.id });
  expect(panel.daily.every((d) => d.checks > 0)).toBe(true);
  expect((await caller.monitoring.channels({ projectId: project.id })).fallbackEmail).toBe('client@launch-ready.local');
});
