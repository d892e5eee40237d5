/**
 * One uptime definition, end to end: a project where one of two monitors never succeeds reads the
 * same figures on the project panel, the overview summary, a monitor's panel, go / no-go, the
 * alert and the handover pack — and pausing every monitor counts no time as up.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { alertDeliveries, monitors } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { createNetwork } from '@/server/net';
import { startTarget, type Target } from '@/test/testnet/monitoring-fixtures';
import { assessProject } from '@/server/services/roadmap';
import { buildHandoverDocument } from '@/server/handover/model';
import { renderMarkdown } from '@/server/handover/render-markdown';
import { runDueOnce } from '@/test/monitoring/run-once';
import { alertText } from './alerts/messages';

const network = createNetwork({ policy: { allowLoopback: true } });
let app: TestApp;
let target: Target;

beforeAll(async () => {
  process.env.LR_ALLOW_LOOPBACK_TARGETS = 'on';
  app = await createTestApp();
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
  await app.close();
});

/** Runs one slot of a monitor, just due (each call a slot of its own). */
async function runSlot(monitorId: string, step: number) {
  await app.db.update(monitors).set({ nextRunAt: new Date(Date.now() - 200 - step), leaseUntil: null, leaseOwner: null }).where(eq(monitors.id, monitorId));
  expect((await runDueOnce(app.db, network)).written).toBe(1);
}

it('reads one uptime everywhere: never-succeeded is 0 %, paused time is not up', async () => {
  const owner = await app.signUp('Uptime owner');
  const caller = app.caller(owner);
  const workspace = await caller.workspace.create({ name: 'Uptime studio' });
  const { id: projectId } = await caller.project.create({ workspaceId: workspace.id, name: 'Half broken', productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' });
  target.setMode('fail', '/broken');
  const good = await caller.monitoring.create({ projectId, name: 'Homepage', kind: 'http', url: `${target.origin}/fine`, intervalSeconds: 60, timeoutMs: 2000 });
  const broken = await caller.monitoring.create({ projectId, name: 'Login', kind: 'http', url: `${target.origin}/broken`, intervalSeconds: 60, timeoutMs: 2000 });
  await caller.monitoring.addChannel({ projectId, channel: { kind: 'email', name: 'Me', email: 'uptime-owner@example.test' } });
  for (let i = 0; i < 4; i += 1) await runSlot(good.id, i);
  for (let i = 0; i < 3; i += 1) await runSlot(broken.id, i);

  // The reported case: 4 of 7 checks succeeded, not "99.924 % beside a 42.86 % error rate".
  const panel = await caller.monitoring.projectPanel({ projectId });
  expect(panel.last24h).toMatchObject({ checks: 7, failures: 3, uptimePercent: 57.142, errorRatePercent: 42.858 });
  expect(panel.last7d.uptimePercent).toBe(57.142);
  const summary = await caller.monitoring.projectSummary({ projectId });
  expect(summary.last7d).toEqual(panel.last7d);

  const loginPanel = (await caller.monitoring.get({ projectId, monitorId: broken.id })).panel;
  expect(loginPanel.last7d).toMatchObject({ checks: 3, uptimePercent: 0, errorRatePercent: 100 });
  const list = await caller.monitoring.list({ projectId });
  expect(list.monitors.map((m) => [m.name, m.uptime24hPercent])).toEqual([
    ['Homepage', 100],
    ['Login', 0],
  ]);

  const { evidence, recommendation } = await assessProject(app.db, projectId);
  expect(evidence.monitors.map((m) => [m.name, m.uptimePercent, m.checks])).toEqual([
    ['Homepage', 100, 4],
    ['Login', 0, 3],
  ]);
  expect(recommendation.reasons.find((r) => r.kind === 'uptime')?.text).toBe('Login: 7-day uptime is 0 %, under the 99.9 % target (0 of 3 checks succeeded).');

  // The down alert says the same: recorded after the second failed check.
  const [delivery] = await app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, projectId));
  expect(delivery!.payload.kind === 'finding' ? null : delivery!.payload.uptime24h).toEqual({ checks: 2, failures: 2 });
  expect(alertText(delivery!.payload)).toContain('Uptime, last 24 h: 0 % (0 of 2 checks succeeded).');

  const doc = await buildHandoverDocument(app.db, projectId, { preparedBy: 'Test' });
  const packed = doc.monitoring.monitors.state === 'measured' ? doc.monitoring.monitors.data : [];
  expect(packed.map((m) => [m.name, m.uptimePercent, m.errorRatePercent, m.checks])).toEqual([
    ['Homepage', 100, 0, 4],
    ['Login', 0, 100, 3],
  ]);
  expect(packed[1]!.days.at(-1)).toMatchObject({ uptimePercent: 0, errorRatePercent: 100 });
  expect(renderMarkdown(doc)).toContain('| Login |');

  // Every monitor paused: the figures stay what was measured, and the panel says since when.
  await caller.monitoring.setEnabled({ projectId, monitorId: good.id, enabled: false });
  await caller.monitoring.setEnabled({ projectId, monitorId: broken.id, enabled: false });
  const paused = await caller.monitoring.projectPanel({ projectId });
  expect(paused.monitoring).toMatchObject({ monitors: 2, paused: 2 });
  expect(paused.monitoring.pausedSince).not.toBeNull();
  expect(paused.last24h.uptimePercent).toBe(57.142);
  const later = await assessProject(app.db, projectId);
  expect(later.evidence.monitors.find((m) => m.name === 'Login')).toMatchObject({ paused: true, uptimePercent: 0 });
});
