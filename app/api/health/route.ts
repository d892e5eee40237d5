/** Answers 200 only when the database answers; load balancers and monitors use it. */
import { sql } from 'drizzle-orm';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

const DB_TIMEOUT_MS = 2000;

export async function GET() {
  try {
    const { db, handle } = await getRuntime();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer in time')), DB_TIMEOUT_MS)),
    ]);
    return Response.json({ status: 'ok', database: handle.driver }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
