/** Shared set-up of the scheduled-run tests: a project on the loopback testnet product, an email channel, workers with a clock the test moves. */
import { and, eq, isNotNull } from 'drizzle-orm';
import { alertDeliveries, checkRuns, checkSchedules, domainOwnership } from '@/db/schema';
import type { SessionUser } from '@/server/trpc/context';
import { createProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { OWNERSHIP_TOKEN, type TestProduct } from '@/test/testnet/product';
import type { TestApp } from '@/test/harness';
import { testnetProjectFields } from '@/test/testnet/project-fields';
import { createScheduler, type SchedulerOptions } from '@/server/scheduled-checks/scheduler';

/** A clock the test sets; workers read it for claims, leases and slots. */
export function testClock(start: Date) {
  let now = start;
  return {
    now: () => now,
    set(at: Date) {
      now = at;
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export async function projectOnProduct(app: TestApp, product: TestProduct, founder: SessionUser, name: string, alertEmail: string) {
  const t = product.target;
  const workspaceId = (await createWorkspace(app.db, { actor: founder }, { name: `${name} studio` })).id;
  const project = await createProject(app.db, { workspaceId, actorId: founder.id }, {
    templateId: 'membership-rescue',
    fields: testnetProjectFields(product.target, name),
  });
  await app.db.insert(domainOwnership).values({ projectId: project.id, domain: t.domain, token: OWNERSHIP_TOKEN, verifiedAt: new Date(), method: 'dns-txt' });
  await app.caller(founder).monitoring.addChannel({ projectId: project.id, channel: { kind: 'email', name: 'Ops', email: alertEmail } });
  return project.id;
}

export function schedulers(app: TestApp, product: TestProduct, clock: { now: () => Date }, names: string[], extra: Partial<SchedulerOptions> = {}) {
  return names.map((worker) => createScheduler({ db: app.db, checkDeps: () => product.deps, worker, clock: clock.now, log: () => {}, ...extra }));
}

export async function scheduleOf(app: TestApp, projectId: string) {
  const [row] = await app.db.select().from(checkSchedules).where(eq(checkSchedules.projectId, projectId));
  return row!;
}

export function scheduledRuns(app: TestApp, projectId: string) {
  return app.db.select().from(checkRuns).where(and(eq(checkRuns.projectId, projectId), isNotNull(checkRuns.scheduledFor))).orderBy(checkRuns.startedAt);
}

export function deliveriesOf(app: TestApp, projectId: string) {
  return app.db.select().from(alertDeliveries).where(eq(alertDeliveries.projectId, projectId)).orderBy(alertDeliveries.createdAt);
}
