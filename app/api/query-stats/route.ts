/**
 * For `npm run bench` (LR_QUERY_STATS=on; 404 otherwise): the SQL statements sent for web
 * requests so far, and how many monitor checks the workers finished in the last minute — the
 * benchmark's proof that the workers were busy while it measured.
 */
import { and, count, gt, ne, sql } from 'drizzle-orm';
import { getRuntime } from '@/server/runtime';
import { inBackground, requestQueryCount } from '@/server/query-stats';
import { monitorResults } from '@/db/schema';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { config, db } = await getRuntime();
  if (!config.queryStats) return new Response('Not found', { status: 404 });
  const queries = requestQueryCount();
  const [checks] = await inBackground(() =>
    db
      .select({ n: count() })
      .from(monitorResults)
      .where(and(gt(monitorResults.startedAt, sql`now() - interval '1 minute'`), ne(monitorResults.worker, 'seed'))),
  );
  return Response.json({ queries, checksLastMinute: Number(checks?.n ?? 0) }, { headers: { 'cache-control': 'no-store' } });
}
