/**
 * Claiming due slots. Any number of workers run this at once: the inner SELECT … FOR UPDATE SKIP
 * LOCKED hands each due monitor to exactly one of them, and the lease it sets lets another
 * worker re-run the slot if this one dies before writing the result.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { MonitorHeader } from '@/db/schema';
import { rowsOf, toDate } from './sql-rows';

export type ClaimedSlot = {
  monitorId: string;
  projectId: string;
  kind: 'http' | 'certificate';
  url: string;
  method: string;
  expectedStatus: string;
  keyword: string | null;
  headers: MonitorHeader[];
  body: string | null;
  jsonPath: string | null;
  jsonExpected: string | null;
  maxLatencyMs: number | null;
  timeoutMs: number;
  intervalSeconds: number;
  scheduledAt: Date;
  /** True when an earlier claim of this slot expired (its worker died): always re-run it. */
  reclaimed: boolean;
};

type ClaimRow = {
  id: string;
  project_id: string;
  kind: 'http' | 'certificate';
  url: string;
  method: string;
  expected_status: string;
  keyword: string | null;
  headers: MonitorHeader[] | string;
  body: string | null;
  json_path: string | null;
  json_expected: string | null;
  max_latency_ms: number | null;
  timeout_ms: number;
  interval_seconds: number;
  next_run_at: Date | string;
  previous_lease: Date | string | null;
};

/** Slots due up to `horizon` (a little ahead of now, so the worker can fire them on time). */
export async function claimDue(db: Database, options: { worker: string; now: Date; horizon: Date; limit: number; leaseSlackMs?: number }): Promise<ClaimedSlot[]> {
  const slack = options.leaseSlackMs ?? 15_000;
  const rows = await rowsOf<ClaimRow>(
    db,
    sql`update monitors m
        set lease_until = ${options.horizon.toISOString()}::timestamptz + ((m.timeout_ms + ${slack}) * interval '1 millisecond'),
            lease_owner = ${options.worker}
        from (
          select id, lease_until as previous_lease from monitors
          where enabled and next_run_at <= ${options.horizon.toISOString()}::timestamptz
            and (lease_until is null or lease_until < ${options.now.toISOString()}::timestamptz)
          order by next_run_at
          limit ${options.limit}
          for update skip locked
        ) due
        where m.id = due.id
        returning m.id, m.project_id, m.kind, m.url, m.method, m.expected_status, m.keyword, m.headers, m.body, m.json_path,
                  m.json_expected, m.max_latency_ms, m.timeout_ms,
                  m.interval_seconds, m.next_run_at, due.previous_lease`,
  );
  return rows.map((r) => ({
    monitorId: r.id,
    projectId: r.project_id,
    kind: r.kind,
    url: r.url,
    method: r.method,
    expectedStatus: r.expected_status,
    keyword: r.keyword,
    // Raw SQL: node-postgres parses jsonb, PGlite may hand back its text.
    headers: typeof r.headers === 'string' ? (JSON.parse(r.headers) as MonitorHeader[]) : r.headers,
    body: r.body,
    jsonPath: r.json_path,
    jsonExpected: r.json_expected,
    maxLatencyMs: r.max_latency_ms === null ? null : Number(r.max_latency_ms),
    timeoutMs: Number(r.timeout_ms),
    intervalSeconds: Number(r.interval_seconds),
    scheduledAt: toDate(r.next_run_at)!,
    reclaimed: r.previous_lease !== null,
  }));
}
