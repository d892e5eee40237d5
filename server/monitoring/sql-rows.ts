/** Raw `db.execute` results differ per driver only in type; both carry `rows`. */
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';

export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
