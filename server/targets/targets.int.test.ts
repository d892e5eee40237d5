/**
 * Each monitor is judged against its own target, derived from its kind of endpoint unless set by
 * hand: its panel, the project panel's target lines, the degraded state and go / no-go agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { monitorResults, monitorRollups, monitors } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import type { SessionUser } from '@/server/trpc/context';
import { addSample } from '@/server/monitoring/histogram';
import { evaluateDegraded } from '@/server/monitoring/housekeeping';
import { assessProject } from '@/server/services/roadmap';

let app: TestApp;
let owner: SessionUser;
let projectId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp('Owner');
  const caller = app.caller(owner);
  const workspace = await caller.workspace.create({ name: 'Targets studio' });
  // membership-growth: p95 300 ms for common reads, 800 ms for heavier actions.
  const project = await caller.project.create({
    workspaceId: workspace.id,
    name: 'Targets',
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'customers-growth',
    templateId: 'membership-growth',
    primaryDomain: 'example.com',
    productionUrl: 'https://app.example.com',
    endpoints: [
      { kind: 'checkout', method: 'POST', url: '/api/checkout', label: 'Checkout' },
      { kind: 'dashboard', method: 'GET', url: '/reports', label: 'Reports', p95TargetMs: 1_200 },
    ],
  });
  projectId = project.id;
  for (const [name, method, path] of [
    ['Homepage', 'GET', '/'],
    ['Checkout', 'POST', '/api/checkout'],
    ['Reports', 'GET', '/reports'],
  ] as const) {
    const row = await caller.monitoring.create({ projectId, name, kind: 'http', url: `https://app.example.com${path}`, method, expectedStatus: 'no-server-error', intervalSeconds: 60 });
    ids[name] = row.id;
  }
  // Every monitor answers in 600 ms: over the common-read target only.
  const now = Date.now();
  const hour = new Date(Math.floor(now / 3_600_000) * 3_600_000);
  for (const id of Object.values(ids)) {
    await app.db.update(monitors).set({ state: 'up' }).where(eq(monitors.id, id));
    await app.db.insert(monitorResults).values(Array.from({ length: 10 }, (_, i) => ({ monitorId: id, scheduledAt: new Date(now - (i + 1) * 60_000), startedAt: new Date(now - (i + 1) * 60_000), ok: true, latencyMs: 600 })));
    await app.db.insert(monitorRollups).values({ monitorId: id, projectId, hour, checks: 60, failures: 0, missed: 0, latencySumMs: 36_000, histogram: addSample({}, 600, 60) });
  }
}, 120_000);
afterAll(() => app.close());

describe('targets per endpoint kind', () => {
  it("draws each monitor's own target on its panel and says where it came from", async () => {
    const panel = async (name: string) => (await app.caller(owner).monitoring.get({ projectId, monitorId: ids[name]! })).panel.targets;
    expect(await panel('Homepage')).toMatchObject({ p95Ms: 300, p95Lines: [{ kind: 'common-read', ms: 300, from: "the playbook's p95 for common reads" }] });
    expect(await panel('Checkout')).toMatchObject({ p95Ms: 800, p95Lines: [{ kind: 'heavy-action', ms: 800, kindLabel: 'heavier actions' }] });
    expect(await panel('Reports')).toMatchObject({ p95Ms: 1_200, p95Lines: [{ ms: 1_200, from: 'set by hand on the endpoint “Reports”' }] });
  });

  it('the project panel draws one line per kind of endpoint its monitors watch', async () => {
    const { targets } = await app.caller(owner).monitoring.projectPanel({ projectId });
    expect(targets.p95Lines.map((l) => [l.kind, l.ms])).toEqual([
      ['common-read', 300],
      ['heavy-action', 800],
    ]);
  });

  it('only the monitor over its own target becomes degraded', async () => {
    await evaluateDegraded(app.db, new Date());
    const rows = await app.db.select({ name: monitors.name, state: monitors.state }).from(monitors).where(eq(monitors.projectId, projectId));
    expect(Object.fromEntries(rows.map((r) => [r.name, r.state]))).toEqual({ Homepage: 'degraded', Checkout: 'up', Reports: 'up' });
  });

  it('go / no-go names the monitor over its own target, with the kind and the source of the number', async () => {
    const { recommendation } = await assessProject(app.db, projectId);
    const latency = recommendation.reasons.filter((r) => r.kind === 'latency');
    expect(latency).toHaveLength(1);
    // The 7-day p95 comes from the histogram: within 2 % of the 600 ms measured.
    expect(latency[0]!.text).toMatch(/^Homepage: 7-day p95 is (5[89]\d|6[01]\d) ms, over the 300 ms target for common reads \(the playbook's p95 for common reads\)\.$/);
  });
});
