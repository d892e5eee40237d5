/**
 * For `npm run bench` (LR_QUERY_STATS=on; 404 otherwise): the SQL statements sent for web
 * requests so far, and how many monitor checks the workers finished in the last minute — the
 * benchmark's proof that the workers were busy while it measured. With ?from=&to= (ISO times),
 * also how the workers kept the monitors' schedule over that window (schedule-report.ts).
 */
import { and, count, gt, ne, sql } from 'drizzle-orm';
import { getRuntime } from '@/server/runtime';
import { inBackground, requestQueryCount } from '@/server/query-stats';
import { monitorResults } from '@/db/schema';
import { scheduleReport } from '@/server/monitoring/schedule-report';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { config, db } = await getRuntime();
  if (!config.queryStats) return new Response('Not found', { status: 404 });
  const queries = requestQueryCount();
  const [checks] = await inBackground(() =>
    db
      .select({ n: count() })
      .from(monitorResults)
      .where(and(gt(monitorResults.startedAt, sql`now() - interval '1 minute'`), ne(monitorResults.worker, 'seed'))),
  );
  const search = new URL(request.url).searchParams;
  const from = new Date(search.get('from') ?? '');
  const to = new Date(search.get('to') ?? '');
  const schedule = Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) ? null : await inBackground(() => scheduleReport(db, { from, to }));
  return Response.json({ queries, checksLastMinute: Number(checks?.n ?? 0), schedule }, { headers: { 'cache-control': 'no-store' } });
}
