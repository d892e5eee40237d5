/** Opens a database with either driver. Same schema, same migrations, same queries. */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import type { Database } from './types';
import { acquireDataDirLock } from './data-dir-lock';

export type DbHandle = {
  db: Database;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the data directory (used to clone a migrated test template). */
  dump?(): Promise<Blob>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export type PgliteOptions = { dataDir?: string; loadDataDir?: Blob; onQuery?: QueryListener };

/** Called with every SQL statement drizzle sends (tests count queries with it). */
export type QueryListener = (sql: string) => void;

/** drizzle's `logger` option when a listener is given; absent otherwise, so the default is unchanged. */
function loggerOption(onQuery: QueryListener | undefined) {
  return onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {};
}

/** `dataDir` = persistent, locked embedded database; neither = in memory (tests). */
export async function openPglite(options: PgliteOptions = {}): Promise<DbHandle> {
  let release = () => {};
  if (options.dataDir) {
    // PGlite does not create parent directories itself.
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    release = acquireDataDirLock(options.dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, casing: 'snake_case', ...loggerOption(options.onQuery) });
  return {
    db: db as unknown as Database, // both drivers share PgDatabase; only the result HKT differs
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    async close() {
      await client.close();
      release();
    },
    async dump() {
      return (await client.dumpDataDir('none')) as Blob;
    },
  };
}

export function openPostgres(connectionString: string, poolSize = 10, onQuery?: QueryListener): DbHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection (e.g. a database restart) must not crash the process.
  pool.on('error', (error) => console.error('[db] idle PostgreSQL client error:', error.message));
  // A checked-out client losing its connection fails its query; the event itself must not crash the process.
  pool.on('connect', (client) => client.on('error', (error) => console.error('[db] PostgreSQL connection lost:', error.message)));
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case', ...loggerOption(onQuery) });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}
