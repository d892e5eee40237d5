/**
 * Two workers must not deadlock when one records missed slots while the other writes results for
 * the same projects (seen with the bench's two workers under web load). writeResults locks the
 * monitors, then the project rows, then upserts the rollups (whose revision trigger updates the
 * project rows); recordMissed must take the project rows in the same order, before the rollups.
 * PostgreSQL only: PGlite has one connection, so nothing runs concurrently there.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { monitorProjectRollups, monitors, projects, workspaces } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { testDriver } from '@/test/database';
import { hourOf } from './schedule';
import { recordMissed } from './write-results';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

it.skipIf(testDriver() !== 'postgres')('recording missed slots waits for the project rows before touching the rollups', { timeout: 60_000 }, async () => {
  const owner = await app.signUp('Owner');
  const [ws] = await app.db.insert(workspaces).values({ name: 'Locks', createdBy: owner.id }).returning();
  const fields = { workspaceId: ws!.id, productType: 'other' as const, segment: 'other' as const, maturity: 'demo-launch' as const, primaryDomain: 'example.com' };
  const made = await app.db.insert(projects).values([{ ...fields, name: 'One' }, { ...fields, name: 'Two' }]).returning({ id: projects.id });
  const [first, second] = made.map((p) => p.id).sort();
  const slot = new Date(Date.now() - 10 * 60_000);
  // The monitor of the second project sorts first, as recordMissed orders its work by monitor.
  const rows = [
    { id: '00000000-0000-4000-8000-000000000001', projectId: second!, name: 'a' },
    { id: '00000000-0000-4000-8000-000000000002', projectId: first!, name: 'b' },
  ].map((m) => ({ ...m, kind: 'http' as const, url: 'https://example.com/', intervalSeconds: 60, nextRunAt: slot }));
  await app.db.insert(monitors).values(rows);

  let missed: Promise<number> | undefined;
  // A writer holding both project rows (as writeResults does) then upserting a rollup row.
  await app.db.transaction(async (tx) => {
    await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, [first!, second!])).orderBy(projects.id).for('no key update');
    missed = recordMissed(
      app.db,
      rows.map((m) => ({ monitorId: m.id, projectId: m.projectId, scheduledAt: slot, intervalSeconds: 60 })),
      new Date(),
    );
    // Wait until recordMissed is blocked on a lock (an event, not a time). Asked on another
    // connection: inside this transaction pg_stat_activity is a snapshot that never changes.
    for (;;) {
      const [waiting] = await app.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      ).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
      if (Number(waiting?.n) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // Had recordMissed upserted its rollups first, this would wait on it while it waits on us.
    await tx.insert(monitorProjectRollups).values({ projectId: first!, hour: hourOf(slot), checks: 1, failures: 0, missed: 0, latencySumMs: 10, histogram: {} });
  });
  expect(await missed).toBeGreaterThanOrEqual(2);
  const [rollup] = await app.db
    .select()
    .from(monitorProjectRollups)
    .where(and(eq(monitorProjectRollups.projectId, first!), eq(monitorProjectRollups.hour, hourOf(slot))));
  expect(rollup?.checks).toBe(1);
  expect(rollup?.missed).toBeGreaterThanOrEqual(1);
});
