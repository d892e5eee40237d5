/**
 * Builds one migrated database template per integration project and run so each test file can
 * clone it instead of migrating from scratch: a PGlite data-dir snapshot for the pglite project,
 * a PostgreSQL template database for the postgres one. Unit tests have no global setup, so they
 * never wait for a migration. Everything this run creates carries its run id and is dropped at the end.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/open';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
    postgresTemplate: string | null;
    runId: string;
  }
}

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const driver = project.config.env?.LR_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';
  const runId = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-test-'));

  let pgliteTemplate: string | null = null;
  if (driver === 'pglite') {
    const memory = await openPglite();
    await memory.migrate();
    const snapshot = await memory.dump!();
    await memory.close();
    pgliteTemplate = path.join(dir, 'template.tar');
    fs.writeFileSync(pgliteTemplate, Buffer.from(await snapshot.arrayBuffer()));
  }

  let postgresTemplate: string | null = null;
  const baseUrl = driver === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  if (baseUrl) {
    postgresTemplate = `lr_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${postgresTemplate}`);
    await admin.end();
    const template = openPostgres(databaseUrlFor(baseUrl, postgresTemplate), 1);
    await template.migrate();
    await template.close();
  }

  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);
  project.provide('runId', runId);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (!baseUrl) return;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`lr\\_%\\_${runId}%`]);
    for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.end();
  };
}
