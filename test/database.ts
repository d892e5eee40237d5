/** A fresh, migrated database for one test file: a PGlite clone, or a PostgreSQL copy of the run's template. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DbHandle, type QueryListener } from '../db/open';
import { databaseUrlFor } from './global-setup';

export type TestDriver = 'pglite' | 'postgres';

export function testDriver(): TestDriver {
  return process.env.LR_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

export async function openTestDatabase(options: { onQuery?: QueryListener } = {}): Promise<DbHandle> {
  if (testDriver() === 'pglite') {
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('Only the pglite test project (an *.int.test.ts file) has a migrated PGlite template.');
    const tarball = fs.readFileSync(template);
    return openPglite({ loadDataDir: new Blob([tarball]), onQuery: options.onQuery });
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!baseUrl || !template) throw new Error('The postgres test project needs TEST_DATABASE_URL.');
  const name = `lr_t_${inject('runId')}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const handle = openPostgres(databaseUrlFor(baseUrl, name), 4, options.onQuery);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
