/**
 * The process-wide services (config, database, mail, auth), opened lazily on first use so that
 * `next build` — which evaluates modules — never opens or locks the database.
 */
import path from 'node:path';
import { getConfig, type AppConfig } from './config';
import { openPglite, openPostgres, type DbHandle } from '@/db/open';
import type { Database } from '@/db/types';
import { createMailer, type Mailer } from './mail/mailer';
import { createAuth, type Auth } from './auth/auth';
import { createSessionCache, type SessionCache } from './auth/session-cache';
import { createReadCache, type ReadCache } from './read-cache';
import { countQuery } from './query-stats';

export type Runtime = { config: AppConfig; handle: DbHandle; db: Database; mailer: Mailer; auth: Auth; sessions: SessionCache; reads: ReadCache };

async function openRuntime(): Promise<Runtime> {
  const config = getConfig();
  let handle: DbHandle;
  const onQuery = config.queryStats ? countQuery : undefined;
  if (config.mode === 'embedded') {
    handle = await openPglite({ dataDir: path.join(config.dataDir, 'pglite'), onQuery });
    // The embedded owner migrates at start-up; PostgreSQL is migrated by `npm run migrate`.
    await handle.migrate();
  } else {
    handle = openPostgres(config.databaseUrl!, 10, onQuery);
  }
  const mailer = createMailer({ db: handle.db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const auth = createAuth({ db: handle.db, mailer, secret: config.authSecret, appUrl: config.appUrl, rateLimit: config.authRateLimit });
  const sessions = createSessionCache({ ttlMs: config.sessionCacheMs, maxEntries: 10_000 });
  const reads = createReadCache({ maxProjects: 200 });
  return { config, handle, db: handle.db, mailer, auth, sessions, reads };
}

// Kept on globalThis so dev-mode module reloads reuse the one locked PGlite instance.
const holder = globalThis as typeof globalThis & { __launchReadyRuntime?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  holder.__launchReadyRuntime ??= openRuntime().catch((error: unknown) => {
    holder.__launchReadyRuntime = undefined;
    throw error;
  });
  return holder.__launchReadyRuntime;
}
