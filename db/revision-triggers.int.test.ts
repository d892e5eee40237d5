/**
 * The read cache trusts `projects.content_revision` / `monitoring_revision` (docs/decisions/0009):
 * a table holding project data without a trigger that bumps them would serve stale pages. Every
 * table with a `project_id` column carries such a trigger, or is on the list below with its reason.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/server/monitoring/sql-rows';
import { openTestDatabase } from '@/test/database';
import type { DbHandle } from './open';

/** Tables with `project_id` that no cached read depends on. */
const WITHOUT_REVISION_TRIGGER: Record<string, string> = {
  activity_log: 'read straight from the table (roadmap.activity), never through the cache',
  alert_deliveries: 'worker bookkeeping; read only by the alert workers',
  finding_events: 'written in the same transaction as the findings row it describes, which bumps',
  monitor_rollups: 'written in the same transaction as monitor_project_rollups, which bumps',
};

describe('revision triggers', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle?.close());

  it('every table with project_id bumps the project revision, or is listed with a reason', async () => {
    const rows = await rowsOf<{ table_name: string; triggered: boolean }>(handle.db, sql`
      select c.table_name,
             exists (
               select 1 from pg_trigger t
               join pg_proc p on p.oid = t.tgfoid
               where t.tgrelid = (quote_ident(c.table_name))::regclass
                 and not t.tgisinternal
                 and p.proname = 'lr_bump_project_revision'
             ) as triggered
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'project_id'
      order by c.table_name`);
    expect(rows.length).toBeGreaterThan(10);
    const missing = rows.filter((row) => !row.triggered && !(row.table_name in WITHOUT_REVISION_TRIGGER)).map((row) => row.table_name);
    expect(missing).toEqual([]);
    const listedButTriggered = rows.filter((row) => row.triggered && row.table_name in WITHOUT_REVISION_TRIGGER).map((row) => row.table_name);
    expect(listedButTriggered).toEqual([]);
  });
});
